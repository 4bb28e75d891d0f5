package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fault signatures seen in service, replayed on a triplex angle-of-attack signal (degrees, 20 frames a second):
 * Qantas 72 (intermittent spikes on one channel), Lion Air 610 (constant bias on one channel), XL Airways 888T
 * (two channels frozen at the same value).
 */
@Tag("MON-1")
class FieldCasesTest {
    private static final long ALL3 = 0b111;

    /** The AoA configuration recommended in docs/guides/tune-monitors.md. */
    static ChannelConfig.Builder aoa() {
        return ChannelConfig.builder(3)
            .range(-30.0, 60.0)
            .miscompareThreshold(1.5)
            .persistence(PersistencePolicy.consecutive(20))
            .frozenDetection(10)
            .duplex(DuplexPolicy.holdLastGood(5));
    }

    private static double trueAoa(final long f) {
        return 2.0 + 0.8 * Math.sin(f * 0.02);
    }

    @Test
    void qantas72IntermittentSpikesNeverReachTheOutput() {
        for (final boolean rateLimited : new boolean[] {false, true}) {
            final ChannelConfig.Builder b = aoa().persistence(PersistencePolicy.leaky(2, 1, 20));
            if (rateLimited) {
                b.rateLimit(2.0);
            }
            final RecordingListener events = new RecordingListener();
            final ChannelManager m = new ChannelManager(b.build(), events);
            final ChannelOutput out = m.newOutput();
            final SplittableRandom r = new SplittableRandom(72);
            final double[] v = new double[3];
            long nextSpike = 40;
            int spikes = 0;
            for (long f = 0; f < 20_000; f++) {
                for (int i = 0; i < 3; i++) {
                    v[i] = trueAoa(f) + r.nextGaussian() * 0.05;
                }
                if (f >= nextSpike) {
                    v[0] = 50.625;
                    spikes++;
                    if (f > nextSpike || r.nextBoolean()) {
                        nextSpike = f + 5 + r.nextInt(400);
                    }
                }
                m.update(f, v, ALL3, ALL3, out);
                final double lo = Math.min(v[1], v[2]);
                final double hi = Math.max(v[1], v[2]);
                assertTrue(out.value() >= lo && out.value() <= hi,
                    "rateLimited " + rateLimited + " frame " + f + " value " + out.value());
                assertTrue(out.status() == OutputStatus.NORMAL || out.status() == OutputStatus.DEGRADED);
            }
            assertTrue(spikes > 50, "spikes " + spikes);
            assertFalse(out.isFailed(1) || out.isFailed(2), events.events.toString());
        }
    }

    @Test
    void lionAir610BiasedChannelExcludedWithinThePersistenceAndNeverFollowed() {
        final RecordingListener events = new RecordingListener();
        final ChannelManager m = new ChannelManager(aoa().build(), events);
        final ChannelOutput out = m.newOutput();
        final SplittableRandom r = new SplittableRandom(610);
        final double[] v = new double[3];
        final long onset = 200;
        for (long f = 0; f < 2000; f++) {
            for (int i = 0; i < 3; i++) {
                v[i] = trueAoa(f) + r.nextGaussian() * 0.05;
            }
            if (f >= onset) {
                v[1] += 21.0;
            }
            m.update(f, v, ALL3, ALL3, out);
            assertTrue(out.value() >= Math.min(v[0], v[2]) && out.value() <= Math.max(v[0], v[2]), "frame " + f);
            assertEquals(f >= onset + 19, out.isFailed(1), "frame " + f);
        }
        assertEquals(ExclusionReason.MISCOMPARE, out.failureReason(1));
        assertEquals(RedundancyLevel.DUPLEX, out.level());
        assertEquals(OutputStatus.DEGRADED, out.status());
        assertEquals(java.util.List.of("failed 0 219 ch1 MISCOMPARE"), events.starting("failed"));
    }

    @Test
    void xl888tTwoFrozenChannelsAreExcludedAndTheLiveOneIsFollowed() {
        final RecordingListener events = new RecordingListener();
        final ChannelManager m = new ChannelManager(aoa().build(), events);
        final ChannelOutput out = m.newOutput();
        final SplittableRandom r = new SplittableRandom(888);
        final double[] v = new double[3];
        final long freeze = 300;
        double frozenAt = Double.NaN;
        for (long f = 0; f < 1500; f++) {
            // The aircraft slows: the real AoA climbs from about 2 to 20 degrees after the freeze.
            final double aoa = f < freeze ? trueAoa(f) : trueAoa(freeze) + (f - freeze) * 0.015;
            for (int i = 0; i < 3; i++) {
                v[i] = aoa + r.nextGaussian() * 0.05;
            }
            if (f == freeze) {
                frozenAt = v[0];
            }
            if (f >= freeze) {
                v[0] = frozenAt;
                v[2] = frozenAt;
            }
            m.update(f, v, ALL3, ALL3, out);
            assertFalse(out.isFailed(1), "the live channel is never condemned, frame " + f);
            if (f >= freeze + 10) {
                assertEquals(0b101, out.failedMask(), "frame " + f);
                assertEquals(v[1], out.value(), 0.0, "follows the live channel, frame " + f);
                assertEquals(OutputStatus.DEGRADED, out.status());
                assertEquals(RedundancyLevel.SIMPLEX, out.level());
            }
        }
        assertEquals(ExclusionReason.FROZEN, out.failureReason(0));
        assertEquals(ExclusionReason.FROZEN, out.failureReason(2));
        assertTrue(events.events.contains("level 0 310 TRIPLEX->SIMPLEX"), events.events.toString());
    }
}
