package org.bftvote.sim.hil;

import java.net.InetSocketAddress;

/**
 * What a lane process is told on its command line.
 *
 * @param rig            the rig's control address
 * @param bus            this lane's bus port on the relay: every message to another lane goes there
 * @param linkPorts      per lane j, the relay port lane j's messages arrive from (this lane's own entry unused)
 * @param bindAddress    the lane's own socket address (port 0 for any free port)
 * @param periodNs       the frame period, ns (the clock rounds run on it before the session)
 * @param clockOffsetNs  the lane oscillator's offset, ns
 * @param clockRateError the lane oscillator's rate error (20e-6 = 20 ppm fast)
 * @param joining        whether the lane was restarted into a running session
 * @param rtPriority     real-time FIFO priority of the lane's two threads, 0 for none ({@link Realtime})
 * @param trace          whether to report every agreement message received to the rig (TRACE datagrams)
 */
public record LaneOptions(InetSocketAddress rig, InetSocketAddress bus, int[] linkPorts, InetSocketAddress bindAddress,
                   long periodNs, long clockOffsetNs, double clockRateError, boolean joining,
                          int rtPriority, boolean trace) {
    /**
     * Copies the ports.
     *
     * @param rig            see the record description
     * @param bus            see the record description
     * @param linkPorts      see the record description
     * @param bindAddress    see the record description
     * @param periodNs       see the record description
     * @param clockOffsetNs  see the record description
     * @param clockRateError see the record description
     * @param joining        see the record description
     * @param rtPriority     see the record description
     * @param trace          see the record description
     */
    public LaneOptions {
        linkPorts = linkPorts.clone();
    }

    /** @return the peers' link ports, a copy */
    @Override
    public int[] linkPorts() {
        return linkPorts.clone();
    }
}
