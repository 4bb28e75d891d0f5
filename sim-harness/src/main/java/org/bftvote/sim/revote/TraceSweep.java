package org.bftvote.sim.revote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.bftvote.sim.results.FaultOutcome;
import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.trace.TraceException;
import org.bftvote.sim.yaml.ProfileException;

/**
 * A {@link Sweep} over a recorded run ({@code replay TRACE --sweep GRID}): every point re-runs the trace's lanes with
 * the recorded configuration, {@code --config}'s entries over it, and the point's settings last
 * ({@link TraceRevote}, no files), in parallel over a fixed number of threads, and its row is stored at its own
 * index, so the table is the same whatever the thread count. The row's figures are the run's own: the injected
 * faults are the known ones (detected, worst detection latency), false exclusions are exclusions of a unit the
 * oracle held healthy (by a healthy lane), the output error is against the truth (per frame the worst healthy lane's
 * valid output; the worst RMS and maximum over the signals), availability the lowest share among the signals of
 * frames in which every healthy lane had a valid output.
 */
public final class TraceSweep {
    private TraceSweep() {
    }

    /**
     * @param trace   the trace (read by every point, never written)
     * @param base    entries applied over the recorded configuration before the point's
     * @param spec    the grid
     * @param threads worker threads, at least 1
     * @return one row per point, in point order
     * @throws TraceException   if the trace cannot be re-run (as {@link TraceRevote#revote}), for the lowest such point
     * @throws ProfileException if a point's configuration is malformed or changes the agreement
     * @throws IOException      if the trace cannot be read
     * @throws org.bftvote.InvalidConfigException if the library refuses a point's configuration
     */
    public static List<Sweep.Row> run(final Path trace, final ChannelsConfig base, final SweepSpec spec,
        final int threads) throws TraceException, ProfileException, IOException {
        return Sweep.inParallel(spec.points(), threads, point -> row(spec, point,
            TraceRevote.revote(trace, spec.configuration(base, point), null, false).metrics()));
    }

    /**
     * @param spec    the grid
     * @param point   the point
     * @param metrics its re-run's metrics
     * @return its row
     */
    static Sweep.Row row(final SweepSpec spec, final int point, final RunMetrics metrics) {
        final int[] at = spec.coordinates(point);
        final double[] values = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            values[i] = spec.parameters().get(i).values().get(at[i]);
        }
        int detected = 0;
        double latency = Double.NaN;
        final List<FaultOutcome> faults = metrics.faultOutcomes();
        for (final FaultOutcome o : faults) {
            if (o.detected()) {
                detected++;
                latency = Double.isNaN(latency) ? o.latencySeconds() : Math.max(latency, o.latencySeconds());
            }
        }
        double rms = Double.NaN;
        double max = Double.NaN;
        double availability = 1.0;
        for (int s = 0; s < metrics.descriptor().signalCount(); s++) {
            rms = worst(rms, metrics.errorRms(s));
            max = worst(max, metrics.errorMax(s));
            availability = Math.min(availability, metrics.availability(s));
        }
        return new Sweep.Row(point, values, detected, faults.size(), latency,
            (int) Math.min(Integer.MAX_VALUE, metrics.falseExclusions()), rms, max, availability);
    }

    private static double worst(final double a, final double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }
}
