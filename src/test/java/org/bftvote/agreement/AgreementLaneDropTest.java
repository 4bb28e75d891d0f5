package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One test per {@link DropReason}: lane 1's genuine round-1 message to lane 0, changed in exactly one way, must be
 * dropped whole for that reason, counted, and leave lane 1's values missing at lane 0.
 */
@Tag("AGR-3")
class AgreementLaneDropTest {
    private static final long FRAME = 7;
    private static final Set<DropReason> TESTED = EnumSet.noneOf(DropReason.class);

    private AgreementConfig config;
    private AgreementLane[] lanes;
    private AgreementLane receiver;
    private byte[] message;
    private int length;
    private final IcMessageCodec codec = new IcMessageCodec();

    @BeforeEach
    void frameOpenAndGenuineMessage() {
        config = Lanes.om(4, 1, 2);
        lanes = Lanes.lanes(config);
        for (final AgreementLane lane : lanes) {
            lane.beginFrame(FRAME, new long[] {100 + lane.self(), 200 + lane.self()},
                new byte[] {EntryStatus.VALUE, EntryStatus.VALUE});
        }
        receiver = lanes[0];
        message = new byte[lanes[1].maxMessageLength() + 64];
        length = lanes[1].encodeRound(1, 0, message, 0);
        assertTrue(length > 0);
    }

    @AfterAll
    static void everyReasonHasATest() {
        final Set<DropReason> untested = EnumSet.allOf(DropReason.class);
        untested.removeAll(TESTED);
        // ENGINE_REJECTED is reserved and never returned (see DropReason).
        untested.remove(DropReason.ENGINE_REJECTED);
        assertEquals(EnumSet.noneOf(DropReason.class), untested);
    }

    private void assertDropped(final DropReason reason, final int link, final int len) {
        TESTED.add(reason);
        final long before = receiver.dropCounters().count(reason);
        assertEquals(reason.code(), receiver.onMessage(link, message, 0, len), reason.name());
        assertEquals(before + 1, receiver.dropCounters().count(reason), reason.name());
        assertEquals(reason, DropReason.ofCode(reason.code()));
    }

    @Test
    void codesOutsideTheReasonsMapToNoReason() {
        // ACCEPTED (0) and every other non-negative return is no drop; a code past the last reason names none.
        assertEquals(null, DropReason.ofCode(AgreementLane.ACCEPTED));
        assertEquals(null, DropReason.ofCode(1));
        assertEquals(null, DropReason.ofCode(-1 - DropReason.COUNT));
        assertEquals(DropReason.ofOrdinal(DropReason.COUNT - 1), DropReason.ofCode(-DropReason.COUNT));
        assertEquals(DropReason.TRUNCATED, DropReason.ofCode(-1));
    }

    /** After a drop, the real sender's values are missing at the receiver: OM decides the default for it. */
    private void assertSenderMissingAfterFrame() {
        receiver.closeRound(1);
        receiver.closeRound(2);
        receiver.decide();
        assertNotEquals(EntryStatus.VALUE, receiver.decidedStatus(1, 0));
    }

    private void reseal() {
        codec.seal(message, 0);
    }

    private int entry(final int i) {
        return IcMessage.entryOffset(0, i);
    }

    @Test
    void genuineMessageIsAccepted() {
        assertEquals(AgreementLane.ACCEPTED, receiver.onMessage(1, message, 0, length));
        assertEquals(0, receiver.dropCounters().total());
    }

    @Test
    void truncated() {
        assertDropped(DropReason.TRUNCATED, 1, IcMessage.MIN_LENGTH - 1);
        assertDropped(DropReason.TRUNCATED, 1, message.length + 1);
        assertSenderMissingAfterFrame();
    }

    @Test
    void unsupportedVersion() {
        message[IcMessage.VERSION_OFFSET] = 2;
        reseal();
        assertDropped(DropReason.UNSUPPORTED_VERSION, 1, length);
        assertSenderMissingAfterFrame();
    }

    @Test
    void lengthMismatch() {
        assertDropped(DropReason.LENGTH_MISMATCH, 1, length + 1);
        assertDropped(DropReason.LENGTH_MISMATCH, 1, length - 1);
        assertSenderMissingAfterFrame();
    }

    @Test
    void badCrc() {
        message[entry(0) + IcMessage.ENTRY_WORD_OFFSET] ^= 1;
        assertDropped(DropReason.BAD_CRC, 1, length);
        assertSenderMissingAfterFrame();
    }

