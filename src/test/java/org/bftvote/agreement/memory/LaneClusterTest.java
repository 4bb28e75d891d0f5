package org.bftvote.agreement.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bftvote.InvalidConfigException;
import org.bftvote.agreement.AgreementConfig;
import org.bftvote.agreement.AgreementLane;
import org.junit.jupiter.api.Test;

/** A cluster takes only lanes of one configuration, each at its own index: anything else is refused by name. */
class LaneClusterTest {
    private static AgreementLane lane(final int n, final int m, final int self) {
        return new AgreementLane(AgreementConfig.builder(n, m, 2).build(), self);
    }

    private static void refusesAt(final int index, final AgreementLane... lanes) {
        final InvalidConfigException e = assertThrows(InvalidConfigException.class,
            () -> new LaneCluster(lanes, MessageInterceptor.PASS));
        assertEquals("lanes[" + index + "]", e.parameter(), e.getMessage());
    }

    @Test
    void refusesALaneAtAnotherIndexOfAnotherSizeOrWithOtherRounds() {
        refusesAt(0, lane(4, 1, 1), lane(4, 1, 0), lane(4, 1, 2), lane(4, 1, 3));
        refusesAt(3, lane(4, 1, 0), lane(4, 1, 1), lane(4, 1, 2), lane(5, 1, 3));
        refusesAt(3, lane(4, 1, 0), lane(4, 1, 1), lane(4, 1, 2), lane(4, 0, 3));
        final AgreementLane[] quad = {lane(4, 1, 0), lane(4, 1, 1), lane(4, 1, 2), lane(4, 1, 3)};
        assertEquals(quad[0].maxMessageLength() + LaneCluster.SLACK,
            new LaneCluster(quad, MessageInterceptor.PASS).capacity());
    }
}
