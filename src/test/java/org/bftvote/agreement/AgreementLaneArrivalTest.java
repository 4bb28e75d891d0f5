package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The lane counts a message's entries towards its engine's round only once it keeps them: every round-1 message of
 * three healthy peers fills the round (its close then has nothing to fill), a message it drops or an excluded peer's
 * message, whose entries it empties again, does not.
 */
class AgreementLaneArrivalTest {
    private static final long FRAME = 3;

    private static AgreementLane[] begun(final AgreementConfig config) {
        final AgreementLane[] lanes = Lanes.lanes(config);
        for (final AgreementLane lane : lanes) {
            lane.beginFrame(FRAME, new long[] {10 + lane.self(), 20 + lane.self()},
                new byte[] {EntryStatus.VALUE, EntryStatus.VALUE});
        }
        return lanes;
    }

    private static int deliver(final AgreementLane[] lanes, final int round, final int sender, final int receiver) {
        final byte[] buffer = new byte[lanes[sender].maxMessageLength()];
        final int length = lanes[sender].encodeRound(round, receiver, buffer, 0);
        return lanes[receiver].onMessage(sender, buffer, 0, length);
    }

    @Test
    void everyKeptMessageOfARoundFillsIt() {
        final AgreementLane[] lanes = begun(Lanes.om(4, 1, 2));
        final EigEngine engine = lanes[0].engine();
        for (int sender = 1; sender < 4; sender++) {
            assertFalse(engine.allArrived(1), "before lane " + sender + "'s message");
            assertEquals(AgreementLane.ACCEPTED, deliver(lanes, 1, sender, 0));
        }
        assertTrue(engine.allArrived(1), "three round-1 messages of three entries");
        for (final AgreementLane lane : lanes) {
            lane.closeRound(1);
        }
        for (int sender = 1; sender < 4; sender++) {
            assertEquals(AgreementLane.ACCEPTED, deliver(lanes, 2, sender, 0));
        }
        assertTrue(engine.allArrived(2), "three relay messages of six entries");
    }

    @Test
    void aDroppedOrExcludedPeersMessageIsNotCounted() {
        final AgreementLane[] lanes = begun(Lanes.om(4, 1, 2));
        lanes[0].excludeLane(3);
        assertEquals(AgreementLane.ACCEPTED, deliver(lanes, 1, 1, 0));
        assertEquals(AgreementLane.ACCEPTED, deliver(lanes, 1, 2, 0));
        assertEquals(AgreementLane.ACCEPTED, deliver(lanes, 1, 3, 0), "heard, its entries not used");
        assertFalse(lanes[0].engine().allArrived(1), "the excluded lane's entries were emptied again");

        final AgreementLane[] others = begun(Lanes.om(4, 1, 2));
        assertEquals(AgreementLane.ACCEPTED, deliver(others, 1, 1, 0));
        assertEquals(AgreementLane.ACCEPTED, deliver(others, 1, 2, 0));
        final byte[] buffer = new byte[others[3].maxMessageLength()];
        final int length = others[3].encodeRound(1, 0, buffer, 0);
        // The last entry's status made invalid and the message sealed again: dropped after two entries were stored.
        buffer[IcMessage.entryOffset(0, 2) + IcMessage.ENTRY_STATUS_OFFSET] = EntryStatus.MISSING;
        new IcMessageCodec().seal(buffer, 0);
        assertEquals(DropReason.BAD_STATUS.code(), others[0].onMessage(3, buffer, 0, length));
        assertFalse(others[0].engine().allArrived(1), "the dropped message's stored entries were not counted");
        others[0].closeRound(1);
        assertEquals(EntryStatus.RELAYED_ERROR, others[0].engine().storedStatus(3, 0), "lane 3's node missing");
    }
}