    @Test
    void unknownLink() {
        assertDropped(DropReason.UNKNOWN_LINK, 0, length);
        assertDropped(DropReason.UNKNOWN_LINK, 4, length);
        assertDropped(DropReason.UNKNOWN_LINK, -1, length);
        assertEquals(0, receiver.malformedMask(), "an unknown link is nobody's fault");
    }

    @Test
    void excludedSenderIsHeardInRoundOneButNotUsed() {
        receiver.excludeLane(1);
        lanes[1].addEvidence(0);
        assertEquals(AgreementLane.ACCEPTED, receiver.onMessage(1, message, 0, length), "round 1 is heard");
        assertEquals(1L << 1, receiver.receivedMask());
        assertEquals(0, receiver.dropCounters().total());
        assertSenderMissingAfterFrame();
        assertEquals(0, receiver.missingMask() & 1L << 1, "heard in round 1, and nothing else is expected of it");
        assertEquals(0, receiver.malformedMask());
    }

    @Test
    void excludedSenderRelaysAreDroppedAndAreNoEvidence() {
        receiver.excludeLane(1);
        assertEquals(AgreementLane.ACCEPTED, receiver.onMessage(1, message, 0, length));
        for (final AgreementLane lane : lanes) {
            lane.closeRound(1);
        }
        length = lanes[1].encodeRound(2, 0, message, 0);
        assertTrue(length > 0, "an excluded lane still sends its relays");
        assertDropped(DropReason.EXCLUDED_SENDER, 1, length);
        assertEquals(0, receiver.malformedMask(), "no evidence");
        assertSenderMissingAfterFrame();
    }

    @Test
    void excludedSenderMissingInRoundOneIsEvidence() {
        receiver.excludeLane(1);
        assertSenderMissingAfterFrame();
        assertEquals(1L << 1, receiver.missingMask() & 1L << 1, "round 1 is still expected of it");
        assertEquals(1L << 1, receiver.localAccusations() & 1L << 1);
    }

    @Test
    void senderFieldMustMatchTheLink() {
        assertDropped(DropReason.SENDER_MISMATCH, 2, length);
        assertEquals(1L << 2, receiver.malformedMask(), "evidence goes to the link, not the claimed sender");
    }

    @Test
    void wrongReceiver() {
        length = lanes[1].encodeRound(1, 2, message, 0);
        assertDropped(DropReason.WRONG_RECEIVER, 1, length);
        assertSenderMissingAfterFrame();
    }

    @Test
    void wrongFrame() {
        message[IcMessage.FRAME_OFFSET] ^= 1;
        reseal();
        assertDropped(DropReason.WRONG_FRAME, 1, length);
        assertSenderMissingAfterFrame();
    }

    @Test
    void wrongRoundOrLate() {
        message[IcMessage.ROUND_OFFSET] = 3;
        reseal();
        assertDropped(DropReason.WRONG_ROUND, 1, length);
        length = lanes[1].encodeRound(1, 0, message, 0);
        receiver.closeRound(1);
        assertDropped(DropReason.WRONG_ROUND, 1, length);
    }

    @Test
    void duplicateMessage() {
        assertEquals(AgreementLane.ACCEPTED, receiver.onMessage(1, message, 0, length));
        message[entry(0) + IcMessage.ENTRY_WORD_OFFSET] ^= 1;
        reseal();
        assertDropped(DropReason.DUPLICATE_MESSAGE, 1, length);
        receiver.closeRound(1);
        assertEquals(0, receiver.missingMask() & (1L << 1), "the first message stays accepted");
        assertEquals(1L << 1, receiver.malformedMask(), "the second copy is evidence against the link");
    }

    @Test
    void tooManyEntries() {
        final int count = IcMessage.entryCount(message, 0);
        System.arraycopy(message, entry(0), message, entry(count), IcMessage.ENTRY_LENGTH);
        message[IcMessage.ENTRY_COUNT_OFFSET] = (byte) (count + 1);
        reseal();
        assertDropped(DropReason.TOO_MANY_ENTRIES, 1, IcMessage.length(count + 1));
    }

    @Test
    void badStatusDropsTheWholeMessage() {
        message[entry(2) + IcMessage.ENTRY_STATUS_OFFSET] = EntryStatus.MISSING;
        reseal();
        assertDropped(DropReason.BAD_STATUS, 1, length);
        assertSenderMissingAfterFrame();
        assertNotEquals(EntryStatus.VALUE, receiver.decidedStatus(1, 1), "entries before the bad one are not kept");
    }

