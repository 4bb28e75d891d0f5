package org.bftvote.sim.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import org.bftvote.sim.profile.SignalSpec;
import org.bftvote.sim.results.FaultOutcome;
import org.bftvote.sim.results.JsonOut;
import org.bftvote.sim.scenario.Scenario;

/**
 * Aggregates a campaign's runs, fed one at a time in run order ({@link #add}), into {@code campaign.csv} (one row
 * per run, {@link #csvRow}), {@code campaign.json} (the summary, {@link #json}) and a short table for the console
 * ({@link #table}). Nothing per run is kept beyond a bounded number of table rows, so memory stays the same whatever
 * the number of runs. Files use {@code \n} line ends, numbers as {@link Double#toString(double)}, no timestamps and
 * no absolute paths: the same runs give the same bytes, in whichever order or on however many threads, processes or
 * machines they ran.
 *
 * <p>Detection latencies are gathered per scheduled fault id in an HdrHistogram of whole frames (3 significant
 * digits, so exact below 2,048 frames) and reported in seconds (frames / frame rate): min, median, p95, max over the
 * runs in which the fault was detected.
 */
public final class CampaignReport {
    /** Version of the {@code campaign.json} layout. */
    public static final int SCHEMA_VERSION = 2;
    /** Most run rows the console table shows; past that it shows only failing runs, up to this many. */
    static final int TABLE_ROWS = 50;

    private final Scenario scenario;
    private final long baseSeed;
    private final Shard shard;
    private final long firstRun;
    private final int campaignRuns;
    private final long expectedRuns;
    private final List<String> signals = new ArrayList<>();
    private final List<String> faultIds;
    private final double frameRate;

    private long runs;
    private int failing;
    private long hypothesisExceeded;
    private long lost;
    private long lostWithinHypothesis;
    private long agreementFrames;
    private long validityFrames;
    private long falseExclusions;
    private double availabilityMin = 1.0;
    private double availabilitySum;
    private final double[] rmsWorst;
    private final double[] maxWorst;
    private final Histogram[] latency;
    private final long[][] statusCounts;
    private final Map<String, Long> failedByExpectation = new TreeMap<>();
    private final StringBuilder tableRows = new StringBuilder();
    private int tableRowCount;
    private long rowsLeftOut;

    /**
     * @param plan     the campaign (its scenario, base seed, runs and shard)
     * @param faultIds the ids of the scenario's scheduled faults, in the order the runs list them
     */
    public CampaignReport(final CampaignPlan plan, final List<String> faultIds) {
        this.scenario = plan.scenario();
        this.baseSeed = plan.baseSeed();
        this.shard = plan.shard();
        this.firstRun = plan.firstRun();
        this.campaignRuns = plan.runs();
        this.expectedRuns = plan.endRun() - plan.firstRun();
        this.frameRate = scenario.platform().frameRate();
        for (final SignalSpec s : scenario.platform().signals()) {
            signals.add(s.name());
        }
        this.faultIds = List.copyOf(faultIds);
        this.rmsWorst = new double[signals.size()];
        this.maxWorst = new double[signals.size()];
        java.util.Arrays.fill(rmsWorst, Double.NaN);
        java.util.Arrays.fill(maxWorst, Double.NaN);
        this.latency = new Histogram[faultIds.size()];
        this.statusCounts = new long[faultIds.size()][FaultOutcome.Status.values().length];
        for (int f = 0; f < latency.length; f++) {
            latency[f] = new Histogram(3);
        }
    }

    /**
     * Adds the next run, in run order.
     *
     * @param r the run's figures
     * @throws IllegalArgumentException if it is not the next run or has another number of signals or faults
     */
    public void add(final CampaignRun r) {
        if (r.index() != firstRun + runs) {
            throw new IllegalArgumentException("run " + r.index() + " added where run " + (firstRun + runs)
                + " was due");
        }
        if (r.availability().length != signals.size() || r.faults().size() != faultIds.size()) {
            throw new IllegalArgumentException("run " + r.index() + " has " + r.availability().length + " signals and "
                + r.faults().size() + " faults, the scenario " + signals.size() + " and " + faultIds.size());
        }
        runs++;
        failing += r.expectationsPassed() ? 0 : 1;
        hypothesisExceeded += r.hypothesisExceeded() ? 1 : 0;
        lost += r.agreementLost() ? 1 : 0;
        lostWithinHypothesis += r.agreementLostWithinHypothesis() ? 1 : 0;
        agreementFrames += r.agreementViolationFrames();
        validityFrames += r.validityViolationFrames();
        falseExclusions += r.falseExclusions();
        availabilityMin = Math.min(availabilityMin, r.availabilityMin());
        availabilitySum += r.availabilityMin();
        for (int s = 0; s < signals.size(); s++) {
            rmsWorst[s] = maxIgnoringNaN(rmsWorst[s], r.errorRms()[s]);
            maxWorst[s] = maxIgnoringNaN(maxWorst[s], r.errorMax()[s]);
        }
        for (int f = 0; f < faultIds.size(); f++) {
            final CampaignRun.FaultResult o = r.faults().get(f);
            statusCounts[f][o.status().ordinal()]++;
            if (o.detected()) {
                latency[f].recordValue(o.latencyFrames());
            }
        }
        for (final String failed : r.failedExpectations()) {
            final int colon = failed.indexOf(':');
            failedByExpectation.merge(colon < 0 ? failed : failed.substring(0, colon), 1L, Long::sum);
        }
        tableRow(r);
    }

