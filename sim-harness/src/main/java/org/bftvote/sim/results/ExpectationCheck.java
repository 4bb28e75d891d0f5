package org.bftvote.sim.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bftvote.sim.run.InjectedFault;
import org.bftvote.sim.run.RunDescriptor;
import org.bftvote.sim.run.SignalInfo;
import org.bftvote.sim.scenario.Expectations;

/**
 * Checks a scenario's expectations against the metrics of its run. Expectations are a map of name to value as a
 * YAML reader yields them (numbers as any {@link Number}, booleans as {@link Boolean}, nested maps as {@link Map}):
 *
 * <table>
 *   <caption>Expectations</caption>
 *   <tr><th>name</th><th>value</th><th>holds when</th></tr>
 *   <tr><td>{@code max_agreement_violations}</td><td>number</td><td>agreement violation frames &lt;= value</td></tr>
 *   <tr><td>{@code max_validity_violations}</td><td>number</td><td>validity violation frames &lt;= value</td></tr>
 *   <tr><td>{@code max_false_exclusions}</td><td>number</td><td>false exclusions &lt;= value</td></tr>
 *   <tr><td>{@code min_availability}</td><td>number, or map signal &rarr; number</td>
 *       <td>availability after start-up ({@link RunMetrics#availabilityAfterStartup}) of every (named) signal
 *       &gt;= value: counted from the signal's first available frame, so that the start-up frames, a fixed number
 *       whatever the run's length, do not weigh more in a shorter run</td></tr>
 *   <tr><td>{@code max_output_error_rms}</td><td>number, or map signal &rarr; number</td>
 *       <td>RMS output error of every (named) signal &lt;= value; a signal never measured fails</td></tr>
 *   <tr><td>{@code max_output_error_max}</td><td>number, or map signal &rarr; number</td>
 *       <td>as above for the largest error</td></tr>
 *   <tr><td>{@code fault_detected_within_s}</td><td>map fault id &rarr; seconds</td>
 *       <td>the fault was detected with latency &lt;= seconds; a fault whose onset lies beyond the run's end (a
 *       run shortened with {@code --duration}) is not judged, and says so</td></tr>
 *   <tr><td>{@code hypothesis_exceeded}</td><td>boolean</td><td>the hypothesis was exceeded in some frame iff
 *       true</td></tr>
 *   <tr><td>{@code agreement_lost}</td><td>boolean</td><td>healthy lanes disagreed in some frame iff true</td></tr>
 *   <tr><td>{@code max_undetected_divergence_frames}</td><td>number</td><td>frames in which two healthy lanes
 *       presented different unflagged values &lt;= value</td></tr>
 *   <tr><td>{@code max_recovery_frames}</td><td>number</td><td>longest run of divergence frames within the
 *       hypothesis &lt;= value</td></tr>
 *   <tr><td>{@code recovery_within_bound}</td><td>boolean</td><td>that longest run is at most the lanes' recovery
 *       bound iff true</td></tr>
 *   <tr><td>{@code max_flag_latency_frames}</td><td>number</td><td>some divergence was flagged by every healthy
 *       lane, and every such one within value frames of its first frame</td></tr>
 *   <tr><td>{@code max_lane_readmissions}</td><td>number</td><td>readmissions of every lane &lt;= value</td></tr>
 * </table>
 *
 * <p>Nothing is ignored silently: an unknown name, a value of the wrong type, an unknown signal or fault id each
 * give a failing result. Results come in the order of the table, signals and faults in the run's order, then
 * unknown names sorted, so the report does not depend on the map's iteration order. A command that reads
 * expectations from its user asks {@link #misfit} first, so that such a mistake is reported as bad input (one line
 * naming the field, the valid names) rather than as a failed expectation.
 */
public final class ExpectationCheck {
    /** Every expectation name this check understands, in report order. */
    public static final List<String> NAMES = List.of("max_agreement_violations", "max_validity_violations",
        "max_false_exclusions", "min_availability", "max_output_error_rms", "max_output_error_max",
        "fault_detected_within_s", "hypothesis_exceeded", "agreement_lost", "max_undetected_divergence_frames",
        "max_recovery_frames", "recovery_within_bound", "max_flag_latency_frames", "max_lane_readmissions");

    private ExpectationCheck() {
    }

