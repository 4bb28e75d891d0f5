package org.bftvote.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.ExclusionReason;
import org.bftvote.channel.OutputStatus;
import org.bftvote.channel.RedundancyLevel;
import org.bftvote.examples.triplex.RecordingActuator;
import org.bftvote.examples.triplex.SimulatedVanes;
import org.bftvote.examples.triplex.TriplexVoting;
import org.bftvote.examples.udp.UdpQuad;
import org.junit.jupiter.api.Test;

/** Every example runs and does what its guide says it does. */
class ExamplesTest {
    @Test
    void triplexMasksTheBiasedVaneAndLatchesItAfterThePersistence() {
        final SimulatedVanes vanes = new SimulatedVanes(200, 2, 21.0);
        final RecordingActuator actuator = new RecordingActuator(vanes);
        final ChannelOutput out = TriplexVoting.fly(vanes, actuator, 600);
        assertEquals(0, actuator.failSafes());
        assertEquals(600, actuator.commanded());
        assertTrue(actuator.worstDistance() < 0.3, "voted value left the healthy band: " + actuator.worstDistance());
        assertTrue(out.isFailed(2));
        assertEquals(ExclusionReason.MISCOMPARE, out.failureReason(2));
        assertEquals(OutputStatus.DEGRADED, out.status());
        assertEquals(RedundancyLevel.DUPLEX, out.level());
    }

    @Test
    void triplexLatchesAtTheTwentiethBiasedFrame() {
        // Frames 200..218 are 19 biased frames: not yet; frame 219 is the 20th.
        final SimulatedVanes early = new SimulatedVanes(200, 2, 21.0);
        assertFalse(TriplexVoting.fly(early, new RecordingActuator(early), 219).isFailed(2));
        final SimulatedVanes late = new SimulatedVanes(200, 2, 21.0);
        assertTrue(TriplexVoting.fly(late, new RecordingActuator(late), 220).isFailed(2));
    }

    @Test
    void udpLanesAgreeEveryFrame() throws Exception {
        final int frames = 150;
        final long[][] outputs = UdpQuad.run(frames, 2_000);
        for (int frame = 0; frame < frames; frame++) {
            assertTrue(outputs[0][frame] != -1L, "frame " + frame + " did not complete");
            for (int lane = 1; lane < outputs.length; lane++) {
                assertEquals(outputs[0][frame], outputs[lane][frame], "frame " + frame + " lane " + lane);
            }
        }
    }

    @Test
    void mainsRun() throws Exception {
        TriplexVoting.main(new String[0]);
        org.bftvote.examples.quad.QuadOverOwnTransport.main(new String[0]);
    }
}
