package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.InvalidConfigException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The agreement lane's calls at the edges of their arguments: a refused call returns its code and changes nothing,
 * a message's bounds that do not fit its buffer are a truncation, OMH's error tokens carry a depth below the round,
 * and a decided value reads as a double only when it is one.
 */
class AgreementLaneArgumentsTest {
    private static final long FRAME = 3;

    private static AgreementLane[] openFrame(final AgreementConfig config) {
        final AgreementLane[] lanes = Lanes.lanes(config);
        for (final AgreementLane lane : lanes) {
            lane.beginFrame(FRAME, new long[] {Double.doubleToRawLongBits(1.5 + lane.self()), 7},
                new byte[] {EntryStatus.VALUE, EntryStatus.VALUE});
        }
        return lanes;
    }

    /** Round 1 among every lane but {@code silent}, then every lane closes it. */
    private static void roundOneWithout(final AgreementLane[] lanes, final int silent) {
        final byte[] buffer = new byte[lanes[0].maxMessageLength()];
        for (final AgreementLane sender : lanes) {
            for (final AgreementLane receiver : lanes) {
                if (sender != receiver && sender.self() != silent) {
                    final int length = sender.encodeRound(1, receiver.self(), buffer, 0);
                    assertEquals(AgreementLane.ACCEPTED, receiver.onMessage(sender.self(), buffer, 0, length));
                }
            }
        }
        for (final AgreementLane lane : lanes) {
            assertEquals(AgreementLane.OK, lane.closeRound(1));
        }
    }

    @Test
    void aConfigurationWhoseMessagesOutgrowTheEntryCountFieldIsRefused() {
        // n = 19, m = 2, 256 signals: a round-3 message holds 17 * 16 * 256 = 69,632 entries, past the 16-bit count
        // (the tree itself, 6,175 nodes, fits); 255 signals give 69,360, 240 give 65,280 and fit.
        final InvalidConfigException e = assertThrows(InvalidConfigException.class,
            () -> new AgreementLane(AgreementConfig.builder(19, 2, 256).build(), 0));
        assertEquals("entries per message", e.parameter());
        assertEquals("69632", e.value());
        assertEquals(IcMessage.length(65_280),
            new AgreementLane(AgreementConfig.builder(19, 2, 240).build(), 0).maxMessageLength());
    }

    @Test
    void encodeRefusesARoundPeerOrOffsetOutsideItsRange() {
        final AgreementLane lane = openFrame(Lanes.om(4, 1, 1))[0];
        final byte[] buffer = new byte[lane.maxMessageLength()];
        assertEquals(AgreementLane.BAD_ARGUMENT, lane.encodeRound(0, 1, buffer, 0), "round 0");
        assertEquals(AgreementLane.BAD_ARGUMENT, lane.encodeRound(3, 1, buffer, 0), "round past m + 1");
        assertEquals(AgreementLane.BAD_ARGUMENT, lane.encodeRound(1, -1, buffer, 0), "negative peer");
        assertEquals(AgreementLane.BAD_ARGUMENT, lane.encodeRound(1, 4, buffer, 0), "peer past n - 1");
        assertEquals(AgreementLane.BAD_ARGUMENT, lane.encodeRound(1, 0, buffer, 0), "itself");
        assertEquals(AgreementLane.BUFFER_TOO_SMALL, lane.encodeRound(1, 1, buffer, -1), "negative offset");
        assertEquals(AgreementLane.BUFFER_TOO_SMALL, lane.encodeRound(1, 1, buffer, 1), "one byte short");
        assertTrue(lane.encodeRound(1, 1, buffer, 0) > 0);
    }

    @Tag("AGR-3")
    @Test
    void aNegativeOffsetOrLengthIsATruncationNeverAnException() {
        final AgreementLane[] lanes = openFrame(Lanes.om(4, 1, 1));
        final byte[] buffer = new byte[lanes[1].maxMessageLength()];
        final int length = lanes[1].encodeRound(1, 0, buffer, 0);
        assertEquals(DropReason.TRUNCATED.code(), lanes[0].onMessage(1, buffer, -1, length));
        assertEquals(DropReason.TRUNCATED.code(), lanes[0].onMessage(1, buffer, 0, -1));
        assertEquals(2, lanes[0].dropCounters().count(DropReason.TRUNCATED));
        assertEquals(AgreementLane.ACCEPTED, lanes[0].onMessage(1, buffer, 0, length), "the message itself is fine");
    }

