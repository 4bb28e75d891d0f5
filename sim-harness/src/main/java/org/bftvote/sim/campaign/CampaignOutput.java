package org.bftvote.sim.campaign;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Rebuilds a campaign's aggregate from the run results on disk: reads every run's {@link RunResultFile} of the
 * plan's slice, in run order, streams its row into {@code campaign.csv} and adds it to the {@link CampaignReport},
 * then writes {@code campaign.json}. Both files are written atomically. Whoever produced the results (one process
 * or several, on any number of threads, in one go or resumed), the same results give the same bytes.
 */
final class CampaignOutput {
    /** The per-run table's file name. */
    static final String CSV = "campaign.csv";
    /** The summary's file name. */
    static final String JSON = "campaign.json";

    private CampaignOutput() {
    }

    /**
     * @param out        directory the two files go to
     * @param plan       the campaign and slice to aggregate
     * @param faultIds   the scheduled faults' ids
     * @param runsHolder for a run number, the directory whose {@code runs/} holds that run
     * @return the aggregate
     * @throws CampaignFileException if a run's result is missing or damaged
     * @throws IOException           if a file cannot be read or written
     */
    static CampaignReport write(final Path out, final CampaignPlan plan, final List<String> faultIds,
        final LongFunction<Path> runsHolder) throws IOException {
        final CampaignReport report = new CampaignReport(plan, faultIds);
        final int signals = plan.scenario().platform().signals().size();
        AtomicFiles.write(out.resolve(CSV), csv -> {
            csv.write(report.csvHeader());
            for (long i = plan.firstRun(); i < plan.endRun(); i++) {
                final long seed = plan.seed(i);
                final Path file = Campaign.resultFile(runsHolder.apply(i), i, seed);
                final CampaignRun run;
                try {
                    run = RunResultFile.read(file, i, seed, signals, faultIds.size());
                } catch (final java.nio.file.NoSuchFileException e) {
                    throw new CampaignFileException(file, 0, "run " + i + " has not finished (no result file); "
                        + "run the campaign again with --resume to finish it");
                }
                csv.write(report.csvRow(run));
                report.add(run);
            }
        });
        AtomicFiles.writeString(out.resolve(JSON), report.json());
        return report;
    }
}
