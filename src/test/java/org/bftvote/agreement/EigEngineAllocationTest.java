package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.bftvote.testsupport.AllocationMeter;
import org.bftvote.testsupport.FaultKind;
import org.bftvote.testsupport.RandomEntryAdversary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A frame allocates nothing; an engine's footprint is small. */
@Tag("ALLOC-1")
class EigEngineAllocationTest {
    @Test
    void wholeSimulatedFrameOfAllLanesAllocatesNothing() {
        final AgreementConfig config = Scenario.omh(4, 1, 2, 1, 0, 0);
        final Scenario scenario = new Scenario(config, new RandomEntryAdversary(new SplittableRandom(11), 3));
        scenario.kinds[3] = FaultKind.ASYMMETRIC;
        scenario.randomInputs(new SplittableRandom(12), 3);
        final long bytes = AllocationMeter.measure(() -> {
            for (int frame = 0; frame < AllocationMeter.PROOF_FRAMES; frame++) {
                scenario.sim.runFrame(frame, scenario.inputs, scenario.inputStatus);
            }
        });
        assertEquals(0, bytes, "bytes allocated over " + AllocationMeter.PROOF_FRAMES + " frames");
        assertEquals(null, scenario.run(0));
    }

    @Test
    void engineFootprintForFourLanesOneRoundOfRelay() {
        final long bytes = footprint(Scenario.om(4, 1, 32));
        System.out.println("EigEngine n=4 m=1 K=32: " + bytes + " bytes");
        assertTrue(bytes <= 64 * 1024, bytes + " bytes");
    }

    @Test
    void engineFootprintForSevenLanesTwoRoundsOfRelay() {
        final long bytes = footprint(Scenario.om(7, 2, 32));
        System.out.println("EigEngine n=7 m=2 K=32: " + bytes + " bytes");
        assertTrue(bytes <= 256 * 1024, bytes + " bytes");
    }

    private static long footprint(final AgreementConfig config) {
        final EigEngine[] holder = new EigEngine[1];
        return AllocationMeter.measure(() -> holder[0] = new EigEngine(config, 0));
    }
}
