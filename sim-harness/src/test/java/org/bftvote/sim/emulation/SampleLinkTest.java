package org.bftvote.sim.emulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@link SampleLink} emulates the process {@link BusNetwork} emulates for one link, drawing only on eventful samples:
 * its outcome rates match the closed forms and a {@code BusNetwork} on the same spec, within stated tolerances
 * (4 binomial standard errors for independent events, 5 % relative for the correlated Gilbert–Elliott bursts).
 */
class SampleLinkTest {
    private static final byte[] SAMPLE = {1, 2, 3, 4, 5, 6, 7, 8};

    private static Map<DeliveryOutcome, Long> run(final SampleLink link, final int n) {
        final Map<DeliveryOutcome, Long> counts = new EnumMap<>(DeliveryOutcome.class);
        final byte[] bytes = new byte[8];
        for (int i = 0; i < n; i++) {
            System.arraycopy(SAMPLE, 0, bytes, 0, 8);
            final DeliveryOutcome o = link.send();
            link.damage(bytes, 0, 8);
            counts.merge(o, 1L, Long::sum);
            int differing = 0;
            for (int b = 0; b < 8; b++) {
                differing += Integer.bitCount((bytes[b] ^ SAMPLE[b]) & 0xFF);
            }
            final boolean corrupt = o == DeliveryOutcome.CORRUPTED_DETECTED
                || o == DeliveryOutcome.CORRUPTED_UNDETECTED;
            assertEquals(corrupt, differing > 0, "sample " + i + ": bytes flipped iff corrupted");
            assertTrue(differing <= 3, "at most three bits");
        }
        return counts;
    }

    private static long count(final Map<DeliveryOutcome, Long> counts, final DeliveryOutcome o) {
        return counts.getOrDefault(o, 0L);
    }

    private static void assertRate(final double expected, final long events, final long n, final String what) {
        assertEquals(expected, events / (double) n, 4 * Math.sqrt(expected * (1 - expected) / n), what);
    }

    @Test
    void independentLossCorruptionAndCoverageAtTheirRates() {
        final double hit = 0.02;
        final double ber = -Math.expm1(Math.log1p(-hit) / 64);
        final BusSpec spec = BusSpec.ideal(10, 100).withLoss(LossSpec.independent(0.01)).withBitErrors(ber, 0.9);
        final int n = 400_000;
        final Map<DeliveryOutcome, Long> c = run(new SampleLink(spec, 8, new SimRandom(1)), n);
        assertRate(0.01, count(c, DeliveryOutcome.LOST), n, "lost");
        final long corrupted = count(c, DeliveryOutcome.CORRUPTED_DETECTED)
            + count(c, DeliveryOutcome.CORRUPTED_UNDETECTED);
        assertRate(0.99 * hit, corrupted, n, "corrupted (of the samples not lost)");
        assertRate(0.9, count(c, DeliveryOutcome.CORRUPTED_DETECTED), corrupted, "detected share");
        assertEquals(0, count(c, DeliveryOutcome.LATE));
    }

    @Test
    void gilbertElliottLossAndBurstLengthAsTheBusNetwork() {
        final double p = 0.02;
        final double r = 0.25;
        final BusSpec spec = BusSpec.ideal(10, 100).withLoss(LossSpec.gilbertElliott(p, r, 0.0, 1.0));
        final SampleLink link = new SampleLink(spec, 8, new SimRandom(2));
        final BusNetwork network = new BusNetwork(spec, 2, List.of(), new SimRandom(2));
        final Delivery out = new Delivery();
        final int n = 400_000;
        final long[] lost = new long[2];
        final long[] bursts = new long[2];
        final boolean[] previous = new boolean[2];
        final byte[] bytes = SAMPLE.clone();
        for (int i = 0; i < n; i++) {
            final boolean[] isLost = {
                link.send() == DeliveryOutcome.LOST,
                network.deliver(i, 0, 1, bytes, 0, 8, out) == DeliveryOutcome.LOST};
            for (int k = 0; k < 2; k++) {
                if (isLost[k]) {
                    lost[k]++;
                    bursts[k] += previous[k] ? 0 : 1;
                }
                previous[k] = isLost[k];
            }
        }
        assertArrayEquals(SAMPLE, bytes);
        for (int k = 0; k < 2; k++) {
            final String who = k == 0 ? "sample link" : "bus network";
            assertEquals(p / (p + r), lost[k] / (double) n, 0.05 * p / (p + r), who + ": loss");
            assertEquals(1.0 / r, lost[k] / (double) bursts[k], 0.05 / r, who + ": mean burst");
        }
    }

