package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.testsupport.AllocationMeter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A million warmed frames with faults happening (spikes, NaN, stale, frozen, failures, readmissions) allocate 0 B. */
@Tag("ALLOC-1")
class ChannelManagerAllocationTest {
    /** Counts events without allocating. */
    private static final class CountingListener implements ChannelEventListener {
        long failed;
        long reintegrated;
        long levelChanges;
        long statusChanges;

        @Override
        public void onChannelFailed(final int s, final long f, final int c, final ExclusionReason r) {
            failed++;
        }

        @Override
        public void onChannelReintegrated(final int s, final long f, final int c) {
            reintegrated++;
        }

        @Override
        public void onRedundancyChanged(final int s, final long f, final RedundancyLevel a, final RedundancyLevel b) {
            levelChanges++;
        }

        @Override
        public void onOutputStatusChanged(final int s, final long f, final OutputStatus a, final OutputStatus b) {
            statusChanges++;
        }
    }

    private static void run(final int n) {
        final CountingListener events = new CountingListener();
        final ChannelManager m = new ChannelManager(ChannelConfig.builder(n).range(-100, 100).rateLimit(5.0)
            .staleLimit(3).frozenDetection(20).miscompareThreshold(1.0)
            .persistence(PersistencePolicy.leaky(2, 1, 10))
            .reintegration(ReintegrationPolicy.afterGoodFrames(30, ReintegrationPolicy.MAX_COUNT)
                .readmitting(ExclusionReason.MISCOMPARE, ExclusionReason.FROZEN, ExclusionReason.NOT_FINITE,
                    ExclusionReason.RATE_LIMIT, ExclusionReason.STALE))
            .duplex(DuplexPolicy.holdLastGood(5)).build(), events);
        final ChannelOutput out = m.newOutput();
        final double[] v = new double[n];
        final long all = (1L << n) - 1;
        final long[] frame = {0};
        final long bytes = AllocationMeter.measure(() -> {
            for (int k = 0; k < AllocationMeter.PROOF_FRAMES; k++) {
                final long f = frame[0]++;
                final double base = (f % 200) * 0.01;
                for (int i = 0; i < n; i++) {
                    v[i] = base + i * 0.01;
                }
                final long phase = f % 1000;
                if (phase < 100 && (phase % 7) < 2) {
                    v[0] = 50.625;
                } else if (phase >= 200 && phase < 260) {
                    v[1] += 20.0;
                } else if (phase >= 300 && phase < 330) {
                    v[2] = 1.0;
                } else if (phase >= 400 && phase < 420) {
                    v[0] = Double.NaN;
                }
                final long fresh = phase >= 500 && phase < 510 ? all & ~1L : all;
                m.update(f, v, all, fresh, out);
            }
        });
        assertEquals(0, bytes, "bytes allocated over a million frames, channels " + n);
        assertTrue(events.failed > 1000 && events.reintegrated > 1000, "faults happened: " + events.failed + " "
            + events.reintegrated + " " + events.levelChanges + " " + events.statusChanges);
    }

    @Test
    void triplexAllocatesNothing() {
        run(3);
    }

    @Test
    void quadAllocatesNothing() {
        run(4);
    }
}
