package org.bftvote.sim.campaign;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.execution.CompletedRun;
import org.bftvote.sim.execution.SimulationRunner;
import org.bftvote.sim.results.ExpectationCheck;
import org.bftvote.sim.results.ExpectationReport;
import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.results.SummaryJsonWriter;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.Simulation;
import org.bftvote.sim.scenario.RandomFaults;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.yaml.ProfileException;

/**
 * A fault-injection campaign: one scenario run {@code N} times in this JVM, one after the other, each with its own
 * seed ({@link CampaignSeeds}), optionally with random sensor faults drawn from the profiles' rates. Each run writes
 * its {@code summary.json} under {@code runs/run-<i>-seed-<seed>/}; with plots on, also its {@code frames.csv} and
 * plots (as {@code run} does). Memory stays bounded whatever {@code N}: only each run's {@link CampaignRun} figures
 * are kept. The same scenario, base seed and number of runs give the same figures, bit for bit.
 */
public final class Campaign {
    private final Scenario scenario;
    private final long baseSeed;
    private final int runs;
    private final boolean plots;

    /**
     * @param scenario     the scenario, duration applied; its seed is replaced per run
     * @param baseSeed     the seed the runs' seeds derive from
     * @param runs         number of runs, &gt;= 1
     * @param randomFaults random faults for every run, or {@code null} to keep the scenario's setting
     * @param plots        whether each run also writes its per-frame CSV and plots
     */
    public Campaign(final Scenario scenario, final long baseSeed, final int runs, final RandomFaults randomFaults,
        final boolean plots) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        this.scenario = randomFaults == null ? scenario : new Scenario(scenario.name(), scenario.file(),
            scenario.description(), scenario.platform(), scenario.durationSeconds(), scenario.seed(),
            scenario.truthBySignal(), scenario.faults(), randomFaults, scenario.expectations());
        this.baseSeed = baseSeed;
        this.runs = runs;
        this.plots = plots;
    }

    /** @return the scenario every run uses (with the campaign's random-fault setting) */
    public Scenario scenario() {
        return scenario;
    }

    /**
     * Runs every run in order.
     *
     * @param dir      campaign output directory; runs go under {@code runs/}
     * @param progress one line per finished run goes here
     * @return the runs' figures, in run order
     * @throws ProfileException if the platform asks for a configuration the library refuses
     * @throws IOException      if a run's files cannot be written
     */
    public List<CampaignRun> run(final Path dir, final PrintWriter progress) throws ProfileException, IOException {
        final long[] seeds = CampaignSeeds.derive(baseSeed, runs);
        final List<CampaignRun> results = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            final Scenario one = scenario.withRun(seeds[i], scenario.durationSeconds());
            final Path runDir = dir.resolve("runs").resolve(runDirectory(i, seeds[i]));
            final CampaignRun result = plots ? full(i, one, runDir, progress) : metricsOnly(i, one, runDir);
            results.add(result);
            progress.println("run " + (i + 1) + " of " + runs + " (seed " + seeds[i] + "): "
                + (result.expectationsPassed() ? "expectations met" : "expectations NOT met"));
            progress.flush();
        }
        return results;
    }

    /**
     * @param index run number, 0-based
     * @param seed  its seed
     * @return the run's directory name under {@code runs/}
     */
    public static String runDirectory(final int index, final long seed) {
        return String.format("run-%04d-seed-%d", index, seed);
    }

    private static CampaignRun full(final int index, final Scenario one, final Path runDir, final PrintWriter err)
        throws ProfileException, IOException {
        final CompletedRun done = SimulationRunner.execute(one, runDir, null, err);
        return CampaignRun.of(index, one.seed(), done.metrics(), done.verdict());
    }

    private static CampaignRun metricsOnly(final int index, final Scenario one, final Path runDir)
        throws ProfileException, IOException {
        final Simulation simulation = new Simulation(one);
        final RunMetrics metrics = new RunMetrics(simulation.descriptor(),
            new double[simulation.descriptor().signalCount()], RunMetrics.DEFAULT_EXCLUSION_CAPACITY);
        simulation.observers(List.of(metrics));
        simulation.runAll(new FrameSample(simulation.descriptor()), frame -> { });
        final ExpectationReport verdict = ExpectationCheck.evaluate(
            ExpectationCheck.expectations(one.expectations()), metrics);
        Files.createDirectories(runDir);
        SummaryJsonWriter.write(runDir.resolve("summary.json"), metrics, verdict, List.of("summary.json"));
        return CampaignRun.of(index, one.seed(), metrics, verdict);
    }
}
