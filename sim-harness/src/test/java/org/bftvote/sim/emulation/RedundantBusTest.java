package org.bftvote.sim.emulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RedundantBusTest {
    private static final byte[] MESSAGE = {9, 8, 7, 6, 5, 4, 3, 2};

    private static RedundantBus bus(final BusSpec a, final BusSpec b, final long seed) {
        final SimRandom random = new SimRandom(seed);
        return new RedundantBus(new BusNetwork(a, 4, List.of(), random.split()),
            new BusNetwork(b, 4, List.of(), random.split()), 100, 64);
    }

    /** pA = 0.1, pB = 0.2 independent: combined loss within 4 binomial standard errors of 0.02, 300,000 messages. */
    @Test
    void firstValidCopyReducesLossToProduct() {
        final RedundantBus bus = bus(BusSpec.ideal(10, 100).withLoss(LossSpec.independent(0.1)),
            BusSpec.ideal(10, 100).withLoss(LossSpec.independent(0.2)), 1);
        final Delivery out = new Delivery();
        final int n = 300_000;
        for (int i = 0; i < n; i++) {
            bus.deliver(i, i % 4, (i + 1) % 4, MESSAGE.clone(), 0, 8, out);
        }
        assertEquals(0.02, bus.count(DeliveryOutcome.LOST) / (double) n, 4 * Math.sqrt(0.02 * 0.98 / n));
        assertEquals(0.1, bus.networkA().count(DeliveryOutcome.LOST) / (double) n, 0.003);
    }

    @Test
    void earlierValidCopyWinsAndItsBytesAreKept() {
        final BusSpec slowA = new BusSpec(50, 50, 0, 100, BusScheduling.PERIODIC, 0, LossSpec.NONE, 0, 0, 1);
        final BusSpec fastCorruptB = new BusSpec(10, 10, 0, 100, BusScheduling.PERIODIC, 0, LossSpec.NONE, 0, 0.5, 0);
        final RedundantBus bus = bus(slowA, fastCorruptB, 2);
        final Delivery out = new Delivery();
        final byte[] msg = MESSAGE.clone();
        bus.deliver(0, 0, 1, msg, 0, 8, out);
        // B's copy is almost surely hit (BER 0.5, undetected) and arrives first: it wins, damage and all.
        assertEquals(DeliveryOutcome.CORRUPTED_UNDETECTED, out.outcome());
        assertEquals(Delivery.NETWORK_B, out.network());
        assertEquals(10.0, out.arrivalUs(), 1e-9);
        assertTrue(!java.util.Arrays.equals(MESSAGE, msg));

        final BusSpec fastDetectedB = new BusSpec(10, 10, 0, 100, BusScheduling.PERIODIC, 0, LossSpec.NONE, 0, 0.5, 1);
        final RedundantBus masked = bus(slowA, fastDetectedB, 3);
        final byte[] clean = MESSAGE.clone();
        masked.deliver(0, 0, 1, clean, 0, 8, out);
        // B's copy is caught by the check, so A's intact later copy is taken.
        assertEquals(DeliveryOutcome.DELIVERED, out.outcome());
        assertEquals(Delivery.NETWORK_A, out.network());
        assertArrayEquals(MESSAGE, clean);
    }

    @Test
    void skewBeyondLimitIsCounted() {
        final BusSpec a = new BusSpec(10, 10, 0, 1000, BusScheduling.PERIODIC, 0, LossSpec.NONE, 0, 0, 1);
        final BusSpec b = new BusSpec(500, 500, 0, 1000, BusScheduling.PERIODIC, 0, LossSpec.NONE, 0, 0, 1);
        final RedundantBus bus = bus(a, b, 4);
        final Delivery out = new Delivery();
        for (int i = 0; i < 10; i++) {
            bus.deliver(i, 0, 1, MESSAGE.clone(), 0, 8, out);
            assertEquals(Delivery.NETWORK_A, out.network());
        }
        assertEquals(10, bus.skewExceeded());
    }

    @Test
    void oversizeMessageIsRefused() {
        final RedundantBus bus = bus(BusSpec.ideal(1, 10), BusSpec.ideal(1, 10), 5);
        final Delivery out = new Delivery();
        assertEquals(DeliveryOutcome.LOST, bus.deliver(0, 0, 1, new byte[100], 0, 100, out));
        assertEquals(1, bus.misaddressed());
    }
}
