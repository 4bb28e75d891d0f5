package org.bftvote.sim.revote;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bftvote.InvalidConfigException;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.sim.recording.RecordedFrames;
import org.bftvote.sim.recording.RecordingMap.KnownFault;
import org.bftvote.sim.trace.TraceException;
import org.bftvote.sim.yaml.ProfileException;

/**
 * Re-votes one recording at every point of a {@link SweepSpec} grid, in parallel over a fixed number of threads,
 * and tabulates per point: known faults detected, the worst detection latency, false exclusions, the worst output
 * error against the healthy median (RMS and maximum over the signals) and the lowest availability. Every point is
 * an independent {@link RecordingRevote} run on the shared, read-only recording, and its row is stored at its own
 * index, so the table is the same whatever the thread count and the order the points finish in.
 */
public final class Sweep {
    /** The table's file name. */
    public static final String TABLE = "sweep.csv";
    /** The heatmap's file name. */
    public static final String HEATMAP = "sweep.png";

    private Sweep() {
    }

    /**
     * One point's figures.
     *
     * @param point            the point index
     * @param values           each parameter's value at it
     * @param detected         known faults detected
     * @param knownFaults      known faults in the recording
     * @param worstLatencyS    the largest detection latency among the detected ones, NaN when none detected
     * @param falseExclusions  exclusions of channels not known to be faulty, all signals
     * @param errorRms         the largest RMS output error against the healthy median among the signals
     * @param errorMax         the largest output error against the healthy median
     * @param availabilityMin  the lowest share of frames with a valid output among the signals
     */
    public record Row(int point, double[] values, int detected, int knownFaults, double worstLatencyS,
                      int falseExclusions, double errorRms, double errorMax, double availabilityMin) {
    }

    /**
     * @param recording the frames (read only)
     * @param base      the configuration swept from
     * @param spec      the grid
     * @param faults    channels known to be faulty
     * @param threads   worker threads, at least 1
     * @return one row per point, in point order
     * @throws org.bftvote.InvalidConfigException if a point's configuration is refused by the library
     */
    public static List<Row> run(final RecordedFrames recording, final ChannelsConfig base, final SweepSpec spec,
        final List<KnownFault> faults, final int threads) {
        final int points = spec.points();
        final ChannelConfig[][] configs = new ChannelConfig[points][];
        for (int p = 0; p < points; p++) {
            configs[p] = RecordingRevote.configs(recording, spec.configuration(base, p));
        }
        try {
            return inParallel(points, threads,
                point -> row(spec, point, RecordingRevote.run(recording, configs[point], faults, false)));
        } catch (final TraceException | ProfileException | IOException e) {
            // a recording's points read no file and parse no configuration: they cannot throw these
            throw new IllegalStateException("sweep point failed: " + e.getMessage(), e);
        }
    }

    /** One point of a sweep. */
    @FunctionalInterface
    interface Point {
        /**
         * @param point the point index
         * @return its row
         * @throws TraceException   if its trace cannot be re-run
         * @throws ProfileException if its configuration is malformed
         * @throws IOException      if a file cannot be read
         */
        Row run(int point) throws TraceException, ProfileException, IOException;
    }

    /**
     * Runs every point on a fixed pool and stores each row at its own index, so the list is the same whatever the
     * thread count and the order the points finish in; when points fail, the failure of the lowest one is thrown.
     *
     * @param points  how many points
     * @param threads worker threads, at least 1
     * @param task    one point
     * @return the rows, in point order
     * @throws TraceException   the lowest failing point's failure, if it is one
     * @throws ProfileException the lowest failing point's failure, if it is one
     * @throws IOException      the lowest failing point's failure, if it is one
     */
    static List<Row> inParallel(final int points, final int threads, final Point task)
        throws TraceException, ProfileException, IOException {
        final Row[] rows = new Row[points];
        final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            final List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < points; p++) {
                final int point = p;
                running.add(pool.submit(() -> {
                    rows[point] = task.run(point);
                    return null;
                }));
            }
            for (final Future<?> f : running) {
                f.get();
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (final ExecutionException e) {
            rethrow(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return List.of(rows);
    }

    /**
     * Throws a point's failure as itself when it is one a caller answers (a checked failure a point declares, or a
     * setting the library refused); anything else is a defect, wrapped.
     */
    private static void rethrow(final Throwable cause) throws TraceException, ProfileException, IOException {
        if (cause instanceof TraceException t) {
            throw t;
        }
        if (cause instanceof ProfileException p) {
            throw p;
        }
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof InvalidConfigException refused) {
            throw refused;
        }
        throw new IllegalStateException("sweep point failed: " + cause, cause);
    }

    /**
     * @param spec  the grid
     * @param point the point
     * @param run   its re-vote
     * @return its row
     */
    static Row row(final SweepSpec spec, final int point, final RevoteRun run) {
        final int[] at = spec.coordinates(point);
        final double[] values = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            values[i] = spec.parameters().get(i).values().get(at[i]);
        }
        int detected = 0;
        int known = 0;
        double latency = Double.NaN;
        int falseExclusions = 0;
        double rms = Double.NaN;
        double max = Double.NaN;
        double availability = 1.0;
        final int frames = run.recording().frames();
        for (final SignalOutcome o : run.outcomes()) {
            for (final SignalOutcome.Detection d : o.detections()) {
                known++;
                if (d.detectionFrame() != SignalOutcome.NEVER) {
                    detected++;
                    latency = Double.isNaN(latency) ? d.latencyS() : Math.max(latency, d.latencyS());
                }
            }
            falseExclusions += o.falseExclusions();
            rms = worst(rms, o.errorRms());
            max = worst(max, o.errorMax());
            availability = Math.min(availability, frames == 0 ? 0.0 : (double) o.availableFrames() / frames);
        }
        return new Row(point, values, detected, known, latency, falseExclusions, rms, max, availability);
    }

    private static double worst(final double a, final double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    /**
     * @param file the table to write
     * @param spec the grid
     * @param rows its rows
     * @throws IOException if it cannot be written
     */
    public static void write(final Path file, final SweepSpec spec, final List<Row> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header(spec));
            for (final Row r : rows) {
                w.write(line(r));
            }
        }
    }

    /**
     * @param spec the grid
     * @return the table's header line
     */
    public static String header(final SweepSpec spec) {
        final StringBuilder sb = new StringBuilder("point");
        spec.parameters().forEach(p -> sb.append(',').append(p.label()));
        return sb.append(",detected,known_faults,worst_latency_s,false_exclusions,output_error_rms,"
            + "output_error_max,availability_min\n").toString();
    }

    /**
     * @param r a row
     * @return its table line
     */
    public static String line(final Row r) {
        final StringBuilder sb = new StringBuilder().append(r.point());
        for (final double v : r.values()) {
            sb.append(',').append(v);
        }
        return sb.append(',').append(r.detected()).append(',').append(r.knownFaults()).append(',')
            .append(Double.isNaN(r.worstLatencyS()) ? "" : Double.toString(r.worstLatencyS())).append(',')
            .append(r.falseExclusions()).append(',').append(r.errorRms()).append(',').append(r.errorMax())
            .append(',').append(r.availabilityMin()).append('\n').toString();
    }
}
