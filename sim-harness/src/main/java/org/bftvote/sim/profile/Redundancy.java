package org.bftvote.sim.profile;

import java.util.List;

/**
 * The redundant networks of a bus and how receivers combine them.
 *
 * @param networks             names of the networks, e.g. {@code [A, B]}; one name for a simplex bus
 * @param management           how receivers use the copies
 * @param skewMaxSeconds       the largest delay between copies of one frame on different networks a receiver
 *                             waits for, seconds; NaN when not applicable
 * @param sequenceNumberBits   width of the per-link sequence number, 0 when frames carry none
 * @param sequenceAcceptWindow a receiver accepts sequence numbers up to this many ahead of the last one (AFDX: 2);
 *                             0 when frames carry none
 */
public record Redundancy(List<String> networks, RedundancyManagement management, double skewMaxSeconds,
                         int sequenceNumberBits, int sequenceAcceptWindow) {

    /**
     * Copies the network list so the record is immutable.
     *
     * @param networks             see the record description
     * @param management           see the record description
     * @param skewMaxSeconds       see the record description
     * @param sequenceNumberBits   see the record description
     * @param sequenceAcceptWindow see the record description
     */
    public Redundancy {
        networks = List.copyOf(networks);
    }
}
