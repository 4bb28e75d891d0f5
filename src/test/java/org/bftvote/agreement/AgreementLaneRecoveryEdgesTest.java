package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bftvote.agreement.memory.LaneCluster;
import org.bftvote.agreement.memory.MessageInterceptor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The edges of the agreement lane's recovery API: arguments it refuses without opening a frame, tags with more lanes
 * than a tag can serve, readmission and heard tags of lanes that are not excluded, messages before any frame, and
 * the suspected lanes once the evidence suffices or the lane is out.
 */
@Tag("RCV-9")
class AgreementLaneRecoveryEdgesTest {
    private static final long[] WORDS = {1, 2};
    private static final byte[] STATUS = {EntryStatus.VALUE, EntryStatus.VALUE};

    @Test
    void shortArraysAndATagBeyondTheTaggedLaneCountAreRefusedWithNothingOpened() {
        final AgreementLane lane = Lanes.lanes(Lanes.om(4, 1, 2))[0];
        assertEquals(AgreementLane.BAD_ARGUMENT, lane.beginFrame(1, new long[1], STATUS, 0), "readings short");
        assertEquals(AgreementLane.BAD_ARGUMENT, lane.beginFrame(1, WORDS, new byte[1], 0), "statuses short");
        final byte[] message = new byte[lane.maxMessageLength()];
        assertEquals(AgreementLane.NO_FRAME, lane.encodeRound(1, 1, message, 0), "nothing opened");

        final AgreementLane wide = new AgreementLane(Lanes.om(AgreementLane.MAX_LANES_WITH_TAG + 1, 0, 2), 0);
        assertEquals(AgreementLane.BAD_ARGUMENT, wide.beginFrame(1, WORDS, STATUS, 7), "no tag above 32 lanes");
        assertEquals(AgreementLane.OK, wide.beginFrame(1, WORDS, STATUS, 0), "tag 0 is no tag");
    }

