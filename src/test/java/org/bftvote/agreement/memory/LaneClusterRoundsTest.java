package org.bftvote.agreement.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bftvote.agreement.AgreementConfig;
import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.DropReason;
import org.bftvote.agreement.EntryStatus;
import org.junit.jupiter.api.Test;

/**
 * How the in-memory cluster runs a frame's rounds: a stopped lane takes no part at all, the traffic counts are the
 * last frame's, and a delayed message reaches its receiver after the round's deadline, on its sender's link.
 */
class LaneClusterRoundsTest {
    private static final long[] READING = {7L};
    private static final byte[] VALUE = {EntryStatus.VALUE};

    private static AgreementLane[] quad() {
        final AgreementConfig config = AgreementLane.configBuilder(4, 1, 1).build();
        final AgreementLane[] lanes = new AgreementLane[4];
        for (int i = 0; i < 4; i++) {
            lanes[i] = new AgreementLane(config, i);
        }
        return lanes;
    }

    private static void begin(final AgreementLane[] lanes, final long frame) {
        for (final AgreementLane lane : lanes) {
            lane.beginFrame(frame, READING, VALUE);
        }
    }

    @Test
    void aStoppedLaneNeitherSendsNorHearsNorClosesItsRounds() {
        final AgreementLane[] lanes = quad();
        final LaneCluster cluster = new LaneCluster(lanes, MessageInterceptor.PASS);
        begin(lanes, 5);
        cluster.exchange(0b0111L);
        assertEquals(0, cluster.messagesSent(3), "lane 3 is stopped");
        assertEquals(4, cluster.messagesSent(0), "two rounds to the two other running lanes");
        for (int i = 0; i < 3; i++) {
            assertEquals(AgreementLane.OK, lanes[i].decide(), "lane " + i);
            assertEquals(0b0111L & ~(1L << i), lanes[i].receivedMask(), "lane " + i + " heard the running lanes");
        }
        assertEquals(0L, lanes[3].receivedMask(), "nothing reaches a stopped lane");
        assertEquals(0L, lanes[3].dropCounters().total());
        assertEquals(AgreementLane.ROUNDS_NOT_CLOSED, lanes[3].decide(), "its rounds are not closed for it");
    }

    @Test
    void theTrafficCountsAreTheLastFramesOnly() {
        final AgreementLane[] lanes = quad();
        final LaneCluster cluster = new LaneCluster(lanes, MessageInterceptor.PASS);
        final long[][] readings = {READING, READING, READING, READING};
        final byte[][] status = {VALUE, VALUE, VALUE, VALUE};
        cluster.runFrame(0, readings, status);
        final long bytes = cluster.bytesSent(2);
        for (long frame = 1; frame < 4; frame++) {
            cluster.runFrame(frame, readings, status);
            assertEquals(6, cluster.messagesSent(2), "frame " + frame + ": two rounds to three peers");
            assertEquals(bytes, cluster.bytesSent(2), "frame " + frame);
        }
    }

    @Test
    void aDelayedMessageArrivesLateOnItsSendersLink() {
        final AgreementLane[] lanes = quad();
        final MessageInterceptor delayOne = (frame, round, sender, receiver, buffer, offset, length, capacity) ->
            round == 1 && sender == 1 && receiver == 0 ? MessageInterceptor.DELAY : length;
        final LaneCluster cluster = new LaneCluster(lanes, delayOne);
        begin(lanes, 3);
        cluster.exchange();
        assertEquals(1, lanes[0].dropCounters().count(DropReason.WRONG_ROUND), "the late message, once");
        assertEquals(1, lanes[0].dropCounters().total(), "and nothing else");
        for (int i = 1; i < 4; i++) {
            assertEquals(0, lanes[i].dropCounters().total(), "lane " + i);
        }
        assertEquals(AgreementLane.OK, lanes[0].decide());
        assertEquals(0b0010L, lanes[0].missingMask(), "lane 1's round-1 message missed the deadline");
        assertEquals(0b0010L, lanes[0].malformedMask(), "and was dropped when it came late, on lane 1's link");
    }
}
