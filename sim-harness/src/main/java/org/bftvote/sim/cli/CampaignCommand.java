package org.bftvote.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.bftvote.sim.campaign.Campaign;
import org.bftvote.sim.campaign.CampaignFileException;
import org.bftvote.sim.campaign.CampaignOptions;
import org.bftvote.sim.campaign.CampaignPlan;
import org.bftvote.sim.campaign.CampaignProgress;
import org.bftvote.sim.campaign.CampaignReport;
import org.bftvote.sim.campaign.ProgressBar;
import org.bftvote.sim.campaign.ProgressLines;
import org.bftvote.sim.campaign.Shard;
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
 * [--plots] [--threads K] [--resume | --force] [--shard i/N] [--progress auto|bar|lines]}: runs a {@link Campaign}
 * (or one
 * shard of it) and writes {@code campaign.csv}, {@code campaign.json} and the runs' files; {@code campaign merge}
 * ({@link CampaignMergeCommand}) combines shards. Exit 0 iff every run met its expectations and no run lost
 * agreement within the fault hypothesis, 1 otherwise, 2 for bad usage, an invalid scenario or a directory holding
 * another campaign, 3 for I/O errors.
 */
@Command(name = "campaign", mixinStandardHelpOptions = true, subcommands = CampaignMergeCommand.class,
    description = "Runs a scenario many times with derived seeds, in parallel, resumable and shardable, and "
        + "aggregates the results.")
public final class CampaignCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Parameters(index = "0", paramLabel = "SCENARIO", arity = "0..1",
        description = "Scenario name (see 'scenarios list') or path to a scenario YAML file.")
    private String scenarioName;

    @Option(names = "--runs", paramLabel = "N", description = "Number of runs of the whole campaign (>= 1).")
    private Integer runs;

    @Option(names = "--seed", paramLabel = "S", description = "Base seed (default: the scenario's seed).")
    private Long seed;

    @Option(names = "--duration", paramLabel = "T", description = "Run length in seconds overriding the scenario's.")
    private Double duration;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Output directory (default: sim-out/campaign-<scenario>-seed<S>-runs<N>[-shard<i>of<N>]).")
    private Path out;

    @Option(names = "--random-faults-scale", paramLabel = "X",
        description = "Draw random sensor faults from the profiles' rates multiplied by X (> 0) in every run.")
    private Double randomFaultsScale;

    @Option(names = "--plots", description = "Also write each run's frames.csv and plots (more disk and time).")
    private boolean plots;

    @Option(names = "--threads", paramLabel = "K",
        description = "Runs in parallel (default: every core, here ${DEFAULT-VALUE}); results do not depend on it.")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--resume", description = "Continue the campaign in --out: finished runs are kept, the rest run "
        + "(starts it when --out holds none yet).")
    private boolean resume;

    @Option(names = "--force", description = "Clear --out first when it holds older files or another campaign.")
    private boolean force;

    @Option(names = "--shard", paramLabel = "i/N",
        description = "Run only the i-th (0-based) of N disjoint slices of the runs; combine with 'campaign merge'.")
    private String shard;

    @Option(names = "--progress", paramLabel = "MODE",
        description = "auto (a bar on a terminal, else one line per run), bar or lines (default: ${DEFAULT-VALUE}).")
    private String progressMode = "auto";

    /** Creates the command; picocli sets its arguments. */
    public CampaignCommand() {
        // arguments are injected by picocli
    }

    @Override
    public Integer call() throws ProfileException, IOException {
        final Shard slice = checkArguments();
        final ProfileCatalog catalog = ProfileCatalog.load(locations.profiles());
        final Path file = new ScenarioCatalog(locations.scenarios()).resolve(scenarioName);
        Scenario scenario = new ScenarioLoader(catalog).load(file);
        scenario = scenario.withRun(scenario.seed(), duration != null ? duration : scenario.durationSeconds());
        final String lengthProblem = RunChecks.lengthProblem(scenario, scenario.platform().frameRate(), "--duration");
        if (lengthProblem != null) {
            throw new ParameterException(spec.commandLine(), lengthProblem);
        }
        final long base = seed != null ? seed : scenario.seed();
        final CampaignPlan plan;
        try {
            plan = CampaignPlan.of(scenario, base, runs,
                randomFaultsScale == null ? null : new RandomFaults(true, randomFaultsScale), slice, plots);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        final Path dir = out != null ? out : Path.of("sim-out", "campaign-" + scenario.name() + "-seed" + base
            + "-runs" + runs + (slice.whole() ? "" : "-shard" + slice.index() + "of" + slice.count()));
        final String disk = RunChecks.campaignDiskProblem(scenario, plan.endRun() - plan.firstRun()
            - (resume ? runsStarted(dir) : 0L), plots, dir);
        if (disk != null) {
            throw new ParameterException(spec.commandLine(), disk);
        }
        final PrintWriter err = spec.commandLine().getErr();
        final CampaignReport report;
        try {
            report = new Campaign(plan).run(dir, new CampaignOptions(threads, resume, force,
                spec.commandLine().getParseResult().originalArgs()), progress(err));
        } catch (final CampaignFileException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        final PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(report.table());
        stdout.println("results: " + dir.resolve("campaign.csv") + ", " + dir.resolve("campaign.json"));
        stdout.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.EXPECTATIONS_NOT_MET;
    }

    /** Runs a campaign being resumed in {@code dir} has already begun (their directories exist). */
    private static long runsStarted(final Path dir) throws IOException {
        final Path runsDir = dir.resolve("runs");
        if (!Files.isDirectory(runsDir)) {
            return 0L;
        }
        try (Stream<Path> entries = Files.list(runsDir)) {
            return entries.count();
        }
    }

    private Shard checkArguments() {
        if (scenarioName == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'SCENARIO'");
        }
        if (runs == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--runs=N'");
        }
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be >= 1, got " + runs);
        }
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + threads);
        }
        if (resume && force) {
            throw new ParameterException(spec.commandLine(),
                "--resume keeps the finished runs and --force clears them: give one");
        }
        if (duration != null && !(duration > 0.0 && Double.isFinite(duration))) {
            throw new ParameterException(spec.commandLine(),
                "--duration must be a positive number of seconds, got " + duration);
        }
        if (randomFaultsScale != null && !(randomFaultsScale > 0.0 && Double.isFinite(randomFaultsScale))) {
            throw new ParameterException(spec.commandLine(),
                "--random-faults-scale must be a positive number, got " + randomFaultsScale);
        }
        if (!"auto".equals(progressMode) && !"bar".equals(progressMode) && !"lines".equals(progressMode)) {
            throw new ParameterException(spec.commandLine(),
                "--progress must be auto, bar or lines, got '" + progressMode + "'");
        }
        try {
            return shard == null ? Shard.WHOLE : Shard.parse(shard);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--shard: " + e.getMessage());
        }
    }

    private CampaignProgress progress(final PrintWriter err) {
        final boolean bar = "bar".equals(progressMode) || "auto".equals(progressMode) && System.console() != null;
        return bar ? new ProgressBar(err, System::nanoTime) : new ProgressLines(err);
    }
}
