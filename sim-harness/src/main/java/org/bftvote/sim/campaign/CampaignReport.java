package org.bftvote.sim.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.bftvote.sim.profile.SignalSpec;
import org.bftvote.sim.results.FaultOutcome;
import org.bftvote.sim.results.JsonOut;
import org.bftvote.sim.scenario.Scenario;

/**
 * Aggregates a campaign's runs into {@code campaign.csv} (one row per run), {@code campaign.json} (the summary)
 * and a short table for the console. Files are written with {@code \n} line ends, numbers as
 * {@link Double#toString(double)}, no timestamps and no absolute paths: the same runs give the same bytes.
 *
 * <p>Detection latencies are gathered per scheduled fault id in an HdrHistogram of whole frames (3 significant
 * digits, so exact below 2,048 frames) and reported in seconds (frames / frame rate): min, median, p95, max over the
 * runs in which the fault was detected.
 */
public final class CampaignReport {
    /** Version of the {@code campaign.json} layout. */
    public static final int SCHEMA_VERSION = 1;

    private final Scenario scenario;
    private final long baseSeed;
    private final List<CampaignRun> runs;
    private final List<String> signals = new ArrayList<>();
    private final List<String> faultIds = new ArrayList<>();
    private final double frameRate;

    /**
     * @param scenario the campaign's scenario (random-fault setting applied)
     * @param baseSeed the base seed
     * @param runs     the runs' figures, in run order, at least one
     */
    public CampaignReport(final Scenario scenario, final long baseSeed, final List<CampaignRun> runs) {
        this.scenario = scenario;
        this.baseSeed = baseSeed;
        this.runs = List.copyOf(runs);
        this.frameRate = scenario.platform().frameRate();
        for (final SignalSpec s : scenario.platform().signals()) {
            signals.add(s.name());
        }
        for (final FaultOutcome f : this.runs.get(0).faults()) {
            faultIds.add(f.fault().id());
        }
    }

    /** @return runs whose fault hypothesis was exceeded in some frame */
    public int runsHypothesisExceeded() {
        int count = 0;
        for (final CampaignRun r : runs) {
            count += r.hypothesisExceeded() ? 1 : 0;
        }
        return count;
    }

    /** @return runs in which healthy lanes disagreed in a frame within the hypothesis (must be 0) */
    public int runsAgreementLostWithinHypothesis() {
        int count = 0;
        for (final CampaignRun r : runs) {
            count += r.agreementLostWithinHypothesis() ? 1 : 0;
        }
        return count;
    }

    /** @return runs whose scenario expectations did not all hold */
    public int runsFailingExpectations() {
        int count = 0;
        for (final CampaignRun r : runs) {
            count += r.expectationsPassed() ? 0 : 1;
        }
        return count;
    }

    /** @return whether every run met its expectations and none lost agreement within the hypothesis */
    public boolean passed() {
        return runsFailingExpectations() == 0 && runsAgreementLostWithinHypothesis() == 0;
    }

    /**
     * Writes {@code campaign.csv} and {@code campaign.json} into {@code dir}.
     *
     * @param dir the campaign directory (must exist)
     * @throws IOException if a file cannot be written
     */
    public void write(final Path dir) throws IOException {
        Files.writeString(dir.resolve("campaign.csv"), csv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("campaign.json"), json(), StandardCharsets.UTF_8);
    }

