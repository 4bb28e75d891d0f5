package org.bftvote.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.bftvote.sim.campaign.Campaign;
import org.bftvote.sim.campaign.CampaignReport;
import org.bftvote.sim.campaign.CampaignRun;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.scenario.RandomFaults;
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
 * {@code bftvote-sim campaign SCENARIO --runs N [--seed S] [--duration T] [--out DIR] [--random-faults-scale X]
 * [--plots]}: runs a {@link Campaign} and writes {@code campaign.csv}, {@code campaign.json} and the runs'
 * summaries. Exit 0 iff every run met its expectations and no run lost agreement within the fault hypothesis, 1
 * otherwise, 2 for bad usage or an invalid scenario, 3 for I/O errors.
 */
@Command(name = "campaign", mixinStandardHelpOptions = true,
    description = "Runs a scenario many times with derived seeds and aggregates the results.")
public final class CampaignCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Parameters(index = "0", paramLabel = "SCENARIO",
        description = "Scenario name (see 'scenarios list') or path to a scenario YAML file.")
    private String scenarioName;

    @Option(names = "--runs", paramLabel = "N", required = true, description = "Number of runs (>= 1).")
    private int runs;

    @Option(names = "--seed", paramLabel = "S", description = "Base seed (default: the scenario's seed).")
    private Long seed;

    @Option(names = "--duration", paramLabel = "T", description = "Run length in seconds overriding the scenario's.")
    private Double duration;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Output directory (default: sim-out/campaign-<scenario>-seed<S>-runs<N>).")
    private Path out;

    @Option(names = "--random-faults-scale", paramLabel = "X",
        description = "Draw random sensor faults from the profiles' rates multiplied by X (> 0) in every run.")
    private Double randomFaultsScale;

    @Option(names = "--plots", description = "Also write each run's frames.csv and plots (more disk and time).")
    private boolean plots;

    /** Creates the command; picocli sets its arguments. */
    public CampaignCommand() {
        // arguments are injected by picocli
    }

    @Override
    public Integer call() throws ProfileException, IOException {
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be >= 1, got " + runs);
        }
        if (duration != null && !(duration > 0.0 && Double.isFinite(duration))) {
            throw new ParameterException(spec.commandLine(),
                "--duration must be a positive number of seconds, got " + duration);
        }
        if (randomFaultsScale != null && !(randomFaultsScale > 0.0 && Double.isFinite(randomFaultsScale))) {
            throw new ParameterException(spec.commandLine(),
                "--random-faults-scale must be a positive number, got " + randomFaultsScale);
        }
        final ProfileCatalog catalog = ProfileCatalog.load(locations.profiles());
        final Path file = new ScenarioCatalog(locations.scenarios()).resolve(scenarioName);
        Scenario scenario = new ScenarioLoader(catalog).load(file);
        scenario = scenario.withRun(scenario.seed(), duration != null ? duration : scenario.durationSeconds());
        final long base = seed != null ? seed : scenario.seed();
        final Path dir = out != null ? out
            : Path.of("sim-out", "campaign-" + scenario.name() + "-seed" + base + "-runs" + runs);
        Files.createDirectories(dir);
        final Campaign campaign = new Campaign(scenario, base, runs,
            randomFaultsScale == null ? null : new RandomFaults(true, randomFaultsScale), plots);
        final PrintWriter err = spec.commandLine().getErr();
        final List<CampaignRun> results = campaign.run(dir, err);
        final CampaignReport report = new CampaignReport(campaign.scenario(), base, results);
        report.write(dir);
        final PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(report.table());
        stdout.println("results: " + dir.resolve("campaign.csv") + ", " + dir.resolve("campaign.json"));
        stdout.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.EXPECTATIONS_NOT_MET;
    }
}