    /**
     * @param expectations name to value; null or empty for none
     * @param metrics      the finished run's metrics
     * @return one result per checked expectation
     */
    public static ExpectationReport evaluate(final Map<String, ?> expectations, final RunMetrics metrics) {
        final List<ExpectationResult> out = new ArrayList<>();
        if (expectations == null) {
            return new ExpectationReport(out);
        }
        for (final String name : NAMES) {
            if (expectations.containsKey(name)) {
                check(name, expectations.get(name), metrics, out);
            }
        }
        for (final String name : new TreeSet<>(expectations.keySet())) {
            if (!NAMES.contains(name)) {
                out.add(new ExpectationResult(name, "a known expectation " + NAMES, "unknown expectation", false));
            }
        }
        return new ExpectationReport(out);
    }

    /**
     * Whether expectations can be checked against a run at all: every name is an expectation, every value of its
     * type (counts, seconds and bounds finite and not negative, availability 0 to 1, flags true or false), every
     * signal and fault id inside a map one of the run's.
     *
     * @param expectations name to value as {@link #evaluate} takes them; null or empty for none
     * @param run          the run they are to be checked against
     * @return null when they fit; else one line naming the first field that does not and why, with the valid names
     *         ({@code field 'min_availability.pitch_rat': the run has no signal 'pitch_rat' (did you mean
     *         pitch_rate?) (known: pitch_rate, altitude)})
     */
    public static String misfit(final Map<String, ?> expectations, final RunDescriptor run) {
        if (expectations == null) {
            return null;
        }
        for (final Map.Entry<String, ?> e : expectations.entrySet()) {
            final String problem = misfit(e.getKey(), e.getValue(), run);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String misfit(final String name, final Object value, final RunDescriptor run) {
        return switch (name) {
            case "max_agreement_violations", "max_validity_violations", "max_false_exclusions",
                 "max_undetected_divergence_frames", "max_recovery_frames", "max_flag_latency_frames",
                 "max_lane_readmissions" -> notNumber(name, value, Double.POSITIVE_INFINITY, "");
            case "min_availability" -> perKey(name, value, 1.0, signalNames(run), "signal");
            case "max_output_error_rms", "max_output_error_max" ->
                perKey(name, value, Double.POSITIVE_INFINITY, signalNames(run), "signal");
            case "fault_detected_within_s" -> value instanceof Map<?, ?>
                ? perKey(name, value, Double.POSITIVE_INFINITY, faultIds(run), "fault")
                : field(name) + "expected a mapping of fault id to seconds, got " + value;
            case "hypothesis_exceeded", "agreement_lost", "recovery_within_bound" -> value instanceof Boolean ? null
                : field(name) + "expected true or false, got " + value;
            default -> field(name) + "not an expectation" + didYouMean(name, NAMES) + " (known: "
                + String.join(", ", NAMES) + ")";
        };
    }

    /** A number, or a map of the run's signal names (fault ids) to numbers. */
    private static String perKey(final String name, final Object value, final double max, final List<String> known,
        final String what) {
        if (!(value instanceof Map<?, ?> map)) {
            return notNumber(name, value, max, " or a mapping of " + what + " to number");
        }
        for (final Map.Entry<?, ?> e : map.entrySet()) {
            final String key = String.valueOf(e.getKey());
            if (!known.contains(key)) {
                return field(name + "." + key) + "the run has no " + what + " '" + key + "'" + didYouMean(key, known)
                    + (known.isEmpty() ? " (it has none)" : " (known: " + String.join(", ", known) + ")");
            }
            final String problem = notNumber(name + "." + key, e.getValue(), max, "");
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** null for a finite number from 0 to {@code max}; else why not, offering {@code alternative} too. */
    private static String notNumber(final String name, final Object value, final double max,
        final String alternative) {
        if (value instanceof Number n && n.doubleValue() >= 0.0 && n.doubleValue() <= max
            && Double.isFinite(n.doubleValue())) {
            return null;
        }
        return field(name) + "expected a number from 0" + (max == 1.0 ? " to 1" : "") + alternative + ", got "
            + (value instanceof Map<?, ?> ? "a mapping" : value);
    }

    private static String field(final String name) {
        return "field '" + name + "': ";
    }

    private static List<String> signalNames(final RunDescriptor run) {
        return run.signals().stream().map(SignalInfo::name).toList();
    }

    private static List<String> faultIds(final RunDescriptor run) {
        return run.faults().stream().map(InjectedFault::id).toList();
    }

    /**
     * @param name  a name that is not one of {@code known}
     * @param known the valid names
     * @return {@code " (did you mean X?)"} for the known name closest to a misspelt one, or "" when none is close
     */
    static String didYouMean(final String name, final List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String k : known) {
            final int d = distance(name, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= 3 ? " (did you mean " + best + "?)" : "";
    }

    private static int distance(final String a, final String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            final int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                final int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    private static void check(final String name, final Object value, final RunMetrics m,
        final List<ExpectationResult> out) {
        switch (name) {
            case "max_agreement_violations" -> atMost(name, value, m.agreementViolationFrames(), out);
            case "max_validity_violations" -> atMost(name, value, m.validityViolationFrames(), out);
            case "max_false_exclusions" -> atMost(name, value, m.falseExclusions(), out);
            case "min_availability" -> perSignal(name, value, m, out, Metric.AVAILABILITY);
            case "max_output_error_rms" -> perSignal(name, value, m, out, Metric.ERROR_RMS);
            case "max_output_error_max" -> perSignal(name, value, m, out, Metric.ERROR_MAX);
            case "fault_detected_within_s" -> detectedWithin(name, value, m, out);
            case "hypothesis_exceeded" -> flag(name, value, m.hypothesisExceeded(), out);
            case "agreement_lost" -> flag(name, value, m.agreementLost(), out);
            case "max_undetected_divergence_frames" -> atMost(name, value, m.undetectedDivergenceFrames(), out);
            case "max_recovery_frames" -> atMost(name, value, m.maxRecoveryFrames(), out);
            case "recovery_within_bound" -> flag(name, value,
                m.maxRecoveryFrames() <= m.descriptor().recoveryBoundFrames(), out);
            case "max_flag_latency_frames" -> flagLatency(name, value, m, out);
            case "max_lane_readmissions" -> atMost(name, value, mostReadmissions(m), out);
            default -> throw new IllegalStateException("unhandled expectation " + name);
        }
    }

    private static void atMost(final String name, final Object value, final long actual,
        final List<ExpectationResult> out) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            out.add(wrongType(name, "a number", value));
            return;
        }
        out.add(new ExpectationResult(name, "<= " + Numbers.text(n.doubleValue()), Long.toString(actual),
            actual <= n.doubleValue()));
    }

    /** A bound on the flag latency proves something only if some divergence was flagged by every healthy lane. */
    private static void flagLatency(final String name, final Object value, final RunMetrics m,
        final List<ExpectationResult> out) {
        if (m.episodesFlaggedEverywhere() > 0) {
            atMost(name, value, m.maxFlagLatencyFrames(), out);
        } else if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            out.add(new ExpectationResult(name, "<= " + Numbers.text(n.doubleValue()),
                "no divergence flagged by every healthy lane", false));
        } else {
            out.add(wrongType(name, "a number", value));
        }
    }

    private static long mostReadmissions(final RunMetrics m) {
        long most = 0L;
        for (int l = 0; l < m.descriptor().lanes(); l++) {
            most = Math.max(most, m.laneReadmissions(l));
        }
        return most;
    }

    private static void flag(final String name, final Object value, final boolean actual,
        final List<ExpectationResult> out) {
        if (!(value instanceof Boolean b)) {
            out.add(wrongType(name, "true or false", value));
            return;
        }
        out.add(new ExpectationResult(name, b.toString(), Boolean.toString(actual), b == actual));
    }

    /** Per-signal metrics an expectation can bound. */
    private enum Metric {
        AVAILABILITY(">= "), ERROR_RMS("<= "), ERROR_MAX("<= ");

        private final String relation;

        Metric(final String relation) {
            this.relation = relation;
        }

        double of(final RunMetrics m, final int signal) {
            return switch (this) {
                case AVAILABILITY -> m.availabilityAfterStartup(signal);
                case ERROR_RMS -> m.errorRms(signal);
                case ERROR_MAX -> m.errorMax(signal);
            };
        }

        boolean holds(final double actual, final double bound) {
            // NaN (never measured) fails either way: an unmeasured quantity proves nothing.
            return this == AVAILABILITY ? actual >= bound : actual <= bound;
        }
    }

    private static void perSignal(final String name, final Object value, final RunMetrics m,
        final List<ExpectationResult> out, final Metric metric) {
        final List<SignalInfo> signals = m.descriptor().signals();
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            for (int s = 0; s < signals.size(); s++) {
                out.add(bound(name + "." + signals.get(s).name(), metric, m, s, n.doubleValue()));
            }
            return;
        }
        if (!(value instanceof Map<?, ?> given)) {
            out.add(wrongType(name, "a number or a map signal -> number", value));
            return;
        }
        final Map<String, Object> map = byText(given);
        for (int s = 0; s < signals.size(); s++) {
            final String signal = signals.get(s).name();
            if (map.containsKey(signal)) {
                final Object v = map.get(signal);
                if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                    out.add(bound(name + "." + signal, metric, m, s, n.doubleValue()));
                } else {
                    out.add(wrongType(name + "." + signal, "a number", v));
                }
            }
        }
        for (final String key : map.keySet()) {
            if (m.descriptor().signalIndex(key) < 0) {
                out.add(new ExpectationResult(name + "." + key, "a signal of the run", "no such signal", false));
            }
        }
    }

    private static ExpectationResult bound(final String name, final Metric metric, final RunMetrics m,
        final int signal, final double bound) {
        final double actual = metric.of(m, signal);
        String text = Numbers.text(actual);
        if (metric == Metric.AVAILABILITY && m.firstAvailableFrame(signal) > m.firstFrame()) {
            text += " from frame " + m.firstAvailableFrame(signal) + " on (" + Numbers.text(m.availability(signal))
                + " over the whole run)";
        }
        return new ExpectationResult(name, metric.relation + Numbers.text(bound), text, metric.holds(actual, bound));
    }

    private static void detectedWithin(final String name, final Object value, final RunMetrics m,
        final List<ExpectationResult> out) {
        if (!(value instanceof Map<?, ?> given)) {
            out.add(wrongType(name, "a map fault id -> seconds", value));
            return;
        }
        final Map<String, Object> map = byText(given);
        for (final FaultOutcome o : m.faultOutcomes()) {
            final String id = o.fault().id();
            if (!map.containsKey(id)) {
                continue;
            }
            final Object v = map.get(id);
            if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                out.add(wrongType(name + "." + id, "seconds", v));
            } else if (o.status() == FaultOutcome.Status.NOT_STARTED) {
                out.add(new ExpectationResult(name + "." + id, "<= " + Numbers.text(n.doubleValue()) + " s",
                    "not judged: the fault starts after the run's end", true));
            } else if (!o.detected()) {
                out.add(new ExpectationResult(name + "." + id, "<= " + Numbers.text(n.doubleValue()) + " s",
                    o.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), false));
            } else {
                out.add(new ExpectationResult(name + "." + id, "<= " + Numbers.text(n.doubleValue()) + " s",
                    Numbers.text(o.latencySeconds()) + " s", o.latencySeconds() <= n.doubleValue()));
            }
        }
        for (final String key : map.keySet()) {
            if (m.descriptor().faults().stream().noneMatch(f -> f.id().equals(key))) {
                out.add(new ExpectationResult(name + "." + key, "an injected fault", "no such fault", false));
            }
        }
    }

    /** Keys as text (a YAML id such as {@code 1} reads as a number), sorted so reports do not depend on order. */
    private static Map<String, Object> byText(final Map<?, ?> map) {
        final Map<String, Object> keyed = new TreeMap<>();
        for (final Map.Entry<?, ?> e : map.entrySet()) {
            keyed.put(String.valueOf(e.getKey()), e.getValue());
        }
        return keyed;
    }

    private static ExpectationResult wrongType(final String name, final String wanted, final Object value) {
        return new ExpectationResult(name, wanted, "given " + value, false);
    }

    /**
     * @param e a scenario's expectations
     * @return the same as the name → value map {@link ExpectationCheck} reads
     */
    public static Map<String, Object> expectations(final Expectations e) {
        final Map<String, Object> map = new LinkedHashMap<>();
        e.maxAgreementViolations().ifPresent(v -> map.put("max_agreement_violations", v));
        e.maxValidityViolations().ifPresent(v -> map.put("max_validity_violations", v));
        e.maxFalseExclusions().ifPresent(v -> map.put("max_false_exclusions", v));
        e.minAvailability().ifPresent(v -> map.put("min_availability", v));
        if (!e.maxOutputErrorRms().isEmpty()) {
            map.put("max_output_error_rms", new LinkedHashMap<>(e.maxOutputErrorRms()));
        }
        if (!e.detections().isEmpty()) {
            final Map<String, Double> within = new LinkedHashMap<>();
            for (final Expectations.Detection d : e.detections()) {
                within.put(d.faultId(), d.withinSeconds());
            }
            map.put("fault_detected_within_s", within);
        }
        e.hypothesisExceeded().ifPresent(v -> map.put("hypothesis_exceeded", v));
        e.agreementLost().ifPresent(v -> map.put("agreement_lost", v));
        final Expectations.Recovery r = e.recovery();
        r.maxUndetectedDivergenceFrames().ifPresent(v -> map.put("max_undetected_divergence_frames", v));
        r.maxRecoveryFrames().ifPresent(v -> map.put("max_recovery_frames", v));
        r.recoveryWithinBound().ifPresent(v -> map.put("recovery_within_bound", v));
        r.maxFlagLatencyFrames().ifPresent(v -> map.put("max_flag_latency_frames", v));
        r.maxLaneReadmissions().ifPresent(v -> map.put("max_lane_readmissions", v));
        return map;
    }
}
