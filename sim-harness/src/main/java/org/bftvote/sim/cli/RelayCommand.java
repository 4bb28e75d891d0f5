package org.bftvote.sim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.bftvote.sim.hil.RelayRun;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.scenario.ScenarioLoader;
import org.bftvote.sim.yaml.ProfileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bftvote-sim relay --scenario FILE --seed S --duration T --rig PORT}: the rig's fault-injecting bus between
 * the lanes as a process of its own ({@link RelayRun}); {@code hil --lanes-over processes} starts it. Exit 0 after
 * the session, 2 on bad usage, 3 when a socket fails or the rig that started it is gone.
 */
@Command(name = "relay", mixinStandardHelpOptions = true,
    description = "Runs the rig's relay between the lanes (the scenario's lane and bus faults on the wire).")
public final class RelayCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "The scenario file.")
    private Path scenarioFile;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "The session's seed.")
    private long seed;

    @Option(names = "--duration", required = true, paramLabel = "T", description = "The session's simulated length, "
        + "seconds.")
    private double duration;

    @Option(names = "--port-base", paramLabel = "P", description = "Lane j's bus port at P + j (default 0: ports "
        + "from an ephemeral bind).")
    private int portBase;

    @Mixin
    private RigConnection connection;

    /** Creates the command; picocli sets its arguments. */
    public RelayCommand() {
        // arguments are injected by picocli
    }

    @Override
    public Integer call() throws ProfileException, IOException {
        connection.check(spec);
        if (!(duration > 0 && Double.isFinite(duration))) {
            throw new ParameterException(spec.commandLine(), "--duration must be > 0 seconds, got " + duration);
        }
        if (portBase < 0 || portBase > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port-base must be in 0..65535, got " + portBase);
        }
        Scenario scenario = new ScenarioLoader(ProfileCatalog.load(locations.profiles())).load(scenarioFile);
        scenario = scenario.withRun(seed, duration);
        final String summary = RelayRun.run(scenario, connection.rig(), portBase, connection.rtPriority(),
            connection.exitWithStdin());
        spec.commandLine().getOut().println(summary);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
