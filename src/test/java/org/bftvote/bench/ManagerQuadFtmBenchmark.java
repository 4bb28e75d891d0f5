package org.bftvote.bench;

import java.util.concurrent.TimeUnit;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.ChannelEventListener;
import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.DuplexPolicy;
import org.bftvote.channel.PersistencePolicy;
import org.bftvote.vote.FaultTolerantMidpoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One quadruplex frame through {@link ChannelManager#update} with the fault-tolerant midpoint (f = 1) as output
 * voter, so the manager also runs its separate median reference; every input check enabled, healthy noisy inputs
 * (nothing trips). One operation is one frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ManagerQuadFtmBenchmark {
    static final int CHANNELS = 4;
    private static final long ALL = (1L << CHANNELS) - 1;

    private final double[][] frames = Frames.healthy(CHANNELS);
    private final ChannelManager manager = new ChannelManager(config(), ChannelEventListener.NONE);
    private final ChannelOutput out = manager.newOutput();
    private long frame;

    /**
     * Creates the benchmark state.
     */
    public ManagerQuadFtmBenchmark() {
        // State is built by the field initialisers.
    }

    /** The angle-of-attack configuration of docs/guides/tune-monitors.md for four channels, voted by FTM with f = 1. */
    static ChannelConfig config() {
        return ChannelConfig.builder(CHANNELS)
            .signalId(7)
            .range(-30.0, 60.0)
            .rateLimit(2.0)
            .staleLimit(4)
            .frozenDetection(10)
            .miscompareThreshold(1.5)
            .persistence(PersistencePolicy.consecutive(20))
            .duplex(DuplexPolicy.holdLastGood(5))
            .voter(n -> new FaultTolerantMidpoint(n, 1))
            .build();
    }

    /**
     * @param bh sink for the result
     */
    @Benchmark
    public void allChecks(final Blackhole bh) {
        final long f = frame++;
        bh.consume(manager.update(f, frames[(int) f & (Frames.SIZE - 1)], ALL, ALL, out));
        bh.consume(out.value());
    }
}
