package org.bftvote.sim.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.bftvote.sim.campaign.Campaign;
import org.bftvote.sim.campaign.CampaignOptions;
import org.bftvote.sim.campaign.CampaignPlan;
import org.bftvote.sim.campaign.ProgressLines;
import org.bftvote.sim.campaign.Shard;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Campaign throughput on one and on two worker threads: one operation is a whole campaign of {@value #RUNS} runs of
 * nominal-triplex, 20 s each (2,000 frames, summaries and result files written, aggregate rebuilt from disk), into
 * a fresh directory. Runs per second = {@value #RUNS} / (seconds per operation); the speed-up is the ratio of the
 * two rows of one JMH run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CampaignBenchmark {
    /** Runs per campaign. */
    static final int RUNS = 16;

    @Param({"1", "2"})
    private int threads;

    private CampaignPlan plan;
    private Path dir;

    /** Creates the benchmark state. */
    public CampaignBenchmark() {
        // set up in setUp
    }

    /**
     * @throws Exception if the shipped profiles cannot be loaded
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        final ProfileCatalog catalog = ProfileCatalog.load(RepoFiles.profiles());
        Scenario scenario = new ScenarioLoader(catalog).load(RepoFiles.root()
            .resolve("sim-harness/scenarios/nominal-triplex.yaml"));
        scenario = scenario.withRun(scenario.seed(), 20.0);
        plan = CampaignPlan.of(scenario, 7, RUNS, null, Shard.WHOLE, false);
    }

    /**
     * @throws IOException if the temporary directory cannot be made
     */
    @Setup(Level.Invocation)
    public void freshDirectory() throws IOException {
        dir = Files.createTempDirectory("campaign-bench");
    }

    /**
     * @throws IOException if the directory cannot be removed
     */
    @TearDown(Level.Invocation)
    public void removeDirectory() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (final Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * One whole campaign.
     *
     * @return runs aggregated
     * @throws Exception if a run fails
     */
    @Benchmark
    public long campaign() throws Exception {
        return new Campaign(plan).run(dir, new CampaignOptions(threads, false, false, List.of()),
            new ProgressLines(new PrintWriter(new StringWriter()))).runs();
    }
}