    /** @return runs added so far */
    public long runs() {
        return runs;
    }

    /** @return runs whose fault hypothesis was exceeded in some frame */
    public long runsHypothesisExceeded() {
        return hypothesisExceeded;
    }

    /** @return runs in which healthy lanes disagreed in a frame within the hypothesis (must be 0) */
    public long runsAgreementLostWithinHypothesis() {
        return lostWithinHypothesis;
    }

    /** @return runs whose scenario expectations did not all hold */
    public int runsFailingExpectations() {
        return failing;
    }

    /** @return whether every run met its expectations and none lost agreement within the hypothesis */
    public boolean passed() {
        return failing == 0 && lostWithinHypothesis == 0;
    }

    /** @return the header line of {@code campaign.csv}, with its line end */
    public String csvHeader() {
        final StringBuilder sb = new StringBuilder();
        sb.append("run,seed,agreement_violation_frames,agreement_violation_frames_within_hypothesis,"
            + "validity_violation_frames,false_exclusions,availability_min");
        for (final String s : signals) {
            sb.append(',').append(csvText(s + ".availability")).append(',').append(csvText(s + ".error_rms"))
                .append(',').append(csvText(s + ".error_max"));
        }
        for (final String id : faultIds) {
            sb.append(',').append(csvText(id + ".status")).append(',').append(csvText(id + ".latency_s"));
        }
        return sb.append(",hypothesis_exceeded,agreement_lost,expectations,failed_expectations\n").toString();
    }

    /**
     * @param r a run
     * @return its row of {@code campaign.csv}, with its line end
     */
    public String csvRow(final CampaignRun r) {
        final StringBuilder sb = new StringBuilder(256);
        sb.append(r.index()).append(',').append(r.seed()).append(',').append(r.agreementViolationFrames())
            .append(',').append(r.agreementViolationsWithinHypothesis()).append(',')
            .append(r.validityViolationFrames()).append(',').append(r.falseExclusions()).append(',')
            .append(number(r.availabilityMin()));
        for (int s = 0; s < signals.size(); s++) {
            sb.append(',').append(number(r.availability()[s])).append(',').append(number(r.errorRms()[s]))
                .append(',').append(number(r.errorMax()[s]));
        }
        for (final CampaignRun.FaultResult f : r.faults()) {
            sb.append(',').append(f.status().name().toLowerCase(Locale.ROOT)).append(',')
                .append(f.detected() ? Double.toString(f.latencyFrames() / frameRate) : "");
        }
        sb.append(',').append(r.hypothesisExceeded()).append(',').append(r.agreementLost()).append(',')
            .append(r.expectationsPassed() ? "pass" : "fail").append(',')
            .append(csvText(String.join("; ", r.failedExpectations()))).append('\n');
        return sb.toString();
    }

    /** @return the summary document */
    public String json() {
        final JsonOut j = new JsonOut().beginObject();
        j.name("schema_version").value(SCHEMA_VERSION);
        j.name("scenario").value(scenario.name());
        j.name("platform").value(scenario.platform().name());
        j.name("base_seed").value(baseSeed);
        j.name("seed_derivation").value("run i gets the (i+1)-th nextLong() of java.util.SplittableRandom(base_seed)"
            + " with the sign bit cleared");
        j.name("runs").value(runs);
        if (!shard.whole()) {
            j.name("shard").beginObject().name("index").value(shard.index()).name("count").value(shard.count())
                .name("first_run").value(firstRun).name("campaign_runs").value(campaignRuns).endObject();
        }
        j.name("duration_s").value(scenario.durationSeconds());
        j.name("random_faults").beginObject().name("enabled").value(scenario.randomFaults().enabled())
            .name("scale").value(scenario.randomFaults().scale()).endObject();
        j.name("passed").value(passed());
        j.name("runs_failing_expectations").value(failing);
        j.name("expectations_failed").beginArray();
        failedByExpectation.forEach((name, count) ->
            j.beginObject().name("expectation").value(name).name("runs").value(count).endObject());
        j.endArray();
        j.name("runs_hypothesis_exceeded").value(hypothesisExceeded);
        j.name("runs_agreement_lost").value(lost);
        j.name("runs_agreement_lost_within_hypothesis").value(lostWithinHypothesis);
        j.name("agreement_violation_frames").value(agreementFrames);
        j.name("validity_violation_frames").value(validityFrames);
        j.name("false_exclusions").value(falseExclusions);
        j.name("availability").beginObject().name("min").value(availabilityMin)
            .name("mean").value(availabilitySum / runs).endObject();
        j.name("output_error").beginArray();
        for (int s = 0; s < signals.size(); s++) {
            j.beginObject().name("signal").value(signals.get(s)).name("rms_worst").value(rmsWorst[s])
                .name("max_worst").value(maxWorst[s]).endObject();
        }
        j.endArray();
        j.name("detection").beginArray();
        for (int f = 0; f < faultIds.size(); f++) {
            detection(j, f);
        }
        j.endArray();
        return j.endObject().toString();
    }

