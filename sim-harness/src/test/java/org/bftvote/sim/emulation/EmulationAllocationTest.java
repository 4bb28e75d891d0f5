package org.bftvote.sim.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.bftvote.sim.testsupport.AllocationMeter;
import org.junit.jupiter.api.Test;

/**
 * The per-frame paths allocate nothing: a million frames of a 4-lane platform with every model busy (noisy
 * sensors with failures, a redundant bus with loss, corruption and a marginal transmitter, lane faults, the ledger).
 */
class EmulationAllocationTest {
    @Test
    void perFrameWorkAllocatesNothing() {
        final RandomStreams streams = new RandomStreams(2024);
        final TruthModel truth = new SineSumTruth(2.0, new double[] {3.0}, new double[] {0.5}, new double[] {0.0});
        final RandomWalkTruth walk = new RandomWalkTruth(0.0, 0.1, streams.stream("walk"));
        final SensorSpec spec = new SensorSpec(-30, 30, 0.01, 0.1, 0.2, 1e-4, 2, 3);
        final SensorModel[] sensors = new SensorModel[4];
        for (int lane = 0; lane < 4; lane++) {
            sensors[lane] = new SensorModel(spec, 100.0,
                List.of(new ScheduledFailure(SensorFailure.spikes(0.01, 50.625), 10, 900_000),
                    new ScheduledFailure(SensorFailure.twoFaced(0.0, 1.0, 2.0, 3.0), 500, 600),
                    new ScheduledFailure(SensorFailure.stuck(), 700_000, 800_000)),
                List.of(new FailureRate(SensorFailure.erratic(), 100.0, 50)), streams.stream("sensor" + lane));
        }
        final BusSpec busSpec = new BusSpec(10, 300, 20, 250, BusScheduling.PERIODIC, 0,
            LossSpec.gilbertElliott(0.01, 0.3, 0.1, 0.99), 0.001, 1e-4, 0.99);
        final RedundantBus bus = new RedundantBus(
            new BusNetwork(busSpec, 4, List.of(new MarginalTransmitter(2, 0.1, 0, 500_000)), streams.stream("a")),
            new BusNetwork(busSpec, 4, List.of(), streams.stream("b")), 100, 64);
        final LaneFaultModel lanes = new LaneFaultModel(List.of(LaneFault.twoFaced(3, 0, 900_000, 0, 1, 2, 3),
            LaneFault.omission(1, 0, 900_000, 0.01), LaneFault.babbling(0, 100, 200, 2, 1)),
            streams.stream("lanes"));
        final FaultLedger ledger = new FaultLedger(4);
        ledger.record(FaultUnit.LANE, 3, -1, FaultClass.ASYMMETRIC, 0, 900_000, "lane 3 two-faced");
        final byte[] message = new byte[32];
        final Delivery delivery = new Delivery();
        final LaneDecision decision = new LaneDecision();
        final HypothesisVerdict verdict = new HypothesisVerdict();
        final double[] sink = new double[1];
        final long[] frameBase = new long[1];

        final long bytes = AllocationMeter.measure(() -> {
            final long base = frameBase[0];
            for (long i = 0; i < AllocationMeter.PROOF_FRAMES; i++) {
                final long f = base + i;
                final double t = f / 100.0;
                final double x = truth.valueAt(f, t) + walk.valueAt(f, t);
                lanes.beginFrame(f);
                for (int lane = 0; lane < 4; lane++) {
                    sink[0] += sensors[lane].sample(f, x).value() + sensors[lane].valueFor((lane + 1) & 3);
                    for (int r = 0; r < 4; r++) {
                        sink[0] += lanes.decide(lane, r, decision).value();
                        bus.deliver(f, lane, r, message, 0, message.length, delivery);
                    }
                }
                if (ledger.checkHybrid(f, 4, 1, 1, 0, 0, verdict).exceeded()) {
                    sink[0] += 1;
                }
            }
            frameBase[0] = base + AllocationMeter.PROOF_FRAMES;
        });
        assertEquals(0, bytes,
            "bytes allocated over " + AllocationMeter.PROOF_FRAMES + " frames (sink " + sink[0] + ")");
    }
}
