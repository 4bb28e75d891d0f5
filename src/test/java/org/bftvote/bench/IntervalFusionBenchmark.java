package org.bftvote.bench;

import java.util.concurrent.TimeUnit;
import org.bftvote.vote.IntervalFusion;
import org.bftvote.vote.VoteResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Marzullo interval fusion of seven channels, f = 2, accuracy 0.5.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IntervalFusionBenchmark {
    private static final int CHANNELS = 7;
    private static final long ALL_VALID = (1L << CHANNELS) - 1;

    private final double[][] frames = Frames.real(CHANNELS);
    private final IntervalFusion voter = new IntervalFusion(CHANNELS, 2, 0.5);
    private final VoteResult result = new VoteResult();
    private int next;

    /**
     * Creates the benchmark state.
     */
    public IntervalFusionBenchmark() {
        // State is built by the field initialisers.
    }

    /**
     * @param bh sink for the result
     */
    @Benchmark
    public void vote(final Blackhole bh) {
        voter.vote(frames[next++ & (Frames.SIZE - 1)], ALL_VALID, CHANNELS, result);
        bh.consume(result.value());
    }
}