    private void detection(final JsonOut j, final int fault) {
        final Histogram frames = latency[fault];
        final long[] counts = statusCounts[fault];
        j.beginObject().name("fault").value(faultIds.get(fault));
        j.name("runs_detected").value(frames.getTotalCount());
        j.name("runs_undetected").value(counts[FaultOutcome.Status.UNDETECTED.ordinal()]);
        j.name("runs_not_started").value(counts[FaultOutcome.Status.NOT_STARTED.ordinal()]);
        j.name("runs_no_unit").value(counts[FaultOutcome.Status.NO_UNIT.ordinal()]);
        j.name("latency_s").beginObject();
        if (frames.getTotalCount() > 0) {
            j.name("min").value(frames.getMinValue() / frameRate);
            j.name("median").value(frames.getValueAtPercentile(50.0) / frameRate);
            j.name("p95").value(frames.getValueAtPercentile(95.0) / frameRate);
            j.name("max").value(frames.getMaxValue() / frameRate);
        }
        j.endObject().endObject();
    }

    /** @return a short table: the runs (or, for many runs, the failing ones), then the aggregate and the verdict */
    public String table() {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "campaign %s on %s: %d runs%s, base seed %d, %.6g s each%s%n",
            scenario.name(), scenario.platform().name(), runs,
            shard.whole() ? "" : " (shard " + shard + ", runs " + firstRun + " to " + (firstRun + runs - 1) + ")",
            baseSeed, scenario.durationSeconds(),
            scenario.randomFaults().enabled() ? ", random faults x" + scenario.randomFaults().scale() : ""));
        sb.append(String.format(Locale.ROOT, "%5s %20s %8s %8s %8s %9s %5s %5s %s%n", "run", "seed", "agree",
            "valid", "falseX", "avail", "hyp", "lost", "expectations"));
        sb.append(tableRows);
        if (rowsLeftOut > 0) {
            sb.append(String.format(Locale.ROOT, "(%d more run(s) in campaign.csv; the table shows every run up to "
                + "%d runs, else only failing ones)%n", rowsLeftOut, TABLE_ROWS));
        }
        sb.append(String.format(Locale.ROOT, "hypothesis exceeded in %d run(s); agreement lost within the hypothesis "
            + "in %d run(s); expectations failed in %d run(s)%n", hypothesisExceeded, lostWithinHypothesis, failing));
        failedByExpectation.forEach((name, count) ->
            sb.append(String.format(Locale.ROOT, "  %s failed in %d run(s)%n", name, count)));
        sb.append(passed() ? "campaign PASSED\n" : "campaign FAILED\n");
        return sb.toString();
    }

    private void tableRow(final CampaignRun r) {
        final boolean failed = !r.expectationsPassed() || r.agreementLostWithinHypothesis();
        if (tableRowCount >= TABLE_ROWS || expectedRuns > TABLE_ROWS && !failed) {
            rowsLeftOut++;
            return;
        }
        tableRowCount++;
        tableRows.append(String.format(Locale.ROOT, "%5d %20d %8d %8d %8d %9.5f %5s %5s %s%n", r.index(),
            r.seed(), r.agreementViolationFrames(), r.validityViolationFrames(), r.falseExclusions(),
            r.availabilityMin(), r.hypothesisExceeded() ? "over" : "held", r.agreementLost() ? "yes" : "no",
            r.expectationsPassed() ? "pass" : "FAIL " + String.join("; ", r.failedExpectations())));
    }

    private static double maxIgnoringNaN(final double a, final double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        return Double.isNaN(b) ? a : Math.max(a, b);
    }

    private static String number(final double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    private static String csvText(final String text) {
        return text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
            ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
