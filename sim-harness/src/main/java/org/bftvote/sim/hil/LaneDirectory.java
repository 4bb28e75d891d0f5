package org.bftvote.sim.hil;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where each lane's socket is, as its HELLO showed: written by the rig's main thread when a lane announces itself
 * (again after a restart), read by the relay and the rig's senders.
 */
final class LaneDirectory {
    private final AtomicReferenceArray<InetSocketAddress> addresses;

    LaneDirectory(final int lanes) {
        this.addresses = new AtomicReferenceArray<>(lanes);
    }

    int lanes() {
        return addresses.length();
    }

    /** @return the lane's address, or null before its HELLO */
    InetSocketAddress address(final int lane) {
        return addresses.get(lane);
    }

    void address(final int lane, final InetSocketAddress address) {
        addresses.set(lane, address);
    }

    /** @return the lane whose socket is {@code address}, or -1 */
    int laneAt(final java.net.SocketAddress address) {
        for (int l = 0; l < addresses.length(); l++) {
            if (address.equals(addresses.get(l))) {
                return l;
            }
        }
        return -1;
    }
}
