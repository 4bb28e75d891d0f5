package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.testsupport.AllocationMeter;
import org.bftvote.vote.FaultTolerantMidpoint;
import org.junit.jupiter.api.Test;

/**
 * Memory a manager holds once built: the bytes allocated by building a {@link ChannelManager} and its
 * {@link ChannelOutput} from an existing configuration (measured per thread with {@link AllocationMeter}, warmed so
 * class loading is not counted). The manager allocates nothing after construction, so this is its whole footprint
 * apart from the shared configuration. The bounds are the measured figures (JDK 17, compressed references) with
 * some margin; the figures are printed for the documentation.
 */
class ChannelManagerFootprintTest {
    private static final Object[] KEEP = new Object[2];

    private static long bytesToBuild(final ChannelConfig config) {
        return AllocationMeter.measure(() -> {
            final ChannelManager manager = new ChannelManager(config, ChannelEventListener.NONE);
            KEEP[0] = manager;
            KEEP[1] = manager.newOutput();
        });
    }

    private static ChannelConfig fullConfig(final int n) {
        return ChannelConfig.builder(n).range(-30.0, 60.0).rateLimit(2.0).staleLimit(4).frozenDetection(10)
            .miscompareThreshold(1.5).persistence(PersistencePolicy.consecutive(20))
            .duplex(DuplexPolicy.holdLastGood(5)).build();
    }

    @Test
    void sixteenChannelManagerWithOutputHoldsAtMostTwoKiB() {
        final long bytes = bytesToBuild(fullConfig(16));
        System.out.println("footprint: 16-channel ChannelManager + ChannelOutput (mid-value select) = " + bytes
            + " B");
        assertTrue(bytes > 0 && bytes <= 2048, "16-channel manager + output: " + bytes + " B");
    }

    @Test
    void sixteenChannelManagerWithASeparateMedianReferenceHoldsAtMostTwoAndAHalfKiB() {
        final ChannelConfig config = ChannelConfig.builder(16).miscompareThreshold(1.5)
            .voter(n -> new FaultTolerantMidpoint(n, 5)).build();
        final long bytes = bytesToBuild(config);
        System.out.println("footprint: 16-channel ChannelManager + ChannelOutput (FTM f=5, own median reference) = "
            + bytes + " B");
        assertTrue(bytes > 0 && bytes <= 2560, "16-channel FTM manager + output: " + bytes + " B");
    }

    @Test
    void triplexManagerWithOutputHoldsAtMostOneKiB() {
        final long bytes = bytesToBuild(fullConfig(3));
        System.out.println("footprint: 3-channel ChannelManager + ChannelOutput (mid-value select) = " + bytes + " B");
        assertTrue(bytes > 0 && bytes <= 1024, "triplex manager + output: " + bytes + " B");
    }
}
