package org.bftvote.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.ChannelEventListener;
import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.OutputStatus;
import org.junit.jupiter.api.Test;

/**
 * The manager benchmarks claim to measure the normal path: with their configurations, the healthy frame ring
 * (run round several times, as the benchmarks do) must never reject, miscompare or fail a channel.
 */
class ManagerBenchmarkInputsTest {
    private static void assertNormalPath(final ChannelConfig config) {
        final int n = config.channelCount();
        final long all = (1L << n) - 1;
        final double[][] frames = Frames.healthy(n);
        final ChannelManager m = new ChannelManager(config, ChannelEventListener.NONE);
        final ChannelOutput out = m.newOutput();
        for (long f = 0; f < 4L * Frames.SIZE; f++) {
            final OutputStatus status = m.update(f, frames[(int) f & (Frames.SIZE - 1)], all, all, out);
            final String where = config + ", frame " + f;
            assertEquals(OutputStatus.NORMAL, status, where);
            assertEquals(0L, out.rejectedMask(), where);
            assertEquals(0L, out.miscompareMask(), where);
            assertEquals(0L, out.failedMask(), where);
        }
    }

    @Test
    void triplexAllChecksStaysOnTheNormalPath() {
        assertNormalPath(ManagerTriplexMvsBenchmark.allChecksConfig());
    }

    @Test
    void triplexMiscompareOnlyStaysOnTheNormalPath() {
        assertNormalPath(ManagerTriplexMvsBenchmark.miscompareOnlyConfig());
    }

    @Test
    void quadFtmStaysOnTheNormalPath() {
        assertNormalPath(ManagerQuadFtmBenchmark.config());
    }
}
