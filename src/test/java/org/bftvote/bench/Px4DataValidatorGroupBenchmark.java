package org.bftvote.bench;

import java.util.concurrent.TimeUnit;
import org.bftvote.baseline.px4.DataValidator;
import org.bftvote.baseline.px4.DataValidatorGroup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One triplex frame through the Java port of PX4's {@code DataValidatorGroup}: three {@code put} (one per sensor,
 * the scalar as {@code {value, 0, 0}}, error count 0, equal priorities) and one {@code get_best}, on the same
 * healthy ring as {@link ManagerTriplexMvsBenchmark} (converted to float once, outside the measurement, as PX4
 * works in float). Timestamps advance 50 ms a frame (20 Hz). One operation is one frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Px4DataValidatorGroupBenchmark {
    private static final int CHANNELS = 3;
    private static final long PERIOD_US = 50_000;
    private static final int PRIORITY = 50;

    private final float[][][] samples = toSamples(Frames.healthy(CHANNELS));
    private final DataValidatorGroup group = new DataValidatorGroup(CHANNELS);
    private final int[] index = {-1};
    private long frame;

    /**
     * Creates the benchmark state.
     */
    public Px4DataValidatorGroupBenchmark() {
        // State is built by the field initialisers.
    }

    private static float[][][] toSamples(final double[][] frames) {
        final float[][][] out = new float[frames.length][CHANNELS][DataValidator.DIMENSIONS];
        for (int f = 0; f < frames.length; f++) {
            for (int c = 0; c < CHANNELS; c++) {
                out[f][c][0] = (float) frames[f][c];
            }
        }
        return out;
    }

    /**
     * @param bh sink for the result
     */
    @Benchmark
    public void triplexFrame(final Blackhole bh) {
        final long f = frame++;
        final long timestamp = (f + 1) * PERIOD_US;
        final float[][] s = samples[(int) f & (Frames.SIZE - 1)];
        group.put(0, timestamp, s[0], 0, PRIORITY);
        group.put(1, timestamp, s[1], 0, PRIORITY);
        group.put(2, timestamp, s[2], 0, PRIORITY);
        final float[] best = group.getBest(timestamp, index);
        bh.consume(best[0]);
        bh.consume(index[0]);
    }
}
