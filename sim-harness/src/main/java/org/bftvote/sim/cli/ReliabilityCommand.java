package org.bftvote.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.reliability.Condition;
import org.bftvote.sim.reliability.PlatformFlight;
import org.bftvote.sim.reliability.ReliabilityReport;
import org.bftvote.sim.reliability.ReliabilitySettings;
import org.bftvote.sim.reliability.ReliabilityStudy;
import org.bftvote.sim.reliability.Stratification;
import org.bftvote.sim.results.OutputFolder;
import org.bftvote.sim.results.Provenance;
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
 * {@code bftvote-sim reliability SCENARIO_OR_PLATFORM [options]}: estimates per flight hour the loss of agreement
 * among healthy lanes, an unsafe output presented as valid and the loss of a signal, with 95 % intervals
 * ({@link ReliabilityStudy}), and writes {@link ReliabilityReport}'s files. Exit 0, or 1 when {@code --check} found
 * a disagreement; 2 for bad usage or an invalid scenario or platform; 3 for I/O errors.
 */
@Command(name = "reliability", mixinStandardHelpOptions = true,
    description = "Estimates failure conditions per flight hour from the profiles' failure rates (importance "
        + "sampling on the simulator), with 95 % intervals, cut sets and a convergence plot.")
public final class ReliabilityCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Parameters(index = "0", paramLabel = "SCENARIO_OR_PLATFORM",
        description = "A scenario (its platform and truth are used) or a platform profile's name.")
    private String target;

    @Option(names = "--mission-hours", paramLabel = "T", description = "Flight length, hours (default "
        + "${DEFAULT-VALUE}).")
    private double missionHours = 1.0;

    @Option(names = "--samples", paramLabel = "N", description = "Importance samples (default ${DEFAULT-VALUE}).")
    private int samples = 4000;

    @Option(names = "--max-faults", paramLabel = "K", description = "Most faults in a sampled flight (default "
        + "${DEFAULT-VALUE}).")
    private int maxFaults = 3;

    @Option(names = "--warmup", paramLabel = "S", description = "Seconds simulated before a window's first fault "
        + "(default ${DEFAULT-VALUE}).")
    private double warmup = 5.0;

    @Option(names = "--settle", paramLabel = "S", description = "Settle seconds after each fault (default "
        + "${DEFAULT-VALUE}).")
    private double settle = 40.0;

    @Option(names = "--bias", paramLabel = "W", description = "Share of unit choices among related units (default "
        + "${DEFAULT-VALUE}).")
    private double bias = 0.5;

    @Option(names = "--seed", paramLabel = "S", description = "Base seed (default ${DEFAULT-VALUE}).")
    private long seed = 1L;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads (default: every core, here "
        + "${DEFAULT-VALUE}).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--background-hours", paramLabel = "H",
        description = "Fault-free flight hours simulated for the buses' own contribution (default ${DEFAULT-VALUE}); "
            + "0 leaves it out (the table says it was not estimated).")
    private double backgroundHours = 0.1;

    @Option(names = "--condition", paramLabel = "C", description = "Estimate only this condition (loss_of_agreement, "
        + "unsafe_output or loss_of_signal): the sample allocation serves it alone and each window ends once it "
        + "shows (default: all three).")
    private String condition;

    @Option(names = "--stratify", paramLabel = "S", description = "Strata of importance sampling: count (one per "
        + "number of faults, forced transitions) or classes (one per class of one or two faults, conditional Monte "
        + "Carlo with exact class probabilities, a pilot that only steers the allocation) (default "
        + "${DEFAULT-VALUE}).")
    private String stratify = "count";

    @Option(names = "--check", description = "Also check against the Markov model and plain Monte Carlo at inflated "
        + "rates.")
    private boolean check;

    @Option(names = "--check-load", paramLabel = "L", description = "Expected faults per flight at the inflated "
        + "rates (default ${DEFAULT-VALUE}).")
    private double checkLoad = 0.5;

    @Option(names = "--check-samples", paramLabel = "N", description = "Flights of each estimator at inflated rates "
        + "(default ${DEFAULT-VALUE}).")
    private int checkSamples = 1000;

    @Option(names = "--coverage-trials", paramLabel = "N", description = "Simulator trials per Markov transition "
        + "(default ${DEFAULT-VALUE}).")
    private int coverageTrials = 30;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: "
        + "sim-out/reliability-<name>).")
    private Path out;

    @Option(names = "--force", description = "Clear --out first when it holds older files.")
    private boolean force;

    /** Creates the command; picocli sets its arguments. */
    public ReliabilityCommand() {
        // arguments are injected by picocli
    }

    @Override
    public Integer call() throws ProfileException, IOException {
        final ReliabilitySettings settings;
        try {
            settings = new ReliabilitySettings(missionHours, samples, maxFaults, warmup, settle, bias, seed, threads,
                backgroundHours, check, checkLoad, checkSamples, coverageTrials, conditions(),
                stratification());
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        final Scenario base = resolve();
        final ReliabilityStudy study;
        try {
            study = new ReliabilityStudy(base, settings);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        final Path dir = OutputFolder.prepare(out != null ? out : Path.of("sim-out", "reliability-" + base.name()),
            force);
        Provenance.builder("reliability").arguments(spec.commandLine().getParseResult().originalArgs())
            .input("platform", Path.of(base.platform().file())).configuration(settings.toString() + "\n").build()
            .write(dir);
        final long start = System.nanoTime();
        final ReliabilityStudy.Result result = study.run(spec.commandLine().getErr());
        final ReliabilityReport report = new ReliabilityReport(result);
        report.write(dir);
        final PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(report.table());
        stdout.printf(Locale.ROOT, "took %.1f s on %d thread(s); results: %s%n", (System.nanoTime() - start) / 1e9,
            threads, dir.resolve(ReliabilityReport.JSON));
        stdout.flush();
        return report.checks() == null || report.checks().allAgree() ? ExitCodes.OK : ExitCodes.EXPECTATIONS_NOT_MET;
    }

    /** The stratification {@code --stratify} names. */
    private Stratification stratification() {
        final Stratification s = Stratification.byKey(stratify);
        if (s == null) {
            throw new IllegalArgumentException("--stratify must be count or classes, got '" + stratify + "'");
        }
        return s;
    }

    /** Every condition, or the one {@code --condition} names. */
    private List<Condition> conditions() {
        if (condition == null) {
            return List.of(Condition.values());
        }
        final Condition c = Condition.byKey(condition);
        if (c == null) {
            throw new IllegalArgumentException("--condition must be loss_of_agreement, unsafe_output or "
                + "loss_of_signal, got '" + condition + "'");
        }
        return List.of(c);
    }

    /** A scenario by name or file; else a platform by name, flown with the default truth. */
    private Scenario resolve() throws ProfileException {
        final ProfileCatalog catalog = ProfileCatalog.load(locations.profiles());
        final ScenarioCatalog scenarios = new ScenarioCatalog(locations.scenarios());
        final PlatformProfile platform = catalog.platform(target);
        if (platform != null && !Files.isRegularFile(locations.scenarios().resolve(target + ".yaml"))
            && !Files.isRegularFile(Path.of(target))) {
            return PlatformFlight.of(platform);
        }
        try {
            return new ScenarioLoader(catalog).load(scenarios.resolve(target));
        } catch (final ProfileException e) {
            if (e.problem().startsWith("no such file, nor a scenario")) {
                throw new ParameterException(spec.commandLine(), "'" + target + "' is neither a scenario nor a "
                    + "platform (platforms: " + String.join(", ", catalog.platforms().keySet()) + "; scenarios: "
                    + String.join(", ", scenarios.names()) + ")");
            }
            throw e;
        }
    }
}
