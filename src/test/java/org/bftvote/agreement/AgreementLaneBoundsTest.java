package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.bftvote.InvalidConfigException;
import org.junit.jupiter.api.Test;

/**
 * One lane's rules where a count, an index or a range meets its bound: the frame hint's ties and its (f + 1)-th
 * latest frame, f + 1 accusers against one, a message that ends exactly at its buffer's end, the tag at 32 lanes,
 * a relay round that has nothing to carry, lanes out of range, and an excluded or silent lane's round-1 message.
 */
class AgreementLaneBoundsTest {
    /** Every lane drives its rounds; messages from a lane in {@code silent} reach no one. */
    private static void runFrame(final AgreementLane[] lanes, final long frame, final long silent, final int tag) {
        final int k = lanes[0].signals();
        final long[] words = new long[k];
        final byte[] status = new byte[k];
        Arrays.fill(words, 5L);
        Arrays.fill(status, EntryStatus.VALUE);
        for (final AgreementLane lane : lanes) {
            assertEquals(AgreementLane.OK, lane.beginFrame(frame, words, status, tag));
        }
        exchange(lanes, silent);
        for (final AgreementLane lane : lanes) {
            assertEquals(AgreementLane.OK, lane.decide());
        }
    }

    private static void exchange(final AgreementLane[] lanes, final long silent) {
        final byte[] message = new byte[lanes[0].maxMessageLength()];
        for (int round = 1; round <= lanes[0].rounds(); round++) {
            for (int from = 0; from < lanes.length; from++) {
                for (int to = 0; to < lanes.length; to++) {
                    if (from != to && (silent >>> from & 1L) == 0) {
                        final int length = lanes[from].encodeRound(round, to, message, 0);
                        assertTrue(length > 0, "lane " + from + " round " + round);
                        lanes[to].onMessage(from, message, 0, length);
                    }
                }
            }
            for (final AgreementLane lane : lanes) {
                assertEquals(AgreementLane.OK, lane.closeRound(round));
            }
        }
    }

    /** Lane 0 on frame {@code own}; peer j on {@code frames[j - 1]}, or silent where that is 0. */
    private static long hint(final AgreementConfig config, final long own, final long... frames) {
        final AgreementLane[] lanes = Lanes.lanes(config);
        final long[] words = new long[lanes[0].signals()];
        final byte[] status = new byte[words.length];
        Arrays.fill(status, EntryStatus.VALUE);
        lanes[0].beginFrame(own, words, status);
        final byte[] message = new byte[lanes[0].maxMessageLength()];
        for (int j = 1; j < lanes.length; j++) {
            if (frames[j - 1] != 0) {
                lanes[j].beginFrame(frames[j - 1], words, status);
                lanes[0].onMessage(j, message, 0, lanes[j].encodeRound(1, 0, message, 0));
            }
        }
        for (int round = 1; round <= lanes[0].rounds(); round++) {
            lanes[0].closeRound(round);
        }
        lanes[0].decide();
        return lanes[0].frameHint();
    }

    @Test
    void theFrameHintTakesTheMostNamedFrameAndOfTwoNamedAlikeTheLater() {
        final AgreementConfig five = Lanes.om(5, 1, 1);
        assertEquals(40, hint(five, 10, 40, 40, 60, 70), "named twice, though 60 and 70 are later");
        assertEquals(50, hint(five, 10, 50, 50, 40, 40), "two frames named twice each: the later");
        assertEquals(50, hint(five, 10, 40, 40, 50, 50), "whichever link names it first");
    }

    @Test
    void withNoPeerInStepExactlyFPlusOnePeersElsewhereAreEnoughToCatchUp() {
        assertEquals(50, hint(Lanes.om(4, 1, 1), 10, 50, 60, 0), "two peers, each on its own frame, one silent");
        assertEquals(AgreementLane.NO_FRAME_HINT, hint(Lanes.om(4, 1, 1), 10, 50, 0, 0), "one peer is not enough");
    }

