package org.bftvote.bench;

import java.util.concurrent.TimeUnit;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.ChannelEventListener;
import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.DuplexPolicy;
import org.bftvote.channel.PersistencePolicy;
import org.bftvote.vote.MidValueSelect;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One triplex frame through {@link ChannelManager#update} with mid-value select, on the normal path (healthy noisy
 * inputs, nothing trips). {@code allChecks} uses the configuration a user would build for an angle-of-attack
 * signal (range, rate, stale, frozen, threshold, persistence, duplex hold); {@code miscompareOnly} has only the
 * mandatory miscompare threshold. One operation is one frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ManagerTriplexMvsBenchmark {
    static final int CHANNELS = 3;
    private static final long ALL = (1L << CHANNELS) - 1;

    private final double[][] frames = Frames.healthy(CHANNELS);
    private final ChannelManager allChecks = new ChannelManager(allChecksConfig(), ChannelEventListener.NONE);
    private final ChannelManager miscompareOnly =
        new ChannelManager(miscompareOnlyConfig(), ChannelEventListener.NONE);
    private final ChannelOutput allChecksOut = allChecks.newOutput();
    private final ChannelOutput miscompareOnlyOut = miscompareOnly.newOutput();
    private long frame;

    /**
     * Creates the benchmark state.
     */
    public ManagerTriplexMvsBenchmark() {
        // State is built by the field initialisers.
    }

    /** The angle-of-attack configuration of docs/guides/tune-monitors.md (rate limit 2 a frame), every check on. */
    static ChannelConfig allChecksConfig() {
        return ChannelConfig.builder(CHANNELS)
            .signalId(7)
            .range(-30.0, 60.0)
            .rateLimit(2.0)
            .staleLimit(4)
            .frozenDetection(10)
            .miscompareThreshold(1.5)
            .persistence(PersistencePolicy.consecutive(20))
            .duplex(DuplexPolicy.holdLastGood(5))
            .voter(MidValueSelect::new)
            .build();
    }

    /** Only the mandatory miscompare threshold; every other setting at its default. */
    static ChannelConfig miscompareOnlyConfig() {
        return ChannelConfig.builder(CHANNELS).miscompareThreshold(1.5).build();
    }

    /**
     * @param bh sink for the result
     */
    @Benchmark
    public void allChecks(final Blackhole bh) {
        final long f = frame++;
        bh.consume(allChecks.update(f, frames[(int) f & (Frames.SIZE - 1)], ALL, ALL, allChecksOut));
        bh.consume(allChecksOut.value());
    }

    /**
     * @param bh sink for the result
     */
    @Benchmark
    public void miscompareOnly(final Blackhole bh) {
        final long f = frame++;
        bh.consume(miscompareOnly.update(f, frames[(int) f & (Frames.SIZE - 1)], ALL, ALL, miscompareOnlyOut));
        bh.consume(miscompareOnlyOut.value());
    }
}
