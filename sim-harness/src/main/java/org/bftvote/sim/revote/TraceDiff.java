package org.bftvote.sim.revote;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bftvote.sim.results.ExclusionLog;
import org.bftvote.sim.results.FaultOutcome;
import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.run.RunDescriptor;

/**
 * What changes when a recorded run's lanes are re-run with two configurations ({@code replay TRACE --config C
 * --against B}): the first frame in which any lane's outputs, statuses, health or exclusions differ, and the
 * decisions that changed: each lane's first exclusion of each unit, each injected fault's detection latency, false
 * exclusions, and per signal the availability and output error.
 *
 * @param firstDifferentFrame the first frame that differs, or -1
 * @param rows                the changed decisions ({@code decision, base, candidate})
 */
public record TraceDiff(long firstDifferentFrame, List<String[]> rows) {
    /**
     * @param base      the re-run with the base configuration
     * @param candidate the re-run with the configuration tried
     * @return what differs
     */
    public static TraceDiff of(final TraceRevote.Result base, final TraceRevote.Result candidate) {
        long first = -1;
        final long[] a = base.digest();
        final long[] b = candidate.digest();
        for (int f = 0; f < Math.min(a.length, b.length) && first < 0; f++) {
            if (a[f] != b[f]) {
                first = base.metrics().firstFrame() + f;
            }
        }
        final List<String[]> rows = new ArrayList<>();
        final Map<String, String> ea = exclusions(base.metrics());
        final Map<String, String> eb = exclusions(candidate.metrics());
        final java.util.Set<String> keys = new java.util.TreeSet<>(ea.keySet());
        keys.addAll(eb.keySet());
        for (final String k : keys) {
            add(rows, k, ea.getOrDefault(k, "never"), eb.getOrDefault(k, "never"));
        }
        final List<FaultOutcome> fa = base.metrics().faultOutcomes();
        final List<FaultOutcome> fb = candidate.metrics().faultOutcomes();
        for (int i = 0; i < fa.size(); i++) {
            add(rows, "fault " + fa.get(i).fault().id() + " detection", fault(fa.get(i)), fault(fb.get(i)));
        }
        add(rows, "false exclusions", Long.toString(base.metrics().falseExclusions()),
            Long.toString(candidate.metrics().falseExclusions()));
        final RunDescriptor d = base.metrics().descriptor();
        for (int s = 0; s < d.signalCount(); s++) {
            final String n = d.signals().get(s).name();
            add(rows, n + " availability", Double.toString(base.metrics().availability(s)),
                Double.toString(candidate.metrics().availability(s)));
            add(rows, n + " output error max", Double.toString(base.metrics().errorMax(s)),
                Double.toString(candidate.metrics().errorMax(s)));
        }
        return new TraceDiff(first, rows);
    }

    private static Map<String, String> exclusions(final RunMetrics m) {
        final Map<String, String> out = new LinkedHashMap<>();
        final ExclusionLog log = m.exclusionLog();
        final RunDescriptor d = m.descriptor();
        for (int i = 0; i < log.size(); i++) {
            final String unit = log.signal(i) < 0 ? "lane " + log.channel(i)
                : d.signals().get(log.signal(i)).name() + " channel " + log.channel(i);
            out.putIfAbsent("lane " + log.observingLane(i) + " excludes " + unit, String.format(Locale.ROOT,
                "at %.4f s (frame %d, %s)", d.timeOf(log.frame(i)), log.frame(i), log.reason(i)));
        }
        return out;
    }

    private static String fault(final FaultOutcome o) {
        return o.detected() ? String.format(Locale.ROOT, "%.4f s", o.latencySeconds())
            : o.status().name().toLowerCase(Locale.ROOT);
    }

    private static void add(final List<String[]> rows, final String decision, final String base,
        final String candidate) {
        if (!base.equals(candidate)) {
            rows.add(new String[] {decision, base, candidate});
        }
    }

    /** @return the diff for people */
    public String text() {
        final StringBuilder sb = new StringBuilder();
        if (firstDifferentFrame < 0) {
            return "the two configurations decide alike in every frame\n";
        }
        sb.append("first frame that differs: ").append(firstDifferentFrame).append('\n');
        for (final String[] r : rows) {
            sb.append("  ").append(r[0]).append(": ").append(r[1]).append(" -> ").append(r[2]).append('\n');
        }
        return sb.toString();
    }

    /**
     * @param file where to write the table ({@code decision,base,candidate})
     * @throws IOException if it cannot be written
     */
    public void write(final Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("decision,base,candidate\n");
            for (final String[] r : rows) {
                w.write(q(r[0]) + "," + q(r[1]) + "," + q(r[2]) + "\n");
            }
        }
    }

    private static String q(final String t) {
        return t.contains(",") || t.contains("\"") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }
}
