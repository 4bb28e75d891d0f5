package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The frame hint (RCV-8): the frame f + 1 peers, more than are in step with a lane, are on; or, with no peer in step,
 * the (f + 1)-th latest frame the peers are on; never a frame fewer than f + 1 peers named.
 */
@Tag("RCV-8")
class FrameHintTest {
    private static final long[] WORDS = {1, 2};
    private static final byte[] STATUS = {EntryStatus.VALUE, EntryStatus.VALUE};

    /** Lane 0 on frame {@code own}, lane j (1 to 3) on {@code frames[j - 1]}; every round-1 message to lane 0. */
    private static long hint(final long own, final long... frames) {
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(4, 1, 2));
        lanes[0].beginFrame(own, WORDS, STATUS);
        final byte[] message = new byte[lanes[0].maxMessageLength()];
        for (int j = 1; j < 4; j++) {
            lanes[j].beginFrame(frames[j - 1], WORDS, STATUS);
            final int length = lanes[j].encodeRound(1, 0, message, 0);
            lanes[0].onMessage(j, message, 0, length);
        }
        lanes[0].closeRound(1);
        lanes[0].closeRound(2);
        lanes[0].decide();
        return lanes[0].frameHint();
    }

    @Test
    void everyPeerElsewhereGivesTheirFrame() {
        assertEquals(50, hint(10, 50, 50, 50));
        assertEquals(5, hint(10, 5, 5, 5), "behind or ahead alike");
    }

    @Test
    void aFrameNamedByFewerThanFPlusOnePeersIsNoHint() {
        assertEquals(AgreementLane.NO_FRAME_HINT, hint(10, 50, 10, 10), "one faulty lane cannot move the others");
        assertEquals(AgreementLane.NO_FRAME_HINT, hint(10, 10, 10, 10), "all in step");
    }

    @Test
    void asManyElsewhereAsInStepMovesOnlyTowardsTheLaterFrame() {
        assertEquals(50, hint(10, 50, 50, 10), "two at 50 against this lane and one peer at 10");
        assertEquals(AgreementLane.NO_FRAME_HINT, hint(10, 5, 5, 10), "the later side stays");
    }

    @Test
    void fewerElsewhereThanInStepIsNoHint() {
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(5, 1, 2));
        final long[] frames = {10, 50, 50, 10, 10};
        final byte[] message = new byte[lanes[0].maxMessageLength()];
        for (int j = 0; j < 5; j++) {
            lanes[j].beginFrame(frames[j], WORDS, STATUS);
        }
        for (int j = 1; j < 5; j++) {
            lanes[0].onMessage(j, message, 0, lanes[j].encodeRound(1, 0, message, 0));
        }
        lanes[0].closeRound(1);
        lanes[0].closeRound(2);
        lanes[0].decide();
        assertEquals(AgreementLane.NO_FRAME_HINT, lanes[0].frameHint(), "two at 50 against three at 10 (self too)");
    }

    @Test
    void withNoPeerInStepTheLaneCatchesUpToTheFPlusOnethLatestFrame() {
        assertEquals(30, hint(10, 20, 30, 40));
        assertEquals(AgreementLane.NO_FRAME_HINT, hint(35, 20, 30, 40), "never backwards by catching up");
        assertEquals(40, hint(10, 40, 40, 20), "the most named first");
    }

    @Test
    void aPeerInStepWithAStrayLateMessageCountsAsInStep() {
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(4, 1, 2));
        final byte[] message = new byte[lanes[0].maxMessageLength()];
        lanes[1].beginFrame(9, WORDS, STATUS);
        final int stray = lanes[1].encodeRound(1, 0, message, 0);
        final byte[] late = message.clone();
        for (final AgreementLane lane : lanes) {
            lane.beginFrame(10, WORDS, STATUS);
        }
        lanes[0].onMessage(1, late, 0, stray);
        lanes[2].beginFrame(9, WORDS, STATUS);
        for (int j = 1; j < 4; j++) {
            lanes[0].onMessage(j, message, 0, lanes[j].encodeRound(1, 0, message, 0));
        }
        lanes[0].closeRound(1);
        lanes[0].closeRound(2);
        lanes[0].decide();
        assertEquals(AgreementLane.NO_FRAME_HINT, lanes[0].frameHint(), "lane 1 is in step, only lane 2 is at 9");
    }
}
