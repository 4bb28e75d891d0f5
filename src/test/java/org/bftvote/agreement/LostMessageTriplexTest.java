package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.OutputStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One round-1 message lost on one link of a triplex on OMH(1) with a budget of one benign lane (RCV-1, RCV-11): the
 * sender keeps its own reading while both receivers decide the default for it, so for one frame the sender's
 * outputs differ from theirs and nothing the sender receives can tell it. Both receivers know at once: the one that
 * got the reading sees it decided otherwise, the one that did not sees a relay carry it. So in that frame no two
 * lanes give different unflagged outputs, and from the next frame on the outputs are the same everywhere again.
 * The limits: with no relay round (OM(0)) the lane that missed the message has nothing to compare, and an excluded
 * peer's entries are refused everywhere, so a message of it lost on one link says nothing.
 */
@Tag("RCV-1")
@Tag("RCV-11")
class LostMessageTriplexTest {
    private static final long AT = 50;
    private static final int LANES = 3;
    private static final int SIGNALS = 2;

    @Test
    void aLostMessageFlagsBothReceiversAndCostsOneFrame() {
        for (int sender = 0; sender < LANES; sender++) {
            for (int receiver = 0; receiver < LANES; receiver++) {
                if (sender != receiver) {
                    loseOne(sender, receiver);
                }
            }
        }
    }

    @Test
    void withoutARelayRoundTheLaneThatMissedTheMessageCannotKnow() {
        // OM(0): one broadcast round, nothing relayed, so nothing to compare (why the shipped triplex relays once).
        final MessageInterceptor lose = (frame, round, from, to, buffer, offset, length, capacity) ->
            frame == AT && from == 0 && to == 1 ? MessageInterceptor.DROP : length;
        final PipelineCluster system = new PipelineCluster(RecoveryCampaignTest.config(
            PipelineConfig.builder(LANES, 0, SIGNALS), LANES), lose);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(LANES, SIGNALS, 12);
        for (long frame = 0; frame <= AT; frame++) {
            inputs.run(system, frame, false);
        }
        assertEquals(1L, system.pipeline(1).lane().missingMask(), "the message is missing");
        assertEquals(0L, system.pipeline(1).lane().contradictionMask(), "and nothing says more");
    }

    @Test
    void anExcludedPeerIsNotAContradiction() {
        // Lane 3 of a quad is silent long enough to be excluded; later it speaks again, but its round-1 message to
        // lane 0 is lost: the others refuse an excluded lane's entries, so nothing of it is relayed either.
        final MessageInterceptor lose = (frame, round, from, to, buffer, offset, length, capacity) ->
            from == 3 && (frame < 45 || frame == AT && round == 1 && to == 0) ? MessageInterceptor.DROP : length;
        final PipelineCluster system = new PipelineCluster(RecoveryCampaignTest.config(
            PipelineConfig.builder(4, 1, SIGNALS), 4), lose);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, SIGNALS, 12);
        for (long frame = 0; frame <= AT; frame++) {
            inputs.run(system, frame, false);
        }
        assertTrue(system.pipeline(0).lane().isExcluded(3), "the premise: lane 3 is excluded");
        assertEquals(1L << 3, system.pipeline(0).lane().missingMask(), "its message to lane 0 is missing");
        assertEquals(0L, system.pipeline(0).lane().contradictionMask());
    }

    private static void loseOne(final int sender, final int receiver) {
        final String at = "message " + sender + " -> " + receiver + ": ";
        final MessageInterceptor lose = (frame, round, from, to, buffer, offset, length, capacity) ->
            frame == AT && round == 1 && from == sender && to == receiver ? MessageInterceptor.DROP : length;
        final PipelineCluster system = new PipelineCluster(RecoveryCampaignTest.config(
            PipelineConfig.builder(LANES, 1, SIGNALS).hybrid(0, 0, 1), LANES), lose);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(LANES, SIGNALS, 12);
        for (long frame = 0; frame <= AT; frame++) {
            inputs.run(system, frame, false);
        }
        assertNotEquals(bits(system.pipeline(sender).output(0)), bits(system.pipeline(receiver).output(0)),
            at + "the premise: the sender's output differs for a frame");
        for (int lane = 0; lane < LANES; lane++) {
            if (lane != sender) {
                assertEquals(1L << sender, system.pipeline(lane).lane().contradictionMask(), at + "lane " + lane);
                assertEquals(OutputStatus.DIVERGED, system.pipeline(lane).output(0).status(), at + "lane " + lane);
            }
        }
        for (long frame = AT + 1; frame <= AT + 5; frame++) {
            inputs.run(system, frame, false);
            for (int k = 0; k < SIGNALS; k++) {
                for (int lane = 1; lane < LANES; lane++) {
                    assertEquals(bits(system.pipeline(0).output(k)), bits(system.pipeline(lane).output(k)),
                        at + "frame " + frame + ", signal " + k + ", lane " + lane);
                }
            }
        }
        final long bound = system.pipeline(0).recoveryBoundFrames();
        for (long frame = AT + 6; frame <= AT + bound; frame++) {
            inputs.run(system, frame, false);
        }
        for (int lane = 0; lane < LANES; lane++) {
            assertEquals(0, system.pipeline(lane).hypothesisFlags(), at + "lane " + lane);
            assertTrue(system.pipeline(lane).output(0).status() != OutputStatus.SYNCING, at + "lane " + lane);
        }
    }

    private static long bits(final ChannelOutput out) {
        return Double.doubleToRawLongBits(out.value());
    }
}
