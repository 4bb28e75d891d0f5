package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.bftvote.InvalidConfigException;
import org.junit.jupiter.api.Test;

/**
 * One lane's rules at the edges its other tests leave open: the round count refused by the configuration helper
 * itself, lane 0 excluded, a frame named by as many peers as are in step but earlier than this lane's, and an
 * excluded lane's round-1 message that carries no diagnosis entry.
 */
class AgreementLaneLimitsTest {
    @Test
    void theConfigurationHelperRefusesAsManyRoundsAsLanesAtOnce() {
        final InvalidConfigException e = assertThrows(InvalidConfigException.class,
            () -> AgreementLane.configBuilder(3, 3, 1));
        assertEquals("m", e.parameter());
        assertEquals(2, AgreementLane.configBuilder(3, 2, 1).hybrid(0, 0, 0).build().m(), "m = n - 1 is taken");
    }

    @Test
    void laneZeroCanBeExcluded() {
        final AgreementLane lane = new AgreementLane(Lanes.om(4, 1, 1), 1);
        lane.excludeLane(0);
        assertTrue(lane.isExcluded(0));
        assertEquals(1L, lane.excludedMask());
    }

    @Test
    void anEarlierFrameNamedByAsManyPeersAsAreInStepIsNoHint() {
        // Lane 0 and peer 1 on frame 10, peers 2 and 3 on frame 7, peer 4 silent: two against two, 7 is not later.
        final AgreementLane[] lanes = Lanes.lanes(Lanes.om(5, 1, 1));
        final long[] words = new long[lanes[0].signals()];
        final byte[] status = new byte[words.length];
        Arrays.fill(status, EntryStatus.VALUE);
        final long[] frames = {10, 7, 7};
        lanes[0].beginFrame(10, words, status);
        final byte[] message = new byte[lanes[0].maxMessageLength()];
        for (int j = 1; j <= frames.length; j++) {
            lanes[j].beginFrame(frames[j - 1], words, status);
            lanes[0].onMessage(j, message, 0, lanes[j].encodeRound(1, 0, message, 0));
        }
        for (int round = 1; round <= lanes[0].rounds(); round++) {
            lanes[0].closeRound(round);
        }
        assertEquals(AgreementLane.OK, lanes[0].decide());
        assertEquals(AgreementLane.NO_FRAME_HINT, lanes[0].frameHint());
    }

    @Test
    void anExcludedLanesRoundOneMessageWithoutADiagnosisEntryIsHeardWithTagZeroAndNothingPastItIsRead() {
        // A message of no entries from excluded lane 3, on a frame whose CRC reads, where an entry would start,
        // as the diagnosis signal: reading one entry too many would run past the message (and the buffer).
        final AgreementConfig config = Lanes.om(4, 1, 1);
        final AgreementLane receiver = new AgreementLane(config, 0);
        final int diagnosisSignal = receiver.signals();
        final IcMessageCodec codec = new IcMessageCodec();
        final byte[] message = new byte[IcMessage.length(0)];
        long frame = -1;
        int length = 0;
        do {
            frame++;
            IcMessage.putHeader(message, 0, 1, 3, 0, 0, frame);
            length = codec.seal(message, 0);
        } while (IcMessage.entryPathAndSignal(message, IcMessage.entryOffset(0, 0)) >>> 16 != diagnosisSignal);
        assertEquals(message.length, length);
        receiver.excludeLane(3);
        final long[] words = new long[receiver.signals()];
        final byte[] status = new byte[words.length];
        Arrays.fill(status, EntryStatus.VALUE);
        assertEquals(AgreementLane.OK, receiver.beginFrame(frame, words, status));
        assertEquals(AgreementLane.ACCEPTED, receiver.onMessage(3, message, 0, length));
        assertEquals(0, receiver.heardTag(3));
    }
}
