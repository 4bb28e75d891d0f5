package org.bftvote.sim.emulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BusNetworkTest {
    private static final byte[] MESSAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    private static BusNetwork network(final BusSpec spec, final long seed) {
        return new BusNetwork(spec, 4, List.of(), new SimRandom(seed));
    }

    /** Independent loss p = 0.1 over 200,000 messages: within 4 binomial standard errors. */
    @Test
    void independentLossRateIsP() {
        final BusNetwork bus = network(BusSpec.ideal(10, 100).withLoss(LossSpec.independent(0.1)), 1);
        final Delivery out = new Delivery();
        final byte[] msg = MESSAGE.clone();
        final int n = 200_000;
        for (int i = 0; i < n; i++) {
            bus.deliver(i, i % 4, (i + 1) % 4, msg, 0, msg.length, out);
        }
        assertEquals(0.1, bus.count(DeliveryOutcome.LOST) / (double) n, 4 * Math.sqrt(0.09 / n));
        assertEquals(n, bus.count(DeliveryOutcome.LOST) + bus.count(DeliveryOutcome.DELIVERED));
        assertArrayEquals(MESSAGE, msg, "bytes untouched without corruption");
    }

    /**
     * Gilbert–Elliott with h = 0, k = 1 on one link, 400,000 messages: loss within 5 % (relative) of p/(p+r) and
     * the mean burst of consecutive losses within 5 % of 1/r. Bursts make the samples correlated, hence the wider
     * tolerance than for independent loss.
     */
    @Test
    void gilbertElliottLossAndBurstLength() {
        final double p = 0.02;
        final double r = 0.25;
        final BusNetwork bus = network(BusSpec.ideal(10, 100).withLoss(LossSpec.gilbertElliott(p, r, 0.0, 1.0)), 2);
        final Delivery out = new Delivery();
        final int n = 400_000;
        long bursts = 0;
        long lost = 0;
        boolean previousLost = false;
        for (int i = 0; i < n; i++) {
            final boolean isLost = bus.deliver(i, 0, 1, MESSAGE.clone(), 0, 16, out) == DeliveryOutcome.LOST;
            if (isLost) {
                lost++;
                if (!previousLost) {
                    bursts++;
                }
            }
            previousLost = isLost;
        }
        assertEquals(p / (p + r), lost / (double) n, 0.05 * p / (p + r));
        assertEquals(1.0 / r, lost / (double) bursts, 0.05 / r);
    }

    /** General Gilbert–Elliott: loss within 5 % of (1−k)·r/(p+r) + (1−h)·p/(p+r). */
    @Test
    void gilbertElliottGeneralFormula() {
        final LossSpec loss = LossSpec.gilbertElliott(0.05, 0.2, 0.3, 0.98);
        final double expected = (1 - 0.98) * 0.2 / 0.25 + (1 - 0.3) * 0.05 / 0.25;
        assertEquals(expected, loss.stationaryLoss(), 1e-12);
        final BusNetwork bus = network(BusSpec.ideal(10, 100).withLoss(loss), 3);
        final Delivery out = new Delivery();
        final byte[] msg = MESSAGE.clone();
        final int n = 300_000;
        for (int i = 0; i < n; i++) {
            bus.deliver(i, 2, 3, msg, 0, 16, out);
        }
        assertEquals(expected, bus.count(DeliveryOutcome.LOST) / (double) n, 0.05 * expected);
    }

    @Test
    void timeTriggeredArrivalFollowsSlotsAndPeriodicSpreadsWithLateAfterDeadline() {
        final BusSpec tt = new BusSpec(20, 20, 0, 1000, BusScheduling.TIME_TRIGGERED, 100, LossSpec.NONE, 0, 0, 1);
        final BusNetwork slots = network(tt, 4);
        final Delivery out = new Delivery();
        for (int sender = 0; sender < 4; sender++) {
            slots.deliver(0, sender, (sender + 1) % 4, MESSAGE.clone(), 0, 16, out);
            assertEquals(sender * 100 + 20, out.arrivalUs(), 1e-9);
        }
        final BusSpec periodic = new BusSpec(0, 1000, 0, 500, BusScheduling.PERIODIC, 0, LossSpec.NONE, 0, 0, 1);
        final BusNetwork queue = network(periodic, 5);
        final int n = 100_000;
        for (int i = 0; i < n; i++) {
            queue.deliver(i, 0, 1, MESSAGE.clone(), 0, 16, out);
            assertTrue(out.outcome() == DeliveryOutcome.LATE ? out.arrivalUs() > 500 : out.arrivalUs() <= 500);
        }
        assertEquals(0.5, queue.count(DeliveryOutcome.LATE) / (double) n, 4 * Math.sqrt(0.25 / n));
    }

    /**
     * BER chosen so a 16-byte message is hit with probability 0.05; coverage 0.9: corrupted share within
     * 4 standard errors of 0.05, detected share of the corrupted within 4 standard errors of 0.9; corrupted copies
     * differ from the original in exactly flippedBits bits inside the given range.
     */
    @Test
    void bitErrorsCorruptBytesWithCoverage() {
        final double hit = 0.05;
        final double ber = -Math.expm1(Math.log1p(-hit) / 128);
        final BusNetwork bus = network(BusSpec.ideal(10, 100).withBitErrors(ber, 0.9), 6);
        final Delivery out = new Delivery();
        final int n = 200_000;
        final byte[] msg = new byte[20];
        for (int i = 0; i < n; i++) {
            System.arraycopy(MESSAGE, 0, msg, 2, 16);
            msg[0] = 0;
            msg[1] = 0;
            msg[18] = 0;
            msg[19] = 0;
            bus.deliver(i, 1, 2, msg, 2, 16, out);
            int differing = 0;
            for (int b = 0; b < 16; b++) {
                differing += Integer.bitCount((msg[b + 2] ^ MESSAGE[b]) & 0xFF);
            }
            assertEquals(out.flippedBits(), differing, "message " + i);
            assertEquals(0, msg[0] | msg[1] | msg[18] | msg[19], "outside the range untouched");
            final boolean corrupt = out.outcome() == DeliveryOutcome.CORRUPTED_DETECTED
                || out.outcome() == DeliveryOutcome.CORRUPTED_UNDETECTED;
            assertEquals(corrupt, differing > 0, "message " + i);
            assertTrue(differing <= 3);
        }
        final long detected = bus.count(DeliveryOutcome.CORRUPTED_DETECTED);
        final long corrupted = detected + bus.count(DeliveryOutcome.CORRUPTED_UNDETECTED);
        assertEquals(hit, corrupted / (double) n, 4 * Math.sqrt(hit * (1 - hit) / n));
        assertEquals(0.9, detected / (double) corrupted, 4 * Math.sqrt(0.09 / corrupted));
    }

    @Test
    void duplicationAtItsRate() {
        final BusSpec spec = new BusSpec(10, 10, 0, 100, BusScheduling.PERIODIC, 0, LossSpec.NONE, 0.02, 0, 1);
        final BusNetwork bus = network(spec, 7);
        final Delivery out = new Delivery();
        final int n = 200_000;
        for (int i = 0; i < n; i++) {
            bus.deliver(i, 3, 0, MESSAGE.clone(), 0, 16, out);
        }
        assertEquals(0.02, bus.count(DeliveryOutcome.DUPLICATED) / (double) n, 4 * Math.sqrt(0.0196 / n));
    }

    @Test
    void marginalTransmitterDivergesPerReceiver() {
        final BusNetwork bus = new BusNetwork(BusSpec.ideal(10, 100), 4,
            List.of(new MarginalTransmitter(1, 0.5, 100, 200)), new SimRandom(8));
        final Delivery out = new Delivery();
        int divergent = 0;
        int splitFrames = 0;
        for (long f = 0; f < 300; f++) {
            final byte[][] copies = new byte[4][];
            for (int r = 0; r < 4; r++) {
                copies[r] = MESSAGE.clone();
                bus.deliver(f, 1, r, copies[r], 0, 16, out);
                if (out.outcome() == DeliveryOutcome.DIVERGENT) {
                    assertTrue(f >= 100 && f < 200, "frame " + f);
                    assertTrue(out.outcome().needsReseal() && out.outcome().accepted());
                    divergent++;
                }
            }
            if (!java.util.Arrays.equals(copies[0], copies[2]) || !java.util.Arrays.equals(copies[2], copies[3])) {
                splitFrames++;
            }
        }
        assertEquals(150, divergent, 4 * Math.sqrt(300 * 0.25));
        assertTrue(splitFrames > 50, "receivers decode different bytes: " + splitFrames);
    }

    @Test
    void selfDeliveryAndMisaddressedMessages() {
        final BusNetwork bus = network(BusSpec.ideal(10, 100).withLoss(LossSpec.independent(1.0)), 9);
        final Delivery out = new Delivery();
        assertEquals(DeliveryOutcome.DELIVERED, bus.deliver(0, 2, 2, MESSAGE.clone(), 0, 16, out));
        assertEquals(DeliveryOutcome.LOST, bus.deliver(0, 2, 1, MESSAGE.clone(), 0, 16, out));
        assertEquals(DeliveryOutcome.LOST, bus.deliver(0, 4, 1, MESSAGE.clone(), 0, 16, out));
        assertEquals(DeliveryOutcome.LOST, bus.deliver(0, 0, 1, MESSAGE.clone(), 10, 16, out));
        assertEquals(2, bus.misaddressed());
        assertEquals(4, bus.deliveries());
    }

    @Test
    void sameSeedSameOutcomes() {
        final BusSpec spec = new BusSpec(0, 800, 50, 500, BusScheduling.PERIODIC, 0,
            LossSpec.gilbertElliott(0.1, 0.3, 0.2, 0.95), 0.01, 1e-3, 0.9);
        final BusNetwork a = network(spec, 10);
        final BusNetwork b = network(spec, 10);
        final BusNetwork c = network(spec, 11);
        final Delivery da = new Delivery();
        final Delivery db = new Delivery();
        final Delivery dc = new Delivery();
        boolean differs = false;
        for (int i = 0; i < 10_000; i++) {
            final byte[] ma = MESSAGE.clone();
            final byte[] mb = MESSAGE.clone();
            a.deliver(i, i % 4, (i + 3) % 4, ma, 0, 16, da);
            b.deliver(i, i % 4, (i + 3) % 4, mb, 0, 16, db);
            c.deliver(i, i % 4, (i + 3) % 4, MESSAGE.clone(), 0, 16, dc);
            assertEquals(da.outcome(), db.outcome());
            assertEquals(Double.doubleToRawLongBits(da.arrivalUs()), Double.doubleToRawLongBits(db.arrivalUs()));
            assertArrayEquals(ma, mb);
            differs |= da.outcome() != dc.outcome();
        }
        assertTrue(differs);
    }
}