    @Test
    void generalGilbertElliottWithBitErrorsInBothStates() {
        final LossSpec loss = LossSpec.gilbertElliott(0.05, 0.2, 0.3, 0.98);
        final double hit = 0.05;
        final BusSpec spec = BusSpec.ideal(10, 100).withLoss(loss)
            .withBitErrors(-Math.expm1(Math.log1p(-hit) / 64), 0.5);
        final int n = 300_000;
        final Map<DeliveryOutcome, Long> c = run(new SampleLink(spec, 8, new SimRandom(3)), n);
        final double expectedLoss = loss.stationaryLoss();
        assertEquals(expectedLoss, count(c, DeliveryOutcome.LOST) / (double) n, 0.05 * expectedLoss, "loss");
        final long corrupted = count(c, DeliveryOutcome.CORRUPTED_DETECTED)
            + count(c, DeliveryOutcome.CORRUPTED_UNDETECTED);
        final double expectedCorrupted = (1 - expectedLoss) * hit;
        assertEquals(expectedCorrupted, corrupted / (double) n, 0.05 * expectedCorrupted, "corrupted");
    }

    @Test
    void lateShareMatchesTheClosedFormAndTheBusNetwork() {
        // Transfer 100..900 us, jitter +-150 us, deadline 800 us: the closed form of the sum of two uniforms.
        final BusSpec spec = new BusSpec(100, 900, 150, 800, BusScheduling.PERIODIC, 0, LossSpec.NONE, 0, 0, 1);
        final double late = SampleLink.lateProbability(spec);
        // P(X + Y > 700), X ~ U(0, 800), Y ~ U(-150, 150): by symmetry of the trapezoid, (800 + 150 - 700)^2 /
        // (2 * 800 * 300) = 250^2 / 480,000.
        assertEquals(250.0 * 250.0 / 480_000.0, late, 1e-12);
        final int n = 300_000;
        final Map<DeliveryOutcome, Long> c = run(new SampleLink(spec, 8, new SimRandom(4)), n);
        assertRate(late, count(c, DeliveryOutcome.LATE), n, "late");
        final BusNetwork network = new BusNetwork(spec, 2, List.of(), new SimRandom(4));
        final Delivery out = new Delivery();
        for (int i = 0; i < n; i++) {
            network.deliver(i, 0, 1, SAMPLE.clone(), 0, 8, out);
        }
        assertRate(late, network.count(DeliveryOutcome.LATE), n, "bus network late");
        assertEquals(0.0, SampleLink.lateProbability(BusSpec.ideal(10, 100)), 0.0);
        assertEquals(1.0, SampleLink.lateProbability(BusSpec.ideal(200, 100)), 0.0);
    }

    @Test
    void aHealthyLinkDrawsOnlyOnEventfulSamples() {
        // Independent loss 1e-6: over a million samples about one event, so the stream is barely used: the link
        // draws its countdown and one sample's events, where drawing per sample would use millions of numbers.
        final SimRandom random = new SimRandom(5);
        final SimRandom twin = new SimRandom(5);
        final SampleLink link = new SampleLink(BusSpec.ideal(10, 100).withLoss(LossSpec.independent(1e-6)), 8, random);
        final byte[] bytes = SAMPLE.clone();
        for (int i = 0; i < 1_000_000; i++) {
            link.send();
            link.damage(bytes, 0, 8);
        }
        int behind = 0;
        final long next = random.nextLong();
        while (twin.nextLong() != next) {
            behind++;
        }
        assertTrue(behind < 40, "draws used: " + behind);
    }

    @Test
    void sameSeedSameOutcomes() {
        final BusSpec spec = BusSpec.ideal(10, 100).withLoss(LossSpec.gilbertElliott(0.01, 0.3, 0.1, 0.999))
            .withBitErrors(1e-3, 0.7);
        assertEquals(run(new SampleLink(spec, 8, new SimRandom(9)), 50_000),
            run(new SampleLink(spec, 8, new SimRandom(9)), 50_000));
    }
}
