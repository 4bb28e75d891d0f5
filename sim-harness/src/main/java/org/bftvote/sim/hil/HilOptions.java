package org.bftvote.sim.hil;

import java.util.List;

/**
 * How a real-time session runs.
 *
 * @param frameRateHz   wall-clock frame rate (simulated time still runs at the platform's)
 * @param realtime      whether an in-memory session is paced to the wall clock (a UDP session always is)
 * @param udp           whether each lane runs behind its own UDP socket on 127.0.0.1
 * @param portBase      lane {@code i} uses port {@code portBase + i} (UDP only)
 * @param externalLanes lanes not started here: a lane computer (or a bridge to it) serves their ports (UDP only)
 */
public record HilOptions(double frameRateHz, boolean realtime, boolean udp, int portBase,
                         List<Integer> externalLanes) {
    /** Default first port of a UDP session. */
    public static final int DEFAULT_PORT_BASE = 47_100;

    /**
     * Copies the external lanes.
     *
     * @param frameRateHz   see the record description
     * @param realtime      see the record description
     * @param udp           see the record description
     * @param portBase      see the record description
     * @param externalLanes see the record description
     */
    public HilOptions {
        externalLanes = List.copyOf(externalLanes);
    }
}