    @Test
    void theFPlusOnethLatestFrameCountsPeersOnTheSameFrameEachOnce() {
        // f = 2 (two benign lanes in OMH with five lanes): the third latest of 60, 60, 50, 40 is 50.
        final AgreementConfig config = Lanes.hybrid(5, 1, 0, 0, 2, 1);
        assertEquals(3, new AgreementLane(config, 0).accuserThreshold());
        assertEquals(50, hint(config, 10, 60, 60, 50, 40));
        assertEquals(40, hint(config, 10, 60, 50, 40, 30));
    }

    @Test
    void fPlusOneAccusersAccuseFewerOnlySuspectAndNoneDoNeither() {
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(4, 1, 1));
        assertEquals(2, lanes[0].accuserThreshold());
        runFrame(lanes, 0, 0, 0);
        lanes[1].addEvidence(0b1000L);
        lanes[2].addEvidence(0b1000L);
        runFrame(lanes, 1, 0, 0);
        assertEquals(2, lanes[0].accuserCount(3));
        assertEquals(0b1000L, lanes[0].accusedMask());
        assertEquals(0L, lanes[0].suspectedMask(), "f + 1 accusers: accused, not merely suspected");
        lanes[1].addEvidence(0b1000L);
        runFrame(lanes, 2, 0, 0);
        assertEquals(0L, lanes[0].accusedMask());
        assertEquals(0b1000L, lanes[0].suspectedMask(), "one accuser: suspected");
        runFrame(lanes, 3, 0, 0);
        assertEquals(0L, lanes[0].suspectedMask(), "no accuser: neither");
    }

    @Test
    void aLanesOwnBitIsNeverEvidenceItAdds() {
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(4, 1, 1));
        runFrame(lanes, 0, 0, 0);
        lanes[2].addEvidence(0b1100L);
        assertEquals(0b1000L, lanes[2].localAccusations());
    }

    @Test
    void aMessageThatEndsExactlyAtTheBuffersEndIsTaken() {
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(4, 1, 1));
        final long[] words = {5L};
        final byte[] status = {EntryStatus.VALUE};
        lanes[0].beginFrame(0, words, status);
        lanes[1].beginFrame(0, words, status);
        final byte[] buffer = new byte[lanes[1].maxMessageLength()];
        final int length = lanes[1].encodeRound(1, 0, buffer, 0);
        assertEquals(AgreementLane.ACCEPTED, lanes[0].onMessage(1, Arrays.copyOf(buffer, length), 0, length));
        final byte[] shifted = new byte[length + 3];
        System.arraycopy(buffer, 0, shifted, 3, length);
        lanes[2].beginFrame(0, words, status);
        final int second = lanes[2].encodeRound(1, 0, buffer, 0);
        System.arraycopy(buffer, 0, shifted, 3, second);
        assertEquals(AgreementLane.ACCEPTED, lanes[0].onMessage(2, shifted, 3, second), "at an offset, to the end");
    }

    @Test
    void withThirtyTwoLanesTheTagIsStillAgreed() {
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(32, 0, 1));
        runFrame(lanes, 0, 0, 0x7654_3210);
        assertEquals(0x7654_3210, lanes[0].agreedTag(31));
        assertEquals(0x7654_3210, lanes[5].agreedTag(0));
    }

    @Test
    void aRelayRoundWithNothingToCarryStillSendsItsMessage() {
        // Two lanes, OMH(1) with no fault budgeted: in round 2 no path avoids both lanes, so the message holds no entry, but it is sent.
        final AgreementLane[] lanes = Lanes.lanes(Lanes.hybrid(2, 1, 0, 0, 0, 1));
        assertEquals(0, lanes[0].entriesPerMessage(2));
        runFrame(lanes, 0, 0, 0);
        assertEquals(0L, lanes[0].missingMask(), "lane 1's empty round-2 message arrived");
        assertEquals(5L, lanes[0].decidedWord(1, 0));
    }

    @Test
    void aLaneRelaysTheDefaultTokenForAReadingThatNeverReachedIt() {
        // OM: lane 3's round-1 message to lane 0 is lost; lane 0 still relays an entry for it (the default token),
        // so its round-2 messages are as long as every other lane's.
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(4, 1, 1));
        final long[] words = {5L};
        final byte[] status = {EntryStatus.VALUE};
        for (final AgreementLane lane : lanes) {
            lane.beginFrame(0, words, status);
        }
        final byte[] message = new byte[lanes[0].maxMessageLength()];
        for (int from = 0; from < 4; from++) {
            for (int to = 0; to < 4; to++) {
                if (from != to && !(from == 3 && to == 0)) {
                    lanes[to].onMessage(from, message, 0, lanes[from].encodeRound(1, to, message, 0));
                }
            }
        }
        for (final AgreementLane lane : lanes) {
            lane.closeRound(1);
        }
        final int full = lanes[1].encodeRound(2, 2, message, 0);
        assertEquals(full, lanes[0].encodeRound(2, 1, message, 0));
        assertEquals(IcMessage.length(lanes[0].entriesPerMessage(2)), full);
    }

    @Test
    void aSilentLaneIsMissingOnlyNotContradicting() {
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(4, 1, 1));
        runFrame(lanes, 0, 0b1000L, 0);
        for (int i = 0; i < 3; i++) {
            assertEquals(0b1000L, lanes[i].missingMask(), "lane " + i);
            assertEquals(0L, lanes[i].contradictionMask(), "nobody relayed a reading of it, lane " + i);
        }
    }

    @Test
    void anExcludedLanesReadingIsHeardButNotUsedAndItsTagIsThisFramesOnly() {
        // OMH, lane 3 excluded everywhere: its round-1 message still arrives and is checked, its entries are not
        // kept, so every lane decides it MISSING, as a benign lane; its tag is heard this frame only.
        final AgreementLane[] lanes = Lanes.lanes(Lanes.hybrid(4, 1, 1, 0, 0, 1));
        for (final AgreementLane lane : lanes) {
            lane.excludeLane(3);
        }
        runFrame(lanes, 0, 0, 0x55);
        for (int i = 0; i < 3; i++) {
            assertEquals(EntryStatus.MISSING, lanes[i].decidedStatus(3, 0), "lane " + i);
            assertEquals(0x55, lanes[i].heardTag(3), "lane " + i);
        }
        runFrame(lanes, 1, 0b1000L, 0x55);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, lanes[i].heardTag(3), "nothing heard from lane 3 this frame, lane " + i);
        }
    }

    @Test
    void lanesOutOfRangeAreIgnoredByExclusionAndRefusedByName() {
        final AgreementLane lane = new AgreementLane(Lanes.om(4, 1, 1), 0);
        lane.excludeLane(4);
        lane.readmitLane(4);
        lane.excludeLane(-1);
        assertEquals(0L, lane.excludedMask());
        final InvalidConfigException e = assertThrows(InvalidConfigException.class,
            () -> new AgreementLane(AgreementConfig.builder(4, 1, 1).build(), 4));
        assertEquals("self", e.parameter(), "self is checked before the signal count");
    }

    @Test
    void theFrameStepsReportWhatTheyDid() {
        final AgreementConfig config = Lanes.om(4, 1, 3);
        final AgreementLane lane = new AgreementLane(config, 0);
        assertEquals(3, lane.signals());
        assertEquals(config, lane.config());
        assertEquals(AgreementLane.NO_FRAME, lane.closeRound(1), "no frame begun");
        assertEquals(AgreementLane.BAD_ARGUMENT, lane.beginFrame(0, new long[2], new byte[3]), "readings short");
        assertEquals(AgreementLane.OK, lane.beginFrame(0, new long[3], new byte[3]));
        lane.closeRound(1);
        lane.closeRound(2);
        assertEquals(AgreementLane.OK, lane.decide());
        assertTrue(lane.isDecided());
        assertEquals(AgreementLane.NO_FRAME, lane.closeRound(1), "the frame is decided");
    }
}