    @Test
    void withMoreLanesThanATagServesNoTagIsAgreed() {
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(AgreementLane.MAX_LANES, 0, 2));
        final LaneCluster cluster = new LaneCluster(lanes, MessageInterceptor.PASS);
        final long[][] readings = new long[lanes.length][];
        final byte[][] status = new byte[lanes.length][];
        java.util.Arrays.fill(readings, WORDS);
        java.util.Arrays.fill(status, STATUS);
        cluster.runFrame(1, readings, status);
        assertEquals(EntryStatus.VALUE, lanes[0].decidedStatus(5, 0), "the frame ran");
        assertEquals(0, lanes[0].agreedTag(5));
    }

    @Test
    void aSilentLanesTagIsZero() {
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(4, 1, 2));
        final LaneCluster cluster = new LaneCluster(lanes, (frame, round, sender, receiver, buffer, offset, length,
            capacity) -> sender == 3 ? MessageInterceptor.DROP : length);
        for (final AgreementLane lane : lanes) {
            lane.beginFrame(1, WORDS, STATUS, 0x55);
        }
        exchangeAndDecide(cluster, lanes);
        assertEquals(0x55, lanes[0].agreedTag(1), "a heard lane's tag");
        assertEquals(0, lanes[0].agreedTag(3), "a silent lane has no agreed diagnosis word");
    }

    @Test
    void readmittingALaneThatIsNotExcludedOrOutOfRangeChangesNothing() {
        final AgreementLane lane = Lanes.lanes(Lanes.om(4, 1, 2))[0];
        lane.excludeLane(2);
        lane.readmitLane(-1);
        lane.readmitLane(4);
        lane.readmitLane(1);
        assertEquals(1L << 2, lane.excludedMask());
        lane.readmitLane(2);
        assertEquals(0, lane.excludedMask());
    }

    @Test
    void aLaneNotExcludedHasNoHeardTag() {
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(4, 1, 2));
        final LaneCluster cluster = new LaneCluster(lanes, MessageInterceptor.PASS);
        for (final AgreementLane lane : lanes) {
            lane.excludeLane(3);
            lane.beginFrame(1, WORDS, STATUS, 0x66);
        }
        exchangeAndDecide(cluster, lanes);
        assertEquals(0x66, lanes[0].heardTag(3), "an excluded lane is heard");
        assertEquals(0, lanes[0].heardTag(2), "a lane in the vote has its tag agreed, not heard");
    }

    @Test
    void anExcludedLaneThatSendsNothingOrNoTagHasNoHeardTag() {
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(4, 1, 2));
        final IcMessageCodec codec = new IcMessageCodec();
        final LaneCluster cluster = new LaneCluster(lanes, (frame, round, sender, receiver, buffer, offset, length,
            capacity) -> {
            if (sender == 3 && frame == 1) {
                return MessageInterceptor.DROP;
            }
            if (sender == 3 && round == 1) {
                for (int i = 0; i < IcMessage.entryCount(buffer, offset); i++) {
                    final int at = IcMessage.entryOffset(offset, i);
                    if (IcMessage.entryPathAndSignal(buffer, at) >>> 16 == WORDS.length) {
                        buffer[at + IcMessage.ENTRY_STATUS_OFFSET] = EntryStatus.HELD;
                    }
                }
                return codec.seal(buffer, offset);
            }
            return length;
        });
        for (int frame = 1; frame <= 2; frame++) {
            for (final AgreementLane lane : lanes) {
                lane.excludeLane(3);
                lane.beginFrame(frame, WORDS, STATUS, 0x77);
            }
            exchangeAndDecide(cluster, lanes);
            assertEquals(0, lanes[0].heardTag(3), "frame " + frame + ": silent, then a diagnosis entry that is not a new value");
        }
        assertEquals(1L << 3, lanes[0].receivedMask() & 1L << 3, "the second frame's message was heard");
    }

    @Test
    void aMessageBeforeAnyFrameIsDroppedAsAnotherFrame() {
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(4, 1, 2));
        lanes[1].beginFrame(1, WORDS, STATUS, 0);
        final byte[] message = new byte[lanes[1].maxMessageLength()];
        final int length = lanes[1].encodeRound(1, 0, message, 0);
        assertEquals(DropReason.WRONG_FRAME.code(), lanes[0].onMessage(1, message, 0, length));
        assertEquals(1, lanes[0].dropCounters().count(DropReason.WRONG_FRAME));
        lanes[0].beginFrame(2, WORDS, STATUS, 0);
        lanes[0].closeRound(1);
        lanes[0].closeRound(2);
        lanes[0].decide();
        assertEquals(AgreementLane.NO_FRAME_HINT, lanes[0].frameHint(), "nothing remembered from before the frame");
    }

    @Test
    void aLaneAccusedByEnoughLanesOrExcludedIsNotMerelySuspected() {
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(4, 1, 2));
        final LaneCluster cluster = new LaneCluster(lanes, new TwoFaced(3));
        for (int frame = 1; frame <= 2; frame++) {
            for (final AgreementLane lane : lanes) {
                lane.beginFrame(frame, WORDS, STATUS, 0);
            }
            exchangeAndDecide(cluster, lanes);
        }
        assertEquals(1L << 3, lanes[0].accusedMask() & 1L << 3, "every healthy lane accuses the liar");
        assertEquals(0, lanes[0].suspectedMask(), "accused by enough lanes: more than a suspicion");
        for (final AgreementLane lane : lanes) {
            lane.excludeLane(3);
            lane.beginFrame(3, WORDS, STATUS, 0);
        }
        exchangeAndDecide(cluster, lanes);
        assertEquals(0, lanes[0].suspectedMask(), "an excluded lane is not suspected");
    }

    private static void exchangeAndDecide(final LaneCluster cluster, final AgreementLane[] lanes) {
        cluster.exchange();
        for (final AgreementLane lane : lanes) {
            lane.decide();
        }
    }

    /** Lane {@code liar} sends each receiver other readings in round 1 (valid CRC). */
    private static final class TwoFaced implements MessageInterceptor {
        private final IcMessageCodec codec = new IcMessageCodec();
        private final int liar;

        TwoFaced(final int liar) {
            this.liar = liar;
        }

        @Override
        public int intercept(final long frame, final int round, final int sender, final int receiver,
                             final byte[] buffer, final int offset, final int length, final int capacity) {
            if (sender != liar || round != 1) {
                return length;
            }
            for (int i = 0; i < IcMessage.entryCount(buffer, offset); i++) {
                final int at = IcMessage.entryOffset(offset, i);
                if (IcMessage.entryPathAndSignal(buffer, at) >>> 16 < WORDS.length) {
                    IcMessage.putEntryWord(buffer, at, 1000 + receiver);
                }
            }
            return codec.seal(buffer, offset);
        }
    }
}