    @Test
    void aMessageDroppedAtALateEntryLeavesNoEntryBehind() {
        // Entries 0 and 1 pass their checks before entry 2 fails: none of them may stay in the engine. If one did,
        // the genuine message resent afterwards would hit a filled slot and be dropped as DUPLICATE_ENTRY.
        final byte[] genuine = message.clone();
        message[entry(2) + IcMessage.ENTRY_STATUS_OFFSET] = EntryStatus.MISSING;
        reseal();
        assertDropped(DropReason.BAD_STATUS, 1, length);
        assertEquals(AgreementLane.ACCEPTED, receiver.onMessage(1, genuine, 0, length), "genuine message after drop");
        assertEquals(0, receiver.dropCounters().count(DropReason.DUPLICATE_ENTRY));
        assertEquals(1, receiver.dropCounters().total());
    }

    @Test
    void badErrorToken() {
        message[entry(1) + IcMessage.ENTRY_STATUS_OFFSET] = EntryStatus.RELAYED_ERROR;
        IcMessage.putEntryWord(message, entry(1), 5);
        reseal();
        assertDropped(DropReason.BAD_ERROR_TOKEN, 1, length);
        assertSenderMissingAfterFrame();
    }

    @Test
    void signalOutOfRange() {
        message[entry(1) + IcMessage.ENTRY_SIGNAL_OFFSET] = 3;
        reseal();
        assertDropped(DropReason.SIGNAL_OUT_OF_RANGE, 1, length);
        assertSenderMissingAfterFrame();
    }

    @Test
    void impossiblePath() {
        final EigPaths paths = new EigPaths(4, 1);
        int otherSource = -1;
        int tooLong = -1;
        for (int p = 0; p < paths.count(); p++) {
            if (paths.length(p) == 1 && paths.last(p) == 2) {
                otherSource = p;
            }
            if (paths.length(p) == 2 && paths.last(p) == 1 && !paths.contains(p, 0)) {
                tooLong = p;
            }
        }
        for (final int path : new int[] {otherSource, tooLong, paths.count(), 65535}) {
            length = lanes[1].encodeRound(1, 0, message, 0);
            message[entry(0) + IcMessage.ENTRY_PATH_OFFSET] = (byte) path;
            message[entry(0) + IcMessage.ENTRY_PATH_OFFSET + 1] = (byte) (path >>> 8);
            reseal();
            assertDropped(DropReason.IMPOSSIBLE_PATH, 1, length);
        }
        assertSenderMissingAfterFrame();
    }

    @Test
    void duplicateEntry() {
        System.arraycopy(message, entry(0), message, entry(1), IcMessage.ENTRY_LENGTH);
        reseal();
        assertDropped(DropReason.DUPLICATE_ENTRY, 1, length);
        assertSenderMissingAfterFrame();
    }

    @Test
    void dropsAreEvidenceAgainstTheLink() {
        message[IcMessage.FRAME_OFFSET] ^= 1;
        reseal();
        receiver.onMessage(1, message, 0, length);
        assertEquals(1L << 1, receiver.malformedMask());
    }

    @Test
    void hostMisuseIsReportedByStatusCodes() {
        final byte[] small = new byte[receiver.maxMessageLength() - 1];
        assertEquals(AgreementLane.BUFFER_TOO_SMALL, receiver.encodeRound(1, 1, small, 0));
        assertEquals(AgreementLane.BAD_ARGUMENT, receiver.encodeRound(1, 0, message, 0));
        assertEquals(AgreementLane.BAD_ARGUMENT, receiver.encodeRound(3, 1, message, 0));
        assertEquals(AgreementLane.ROUND_NOT_OPEN, receiver.encodeRound(2, 1, message, 0));
        assertEquals(AgreementLane.ROUNDS_NOT_CLOSED, receiver.decide());
        assertEquals(AgreementLane.ROUND_NOT_OPEN, receiver.closeRound(2));
        receiver.excludeLane(1);
        assertTrue(receiver.encodeRound(1, 1, message, 0) > 0, "an excluded peer still gets its messages");
        assertEquals(AgreementLane.OK, receiver.closeRound(1));
        assertEquals(AgreementLane.OK, receiver.closeRound(2));
        assertEquals(AgreementLane.OK, receiver.decide());
        assertEquals(AgreementLane.NO_FRAME, receiver.decide());
        assertEquals(AgreementLane.NO_FRAME, receiver.encodeRound(1, 2, message, 0));
    }
}
