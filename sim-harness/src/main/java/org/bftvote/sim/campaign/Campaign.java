package org.bftvote.sim.campaign;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.execution.CompletedRun;
import org.bftvote.sim.execution.SimulationRunner;
import org.bftvote.sim.results.ExpectationCheck;
import org.bftvote.sim.results.ExpectationReport;
import org.bftvote.sim.results.OutputFolder;
import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.results.SummaryJsonWriter;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.InjectedFault;
import org.bftvote.sim.run.Simulation;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.yaml.ProfileException;

/**
 * A fault-injection campaign: one scenario run many times, each run with its own seed ({@link CampaignSeeds}),
 * optionally with random sensor faults drawn from the profiles' rates, on several threads. Each run writes its
 * {@code summary.json} (with plots on, also its {@code frames.csv} and plots) under
 * {@code runs/run-<i>-seed-<seed>/}, then its {@link RunResultFile} atomically: a run is finished exactly when that
 * file is there. When every run of the slice is finished, {@code campaign.csv} and {@code campaign.json} are
 * rebuilt from those files alone ({@link CampaignOutput}), in run order.
 *
 * <p>So the files do not depend on the thread count (runs share nothing; each is a function of its seed), a killed
 * campaign continues with {@code resume} where it stopped (finished runs are read, not run again) and gives the
 * same files as an uninterrupted one, and shards of one campaign run anywhere merge into the files of the whole
 * ({@link CampaignMerge}). Memory stays bounded whatever the number of runs: nothing is allocated per run up
 * front, and each thread holds one run at a time.
 */
public final class Campaign {
    private final CampaignPlan plan;
    private final List<String> faultIds;

    /**
     * @param plan the campaign
     * @throws ProfileException if the platform asks for a configuration the library refuses
     */
    public Campaign(final CampaignPlan plan) throws ProfileException {
        this.plan = plan;
        this.faultIds = faultIds(plan.scenario());
    }

    /** @return the campaign's plan */
    public CampaignPlan plan() {
        return plan;
    }

    /**
     * Runs this process's slice of the campaign and writes the aggregate of the slice.
     *
     * @param dir      campaign output directory; runs go under {@code runs/}
     * @param options  threads, resume or force, the command line
     * @param progress hears each finished run
     * @return the aggregate, whose files are written
     * @throws ProfileException      if the platform asks for a configuration the library refuses
     * @throws CampaignFileException if {@code dir} holds another campaign, or a campaign without resume or force
     * @throws IOException           if {@code dir} holds other files (without force) or a file cannot be written
     */
    public CampaignReport run(final Path dir, final CampaignOptions options, final CampaignProgress progress)
        throws ProfileException, IOException {
        final boolean resuming = prepare(dir, options);
        new SliceRunner(this, dir, options.threads(), resuming, progress).runAll();
        return CampaignOutput.write(dir, plan, faultIds, index -> dir);
    }

    /**
     * @param index run number, 0-based
     * @param seed  its seed
     * @return the run's directory name under {@code runs/}
     */
    public static String runDirectory(final long index, final long seed) {
        return String.format("run-%04d-seed-%d", index, seed);
    }

    /**
     * @param campaignDir the directory holding {@code runs/}
     * @param index       a run number
     * @param seed        its seed
     * @return that run's result file
     */
    static Path resultFile(final Path campaignDir, final long index, final long seed) {
        return campaignDir.resolve("runs").resolve(runDirectory(index, seed)).resolve(RunResultFile.FILE_NAME);
    }

    /**
     * @param scenario a scenario
     * @return the ids of the faults its runs report, in their order
     * @throws ProfileException if the platform asks for a configuration the library refuses
     */
    static List<String> faultIds(final Scenario scenario) throws ProfileException {
        final List<String> ids = new ArrayList<>();
        for (final InjectedFault f : new Simulation(scenario).descriptor().faults()) {
            ids.add(f.id());
        }
        return ids;
    }

    /** @return the ids of the scheduled faults */
    List<String> faultIds() {
        return faultIds;
    }

    /** Makes the directory ready; returns whether finished runs in it are kept (a resume). */
    private boolean prepare(final Path dir, final CampaignOptions options) throws IOException {
        final Path planFile = dir.resolve(CampaignPlan.FILE_NAME);
        if (Files.exists(planFile) && !options.force()) {
            if (!options.resume()) {
                throw new CampaignFileException(planFile, 0, "this directory already holds a campaign; add --resume "
                    + "to continue it, --force to start it again from nothing, or choose another --out");
            }
            final String difference = plan.difference(CampaignPlan.read(planFile), true);
            if (difference != null) {
                throw new CampaignFileException(planFile, 0, "holds another campaign (" + difference + "); resume "
                    + "it with the arguments it was started with, or choose another --out");
            }
            return true;
        }
        OutputFolder.prepare(dir, options.force());
        CampaignProvenance.write("campaign", plan, options.arguments(), dir);
        plan.write(dir);
        return false;
    }

    /**
     * Runs one run, writes its files and then its result, atomically.
     *
     * @param dir   the campaign directory
     * @param index the run number
     * @return the run's figures
     * @throws ProfileException if the platform asks for a configuration the library refuses
     * @throws IOException      if a file cannot be written
     */
    CampaignRun execute(final Path dir, final long index) throws ProfileException, IOException {
        final long seed = plan.seed(index);
        final Scenario one = plan.scenario().withRun(seed, plan.scenario().durationSeconds());
        final Path runDir = dir.resolve("runs").resolve(runDirectory(index, seed));
        final CampaignRun result;
        if (plan.plots()) {
            final StringWriter discarded = new StringWriter();
            final CompletedRun done = SimulationRunner.execute(one, runDir, null, new PrintWriter(discarded));
            result = CampaignRun.of(index, seed, done.metrics(), done.verdict());
        } else {
            result = metricsOnly(index, one, runDir);
        }
        RunResultFile.write(runDir.resolve(RunResultFile.FILE_NAME), result);
        return result;
    }

    /**
     * @param dir   the campaign directory
     * @param index a run number
     * @return the run's stored result, or {@code null} when it has none yet
     * @throws IOException if the stored result is damaged or cannot be read
     */
    CampaignRun stored(final Path dir, final long index) throws IOException {
        final long seed = plan.seed(index);
        try {
            return RunResultFile.read(resultFile(dir, index, seed), index, seed,
                plan.scenario().platform().signals().size(), faultIds.size());
        } catch (final NoSuchFileException e) {
            return null;
        }
    }

    private static CampaignRun metricsOnly(final long index, final Scenario one, final Path runDir)
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