    @Test
    void noRoundPastTheLastCanBeClosed() {
        final AgreementLane lane = openFrame(Lanes.om(4, 1, 1))[0];
        assertEquals(AgreementLane.OK, lane.closeRound(1));
        assertEquals(AgreementLane.OK, lane.closeRound(2));
        assertEquals(AgreementLane.ROUND_NOT_OPEN, lane.closeRound(3), "OM(1) has two rounds");
        assertEquals(AgreementLane.OK, lane.decide());
    }

    @Test
    void excludingALaneOutOfRangeOrTwiceChangesNothing() {
        final AgreementLane lane = openFrame(Lanes.om(4, 1, 1))[0];
        lane.excludeLane(-1);
        lane.excludeLane(4);
        assertEquals(0L, lane.excludedMask());
        lane.excludeLane(2);
        lane.excludeLane(2);
        assertEquals(1L << 2, lane.excludedMask());
        lane.readmitLane(2);
        assertEquals(0L, lane.excludedMask(), "one readmission undoes one exclusion, however often it was asked");
    }

    @Tag("AGR-3")
    @Test
    void anOmhErrorTokenMustNameADepthBelowItsRound() {
        // OMH(1), five lanes, lane 4 silent: in round 2 each relay reports lane 4's node as "error at depth 1".
        final AgreementLane[] lanes = openFrame(Lanes.hybrid(5, 1, 1, 0, 1, 1));
        roundOneWithout(lanes, 4);
        final byte[] message = new byte[lanes[1].maxMessageLength()];
        final int length = lanes[1].encodeRound(2, 0, message, 0);
        final int token = tokenEntry(message);
        assertEquals(1, IcMessage.entryWord(message, token));
        final IcMessageCodec codec = new IcMessageCodec();
        for (final long depth : new long[] {0, 2, -1}) {
            IcMessage.putEntryWord(message, token, depth);
            codec.seal(message, 0);
            assertEquals(DropReason.BAD_ERROR_TOKEN.code(), lanes[0].onMessage(1, message, 0, length),
                "depth " + depth);
        }
        IcMessage.putEntryWord(message, token, 1);
        codec.seal(message, 0);
        assertEquals(AgreementLane.ACCEPTED, lanes[0].onMessage(1, message, 0, length));
    }

    private static int tokenEntry(final byte[] message) {
        for (int i = 0; i < IcMessage.entryCount(message, 0); i++) {
            if (IcMessage.entryStatus(message, IcMessage.entryOffset(0, i)) == EntryStatus.RELAYED_ERROR) {
                return IcMessage.entryOffset(0, i);
            }
        }
        throw new AssertionError("no error token in the message");
    }

    @Tag("VAL-1")
    @Test
    void aDecidedValueReadsAsItsDoubleAndAnythingElseAsNaN() {
        final AgreementLane[] lanes = openFrame(Lanes.hybrid(5, 1, 1, 0, 1, 1));
        roundOneWithout(lanes, 4);
        final byte[] buffer = new byte[lanes[0].maxMessageLength()];
        for (final AgreementLane sender : lanes) {
            for (final AgreementLane receiver : lanes) {
                if (sender != receiver && sender.self() != 4) {
                    final int length = sender.encodeRound(2, receiver.self(), buffer, 0);
                    assertEquals(AgreementLane.ACCEPTED, receiver.onMessage(sender.self(), buffer, 0, length));
                }
            }
        }
        for (final AgreementLane lane : lanes) {
            lane.closeRound(2);
            lane.decide();
        }
        for (int source = 0; source < 4; source++) {
            assertEquals(1.5 + source, lanes[0].decidedDouble(source, 0), "source " + source);
        }
        assertEquals(EntryStatus.MISSING, lanes[0].decidedStatus(4, 0));
        assertTrue(Double.isNaN(lanes[0].decidedDouble(4, 0)), "a silent source has no value");
    }
}
