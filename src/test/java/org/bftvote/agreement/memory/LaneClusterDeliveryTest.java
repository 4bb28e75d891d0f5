package org.bftvote.agreement.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.InvalidConfigException;
import org.bftvote.agreement.AgreementConfig;
import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.DropReason;
import org.junit.jupiter.api.Test;

/**
 * What the in-memory cluster delivers and which lanes it takes in a lane's place: a message the interceptor cuts to
 * zero bytes still reaches its receiver (which drops and counts it), and a replacement lane must fit the buffers.
 */
class LaneClusterDeliveryTest {
    private static AgreementLane lane(final int signals, final int self) {
        return new AgreementLane(AgreementConfig.builder(4, 1, signals).build(), self);
    }

    private static LaneCluster quad(final int signals, final MessageInterceptor interceptor) {
        return new LaneCluster(new AgreementLane[] {lane(signals, 0), lane(signals, 1), lane(signals, 2),
            lane(signals, 3)}, interceptor);
    }

    /** A verdict of 0 bytes is a length to deliver: the receiver gets an empty message and counts it dropped. */
    @Test
    void aMessageCutToZeroBytesIsDeliveredAndTheReceiverCountsItDropped() {
        final MessageInterceptor cutOne = (frame, round, sender, receiver, buffer, offset, length, capacity) ->
            round == 1 && sender == 1 && receiver == 0 ? 0 : length;
        final LaneCluster cluster = quad(2, cutOne);
        cluster.runFrame(0, new long[4][2], new byte[4][2]);
        assertEquals(1, cluster.lane(0).dropCounters().total(), cluster.lane(0).dropCounters().toString());
        assertEquals(1, cluster.lane(0).dropCounters().count(DropReason.TRUNCATED),
            cluster.lane(0).dropCounters().toString());
        for (int other = 1; other < 4; other++) {
            assertEquals(0, cluster.lane(other).dropCounters().total(), "lane " + other);
        }
    }

    /** A lane whose longest message would not leave the slack in the cluster's buffers is refused by name. */
    @Test
    void aReplacementWhoseMessagesOutgrowTheBuffersIsRefused() {
        final LaneCluster cluster = quad(2, MessageInterceptor.PASS);
        final AgreementLane same = lane(2, 1);
        cluster.replace(same);
        assertSame(same, cluster.lane(1), "a lane of the same configuration takes the place");
        int signals = 3;
        while (lane(signals, 1).maxMessageLength() <= same.maxMessageLength()) {
            signals++;
        }
        final AgreementLane longer = lane(signals, 1);
        assertTrue(longer.maxMessageLength() - LaneCluster.SLACK <= cluster.capacity(),
            "only slightly longer: " + longer.maxMessageLength() + " against a capacity of " + cluster.capacity());
        final InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> cluster.replace(longer));
        assertEquals("lane", e.parameter(), e.getMessage());
        assertSame(same, cluster.lane(1), "the place keeps its lane");
    }
}
