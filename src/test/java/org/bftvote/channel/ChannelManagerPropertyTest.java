package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded properties of the manager: persistence bounds on latching, and spikes never reaching the output. */
@Tag("MON-1")
@Tag("MON-2")
class ChannelManagerPropertyTest {
    private static final double THRESHOLD = 1.0;

    static LongStream seeds() {
        return Seeds.seeds();
    }

    private static PersistencePolicy randomPolicy(final SplittableRandom r) {
        return r.nextBoolean()
            ? PersistencePolicy.consecutive(1 + r.nextInt(15))
            : PersistencePolicy.leaky(1 + r.nextInt(4), 1 + r.nextInt(4), 1 + r.nextInt(30));
    }

    /** Fills healthy channels with a slow signal plus noise well inside a quarter of the threshold. */
    private static void healthy(final double[] v, final int n, final long f, final SplittableRandom r) {
        final double base = 5.0 * Math.sin(f * 0.01);
        for (int i = 0; i < n; i++) {
            v[i] = base + (r.nextDouble() - 0.5) * 0.4 * THRESHOLD;
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aMiscompareShorterThanThePersistenceNeverLatchesAndAPersistentOneLatchesWithinIt(final long seed) {
        final SplittableRandom r = Seeds.random(seed);
        final int n = 3 + r.nextInt(3);
        final PersistencePolicy p = randomPolicy(r);
        final ChannelManager m = new ChannelManager(ChannelConfig.builder(n).miscompareThreshold(THRESHOLD)
            .persistence(p).build(), ChannelEventListener.NONE);
        final ChannelOutput out = m.newOutput();
        final double[] v = new double[n];
        final int bad = r.nextInt(n);
        final long all = (1L << n) - 1;
        long f = 0;
        final int longest = p.framesToTrip() - 1;
        for (int burstNo = 0; burstNo < 50 && longest > 0; burstNo++) {
            final int burst = 1 + r.nextInt(longest);
            final double offset = (r.nextBoolean() ? 1 : -1) * THRESHOLD * (2 + r.nextDouble() * 100);
            for (int k = 0; k < burst; k++) {
                healthy(v, n, f, r);
                v[bad] += offset;
                m.update(f++, v, all, all, out);
                assertFalse(out.isFailed(bad), Seeds.replay(seed) + " " + p + " burst " + burst + " frame " + f);
            }
            final int gap = PersistenceCountersTest.recoveryFrames(p, burst) + r.nextInt(5);
            for (int k = 0; k < gap; k++) {
                healthy(v, n, f, r);
                m.update(f++, v, all, all, out);
            }
        }
        assertFalse(out.isFailed(bad), Seeds.replay(seed));
        int frames = 0;
        while (!out.isFailed(bad) && frames < p.framesToTrip() + 5) {
            healthy(v, n, f, r);
            v[bad] += 3 * THRESHOLD;
            m.update(f++, v, all, all, out);
            frames++;
        }
        assertTrue(out.isFailed(bad) && frames <= p.framesToTrip(),
            Seeds.replay(seed) + " " + p + " latched after " + frames + ", bound " + p.framesToTrip());
        assertTrue(out.failedMask() == 1L << bad, Seeds.replay(seed) + " only the faulty channel fails");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void spikesOfAnySizeAtAnyPeriodNeverMoveTheOutputOutsideTheHealthyRange(final long seed) {
        final SplittableRandom r = Seeds.random(seed);
        final int n = 3 + r.nextInt(2);
        final ChannelConfig.Builder b = ChannelConfig.builder(n).miscompareThreshold(THRESHOLD)
            .persistence(randomPolicy(r));
        if (r.nextBoolean()) {
            b.rateLimit(0.5 + r.nextDouble());
        }
        if (r.nextBoolean()) {
            b.reintegration(ReintegrationPolicy.afterGoodFrames(1 + r.nextInt(20), 1 + r.nextInt(5)));
        }
        final ChannelManager m = new ChannelManager(b.build(), ChannelEventListener.NONE);
        final ChannelOutput out = m.newOutput();
        final double[] v = new double[n];
        final int spiky = r.nextInt(n);
        final long all = (1L << n) - 1;
        final int period = 1 + r.nextInt(50);
        final int width = 1 + r.nextInt(Math.max(1, Math.min(period, 5)));
        final double[] sizes = {1.5, 10, 1e3, 1e300, -1e300, Double.MAX_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 50.625};
        for (long f = 0; f < 3000; f++) {
            healthy(v, n, f, r);
            if (f % period < width) {
                final double s = sizes[r.nextInt(sizes.length)];
                v[spiky] += (r.nextBoolean() ? 1 : -1) * s * (0.5 + r.nextDouble());
            }
            final OutputStatus st = m.update(f, v, all, all, out);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (i != spiky) {
                    lo = Math.min(lo, v[i]);
                    hi = Math.max(hi, v[i]);
                }
            }
            final String where = Seeds.replay(seed) + " frame " + f + " status " + st + " value " + out.value();
            assertTrue(st == OutputStatus.NORMAL || st == OutputStatus.DEGRADED, where);
            assertTrue(out.value() >= lo && out.value() <= hi, where + " range [" + lo + ", " + hi + "]");
            for (int i = 0; i < n; i++) {
                assertTrue(i == spiky || !out.isFailed(i), where + " healthy channel " + i + " failed");
            }
        }
    }
}