    /** @return the per-run table: header, then one row per run */
    public String csv() {
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
        sb.append(",hypothesis_exceeded,agreement_lost,expectations\n");
        for (final CampaignRun r : runs) {
            sb.append(r.index()).append(',').append(r.seed()).append(',').append(r.agreementViolationFrames())
                .append(',').append(r.agreementViolationsWithinHypothesis()).append(',')
                .append(r.validityViolationFrames()).append(',').append(r.falseExclusions()).append(',')
                .append(number(r.availabilityMin()));
            for (int s = 0; s < signals.size(); s++) {
                sb.append(',').append(number(r.availability()[s])).append(',').append(number(r.errorRms()[s]))
                    .append(',').append(number(r.errorMax()[s]));
            }
            for (final FaultOutcome f : r.faults()) {
                sb.append(',').append(f.status().name().toLowerCase(Locale.ROOT)).append(',')
                    .append(f.detected() ? Double.toString(f.latencySeconds()) : "");
            }
            sb.append(',').append(r.hypothesisExceeded()).append(',').append(r.agreementLost()).append(',')
                .append(r.expectationsPassed() ? "pass" : "fail").append('\n');
        }
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
        j.name("runs").value(runs.size());
        j.name("duration_s").value(scenario.durationSeconds());
        j.name("random_faults").beginObject().name("enabled").value(scenario.randomFaults().enabled())
            .name("scale").value(scenario.randomFaults().scale()).endObject();
        j.name("passed").value(passed());
        j.name("runs_failing_expectations").value(runsFailingExpectations());
        j.name("runs_hypothesis_exceeded").value(runsHypothesisExceeded());
        int lost = 0;
        long agreementFrames = 0;
        long validityFrames = 0;
        long falseExclusions = 0;
        double availabilityMin = 1.0;
        double availabilitySum = 0.0;
        for (final CampaignRun r : runs) {
            lost += r.agreementLost() ? 1 : 0;
            agreementFrames += r.agreementViolationFrames();
            validityFrames += r.validityViolationFrames();
            falseExclusions += r.falseExclusions();
            availabilityMin = Math.min(availabilityMin, r.availabilityMin());
            availabilitySum += r.availabilityMin();
        }
        j.name("runs_agreement_lost").value(lost);
        j.name("runs_agreement_lost_within_hypothesis").value(runsAgreementLostWithinHypothesis());
        j.name("agreement_violation_frames").value(agreementFrames);
        j.name("validity_violation_frames").value(validityFrames);
        j.name("false_exclusions").value(falseExclusions);
        j.name("availability").beginObject().name("min").value(availabilityMin)
            .name("mean").value(availabilitySum / runs.size()).endObject();
        j.name("output_error").beginArray();
        for (int s = 0; s < signals.size(); s++) {
            double rmsMax = Double.NaN;
            double maxMax = Double.NaN;
            for (final CampaignRun r : runs) {
                rmsMax = maxIgnoringNaN(rmsMax, r.errorRms()[s]);
                maxMax = maxIgnoringNaN(maxMax, r.errorMax()[s]);
            }
            j.beginObject().name("signal").value(signals.get(s)).name("rms_worst").value(rmsMax)
                .name("max_worst").value(maxMax).endObject();
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
        final Histogram frames = new Histogram(3);
        int undetected = 0;
        int notStarted = 0;
        int noUnit = 0;
        for (final CampaignRun r : runs) {
            final FaultOutcome o = r.faults().get(fault);
            switch (o.status()) {
                case DETECTED -> frames.recordValue(o.latencyFrames());
                case UNDETECTED -> undetected++;
                case NOT_STARTED -> notStarted++;
                case NO_UNIT -> noUnit++;
            }
        }
        j.beginObject().name("fault").value(faultIds.get(fault));
        j.name("runs_detected").value(frames.getTotalCount());
        j.name("runs_undetected").value(undetected);
        j.name("runs_not_started").value(notStarted);
        j.name("runs_no_unit").value(noUnit);
        j.name("latency_s").beginObject();
        if (frames.getTotalCount() > 0) {
            j.name("min").value(frames.getMinValue() / frameRate);
            j.name("median").value(frames.getValueAtPercentile(50.0) / frameRate);
            j.name("p95").value(frames.getValueAtPercentile(95.0) / frameRate);
            j.name("max").value(frames.getMaxValue() / frameRate);
        }
        j.endObject().endObject();
    }

    /** @return a short table: one line per run, then the aggregate and the verdict */
    public String table() {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "campaign %s on %s: %d runs, base seed %d, %.6g s each%s%n",
            scenario.name(), scenario.platform().name(), runs.size(), baseSeed, scenario.durationSeconds(),
            scenario.randomFaults().enabled() ? ", random faults x" + scenario.randomFaults().scale() : ""));
        sb.append(String.format(Locale.ROOT, "%5s %20s %8s %8s %8s %9s %5s %5s %s%n", "run", "seed", "agree",
            "valid", "falseX", "avail", "hyp", "lost", "expectations"));
        for (final CampaignRun r : runs) {
            sb.append(String.format(Locale.ROOT, "%5d %20d %8d %8d %8d %9.5f %5s %5s %s%n", r.index(), r.seed(),
                r.agreementViolationFrames(), r.validityViolationFrames(), r.falseExclusions(), r.availabilityMin(),
                r.hypothesisExceeded() ? "over" : "held", r.agreementLost() ? "yes" : "no",
                r.expectationsPassed() ? "pass" : "FAIL"));
        }
        sb.append(String.format(Locale.ROOT, "hypothesis exceeded in %d run(s); agreement lost within the hypothesis "
            + "in %d run(s); expectations failed in %d run(s)%n", runsHypothesisExceeded(),
            runsAgreementLostWithinHypothesis(), runsFailingExpectations()));
        sb.append(passed() ? "campaign PASSED\n" : "campaign FAILED\n");
        return sb.toString();
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
        return text.indexOf(',') >= 0 || text.indexOf('"') >= 0 ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
