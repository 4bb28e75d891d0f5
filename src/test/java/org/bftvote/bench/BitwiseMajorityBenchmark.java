package org.bftvote.bench;

import java.util.concurrent.TimeUnit;
import org.bftvote.vote.BitwiseMajority;
import org.bftvote.vote.DiscreteVoteResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Bitwise majority of three words (the triplex fast path) and of five words (the bit-sliced counters).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BitwiseMajorityBenchmark {
    private final long[][] frames3 = Frames.words(3);
    private final long[][] frames5 = Frames.words(5);
    private final BitwiseMajority voter = new BitwiseMajority(5);
    private final DiscreteVoteResult result = new DiscreteVoteResult();
    private int next;

    /**
     * Creates the benchmark state.
     */
    public BitwiseMajorityBenchmark() {
        // State is built by the field initialisers.
    }

    /**
     * @param bh sink for the result
     */
    @Benchmark
    public void words3(final Blackhole bh) {
        voter.vote(frames3[next++ & (Frames.SIZE - 1)], 0b111L, 3, result);
        bh.consume(result.word());
    }

    /**
     * @param bh sink for the result
     */
    @Benchmark
    public void words5(final Blackhole bh) {
        voter.vote(frames5[next++ & (Frames.SIZE - 1)], 0b11111L, 5, result);
        bh.consume(result.word());
    }
}
