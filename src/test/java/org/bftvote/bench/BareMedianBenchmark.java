package org.bftvote.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Baseline: the bare median of three values, written the simplest branch-free way, with no validity handling.
 * The voters' figures are read against this one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BareMedianBenchmark {
    private final double[][] frames = Frames.real(3);
    private int next;

    /**
     * Creates the benchmark state.
     */
    public BareMedianBenchmark() {
        // State is built by the field initialisers.
    }

    /**
     * @param bh sink for the result
     */
    @Benchmark
    public void median3(final Blackhole bh) {
        final double[] v = frames[next++ & (Frames.SIZE - 1)];
        final double a = v[0];
        final double b = v[1];
        final double c = v[2];
        bh.consume(Math.max(Math.min(a, b), Math.min(Math.max(a, b), c)));
    }
}
