package org.bftvote.sim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.ChannelEventListener;
import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.DuplexPolicy;
import org.bftvote.channel.PersistencePolicy;
import org.bftvote.sim.baseline.px4.DataValidator;
import org.bftvote.sim.baseline.px4.DataValidatorGroup;
import org.bftvote.vote.MidValueSelect;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One triplex frame three ways on the same ring of healthy frames, so their ratios come from one JMH run: the bare
 * three-value median, bftvote's {@code ChannelManager} with mid-value select and every check (the configuration of
 * the library's {@code ManagerTriplexMvsBenchmark}), and the Java port of PX4's {@code DataValidatorGroup}: three
 * {@code put} (the scalar as {@code {value, 0, 0}}, error count 0, equal priorities) and one {@code get_best}, the
 * ring converted to float once, outside the measurement, as PX4 works in float. Timestamps advance 50 ms a frame
 * (20 Hz). One operation is one frame. The ring is the library benchmarks' healthy ring (same formula and seed).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Px4BaselineBenchmark {
    private static final int CHANNELS = 3;
    private static final int SIZE = 1024;
    private static final long PERIOD_US = 50_000;
    private static final int PRIORITY = 50;
    private static final long ALL = 0b111;

    private final double[][] frames = healthy();
    private final float[][][] samples = toSamples(frames);
    private final DataValidatorGroup group = new DataValidatorGroup(CHANNELS);
    private final int[] index = {-1};
    private final ChannelManager manager = new ChannelManager(ChannelConfig.builder(CHANNELS).signalId(7)
        .range(-30.0, 60.0).rateLimit(2.0).staleLimit(4).frozenDetection(10).miscompareThreshold(1.5)
        .persistence(PersistencePolicy.consecutive(20)).duplex(DuplexPolicy.holdLastGood(5))
        .voter(MidValueSelect::new).build(), ChannelEventListener.NONE);
    private final ChannelOutput out = manager.newOutput();
    private long frame;

    /** Creates the benchmark state. */
    public Px4BaselineBenchmark() {
        // State is built by the field initialisers.
    }

    /** The library benchmarks' {@code Frames.healthy(3)}: 15 + 10 sin(2 pi f / 1024) plus Gaussian noise 0.05. */
    private static double[][] healthy() {
        final SplittableRandom r = new SplittableRandom(0xBE7C_4A11L ^ CHANNELS);
        final double[][] f = new double[SIZE][CHANNELS];
        for (int i = 0; i < SIZE; i++) {
            final double truth = 15.0 + 10.0 * Math.sin(2.0 * Math.PI * i / SIZE);
            for (int c = 0; c < CHANNELS; c++) {
                f[i][c] = truth + r.nextGaussian() * 0.05;
            }
        }
        return f;
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

    /** @param bh sink for the result */
    @Benchmark
    public void px4Triplex(final Blackhole bh) {
        final long f = frame++;
        final long timestamp = (f + 1) * PERIOD_US;
        final float[][] s = samples[(int) f & (SIZE - 1)];
        group.put(0, timestamp, s[0], 0, PRIORITY);
        group.put(1, timestamp, s[1], 0, PRIORITY);
        group.put(2, timestamp, s[2], 0, PRIORITY);
        final float[] best = group.getBest(timestamp, index);
        bh.consume(best[0]);
        bh.consume(index[0]);
    }

    /** @param bh sink for the result */
    @Benchmark
    public void managerTriplexAllChecks(final Blackhole bh) {
        final long f = frame++;
        bh.consume(manager.update(f, frames[(int) f & (SIZE - 1)], ALL, ALL, out));
    }

    /** @return the bare median of the frame */
    @Benchmark
    public double bareMedian() {
        final double[] v = frames[(int) frame++ & (SIZE - 1)];
        final double a = v[0];
        final double b = v[1];
        final double c = v[2];
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
