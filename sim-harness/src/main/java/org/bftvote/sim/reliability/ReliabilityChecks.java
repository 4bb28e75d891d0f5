package org.bftvote.sim.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bftvote.sim.results.JsonOut;

/**
 * The two checks of a study, as comparisons that either agree (the intervals overlap) or do not:
 * <ol>
 *   <li><b>Markov model</b>, per condition and signal: the importance-sampling estimate that the condition shows on
 *       the signal, against the signal's Markov model ({@link MarkovModel}) evaluated at the point estimates of its
 *       simulator coverage and at the ends of their Clopper–Pearson intervals (the model only grows with each
 *       coverage probability, so those bound it);</li>
 *   <li><b>plain Monte Carlo</b>, per condition, at rates inflated until it is feasible: its share of flights with
 *       the condition (Clopper–Pearson) against importance sampling at the same rates.</li>
 * </ol>
 */
public final class ReliabilityChecks {
    private final ReliabilityStudy.Result result;
    private final List<Row> rows = new ArrayList<>();

    /**
     * One comparison.
     *
     * @param check     {@code markov} or {@code plain_monte_carlo}
     * @param condition the condition
     * @param signal    the signal's name, or empty for the whole platform
     * @param reference the reference (Markov model, or plain Monte Carlo), per flight hour
     * @param estimate  importance sampling, per flight hour
     */
    public record Row(String check, Condition condition, String signal, Estimate reference, Estimate estimate) {
        /** @return whether the two intervals overlap */
        public boolean agrees() {
            return reference.overlaps(estimate);
        }
    }

    /**
     * @param result a study's findings, with its checks
     */
    ReliabilityChecks(final ReliabilityStudy.Result result) {
        this.result = result;
        final double t = result.settings().missionHours();
        for (final CoverageModel.SignalCoverage sc : result.check().coverage()) {
            if (!result.settings().conditions().contains(sc.condition())) {
                continue;
            }
            final double point = sc.model(Intervals.LEVEL, 0).probability(t);
            final double lower = sc.model(Intervals.LEVEL, -1).probability(t);
            final double upper = sc.model(Intervals.LEVEL, 1).probability(t);
            final Estimate markov = new Estimate(point, 0.0, lower, upper, trials(sc), hits(sc), Double.NaN);
            rows.add(new Row("markov", sc.condition(), result.base().platform().signals().get(sc.signal()).name(),
                markov.times(1.0 / t), result.importance().estimate(sc.condition(), sc.signal()).times(1.0 / t)));
        }
        for (final Condition c : result.settings().conditions()) {
            rows.add(new Row("plain_monte_carlo", c, "", result.check().plain().estimate(c).times(1.0 / t),
                result.check().inflated().estimate(c).times(1.0 / t)));
        }
    }

    /** @return every comparison */
    public List<Row> rows() {
        return rows;
    }

    /** @return whether every comparison agrees */
    public boolean allAgree() {
        return rows.stream().allMatch(Row::agrees);
    }

    private static long trials(final CoverageModel.SignalCoverage sc) {
        long n = 0;
        for (final long[] row : sc.trials()) {
            for (final long x : row) {
                n += x;
            }
        }
        return n;
    }

    private static long hits(final CoverageModel.SignalCoverage sc) {
        long n = 0;
        for (final long[] row : sc.hits()) {
            for (final long x : row) {
                n += x;
            }
        }
        return n;
    }

    /** @return the comparisons as a table */
    String table() {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "checks (per flight hour; plain Monte Carlo at rates x%.4g):%n",
            result.check().scale()));
        for (final Row r : rows) {
            sb.append(String.format(Locale.ROOT, "  %-17s %-17s %-17s ref %10.4g [%10.4g, %10.4g]  IS %10.4g "
                + "[%10.4g, %10.4g]  %s%n", r.check(), r.condition().key(), r.signal(), r.reference().value(),
                r.reference().lower(), r.reference().upper(), r.estimate().value(), r.estimate().lower(),
                r.estimate().upper(), r.agrees() ? "agree" : "DISAGREE"));
        }
        sb.append(allAgree() ? "checks: all agree within their intervals\n" : "checks: SOME DISAGREE\n");
        return sb.toString();
    }

    /** @return the comparisons as CSV */
    String csv() {
        final StringBuilder sb = new StringBuilder("check,condition,signal,reference,reference_lower,"
            + "reference_upper,estimate,estimate_lower,estimate_upper,agree\n");
        for (final Row r : rows) {
            sb.append(r.check()).append(',').append(r.condition().key()).append(',').append(r.signal()).append(',')
                .append(r.reference().value()).append(',').append(r.reference().lower()).append(',')
                .append(r.reference().upper()).append(',').append(r.estimate().value()).append(',')
                .append(r.estimate().lower()).append(',').append(r.estimate().upper()).append(',')
                .append(r.agrees()).append('\n');
        }
        return sb.toString();
    }

    /** @param j inside the summary object: adds {@code checks} */
    void appendTo(final JsonOut j) {
        j.name("checks").beginObject().name("inflation").value(result.check().scale())
            .name("all_agree").value(allAgree()).name("rows").beginArray();
        for (final Row r : rows) {
            j.beginObject().name("check").value(r.check()).name("condition").value(r.condition().key())
                .name("signal").value(r.signal()).name("agree").value(r.agrees());
            ReliabilityReport.named(j, "reference", r.reference());
            ReliabilityReport.named(j, "importance_sampling", r.estimate());
            j.endObject();
        }
        j.endArray().endObject();
    }
}
