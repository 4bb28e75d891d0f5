package org.bftvote.sim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.bftvote.sim.execution.RunOutcome;
import org.bftvote.sim.execution.RunRequest;
import org.bftvote.sim.execution.ScenarioRunner;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.run.LibraryMapping;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.scenario.ScenarioCatalog;
import org.bftvote.sim.scenario.ScenarioLoader;
import org.bftvote.sim.yaml.ProfileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bftvote-sim run [SCENARIO]}: loads and validates a scenario and hands it to the {@link ScenarioRunner}
 * (with {@code --force}: an output directory holding older files is cleared first, not refused).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs a scenario (default: " + ScenarioCatalog.DEFAULT_SCENARIO + ").")
public final class RunCommand implements Callable<Integer> {
    private final ScenarioRunner runner;

    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
        description = "Scenario name (see 'scenarios list') or path to a scenario YAML file.")
    private String scenarioName = ScenarioCatalog.DEFAULT_SCENARIO;

    @Option(names = "--seed", paramLabel = "N", description = "Seed overriding the scenario's.")
    private Long seed;

    @Option(names = "--duration", paramLabel = "T", description = "Run length in seconds overriding the scenario's.")
    private Double duration;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Output directory (default: sim-out/<scenario>-seed<seed> under the working directory).")
    private Path out;

    @Option(names = "--force", description = "Clear the output directory first when it holds older files "
        + "(without it such a directory is refused).")
    private boolean force;

    @Option(names = "--trace", paramLabel = "DIR",
        description = "Also record the run as a trace into DIR (must not exist or be empty); 'replay DIR' "
            + "re-analyses it.")
    private Path trace;

    /**
     * Creates the command.
     *
     * @param runner the runner scenarios are handed to
     */
    public RunCommand(final ScenarioRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() throws ProfileException, IOException {
        if (duration != null && !(duration > 0.0 && Double.isFinite(duration))) {
            throw new ParameterException(spec.commandLine(),
                "--duration must be a positive number of seconds, got " + duration);
        }
        final ProfileCatalog catalog = ProfileCatalog.load(locations.profiles());
        final Path file = new ScenarioCatalog(locations.scenarios()).resolve(scenarioName);
        Scenario scenario = new ScenarioLoader(catalog).load(file);
        scenario = scenario.withRun(seed != null ? seed : scenario.seed(),
            duration != null ? duration : scenario.durationSeconds());
        final String lengthProblem = RunChecks.lengthProblem(scenario, scenario.platform().frameRate(), "--duration");
        if (lengthProblem != null) {
            throw new ParameterException(spec.commandLine(), lengthProblem);
        }
        final Path dir = out != null ? out : Path.of("sim-out", scenario.name() + "-seed" + scenario.seed());
        // Refused before anything is written: a refused run leaves no half-made files behind. The platform's own
        // limits come first, worded as profiles validate words them.
        LibraryMapping.pipeline(scenario.platform());
        final String traceProblem = RunChecks.traceDirectoryProblem(trace);
        if (traceProblem != null) {
            throw new ParameterException(spec.commandLine(), traceProblem);
        }
        final String diskProblem = RunChecks.diskProblem(scenario, dir);
        if (diskProblem != null) {
            throw new ParameterException(spec.commandLine(), diskProblem);
        }
        if (trace != null) {
            // Made first: a trace directory that cannot be made fails the run (exit 3, with the reason) before
            // frames.csv or any other file is written.
            Files.createDirectories(trace);
        }
        final RunOutcome outcome = runner.run(new RunRequest(scenario, catalog, dir, spec.commandLine().getOut(),
            spec.commandLine().getErr(), trace, force, spec.commandLine().getParseResult().originalArgs()));
        spec.commandLine().getOut().flush();
        return ExitCodes.of(outcome);
    }
}
