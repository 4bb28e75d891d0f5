package org.bftvote.sim.hil;

import org.bftvote.sim.emulation.FaultClass;
import org.bftvote.sim.run.ExchangeInterceptor;

/**
 * What the relay's faults did in each frame, for the rig's oracle and message counts: per lane, whether one of its
 * lane faults was active and the class of the bus trouble its messages met (as the in-memory simulation classifies
 * it), and the frame's message outcomes, from the relay's RELAY_FRAME datagrams; {@value #SLOTS} frames are kept.
 * Main thread only.
 */
final class RelayFrames {
    static final int SLOTS = 1024;
    /** {@link #troubleClass} of a lane whose messages met no trouble. */
    static final int NONE = ExchangeInterceptor.NONE;

    private final int lanes;
    private final long[] frame = new long[SLOTS];
    private final long[] laneFaulty = new long[SLOTS];
    private final int[][] trouble;
    private final long[][] outcomes;
    private long recordedThrough = -1;

    RelayFrames(final int lanes) {
        this.lanes = lanes;
        this.trouble = new int[SLOTS][lanes];
        this.outcomes = new long[SLOTS][ExchangeInterceptor.OUTCOMES];
        java.util.Arrays.fill(frame, -1L);
    }

    /** Keeps the relay's record of frame {@code f}, a well-formed RELAY_FRAME datagram. */
    void record(final long f, final byte[] datagram) {
        final int at = (int) Math.floorMod(f, (long) SLOTS);
        for (int l = 0; l < lanes; l++) {
            trouble[at][l] = RelayDatagram.frameTrouble(datagram, l);
        }
        for (int o = 0; o < ExchangeInterceptor.OUTCOMES; o++) {
            outcomes[at][o] = RelayDatagram.frameOutcome(datagram, lanes, o);
        }
        laneFaulty[at] = RelayDatagram.frameFaulty(datagram);
        frame[at] = f;
        recordedThrough = Math.max(recordedThrough, f);
    }

    /** @return the last frame recorded (every frame the relay saw messages in, up to it, is readable) */
    long recordedThrough() {
        return recordedThrough;
    }

    /** @return whether the relay saw messages of frame {@code f} (its record is kept) */
    boolean has(final long f) {
        return frame[(int) (f % SLOTS)] == f;
    }

    /** @return lanes with an active lane fault in frame {@code f} (0 if not recorded) */
    long laneFaulty(final long f) {
        return has(f) ? laneFaulty[(int) (f % SLOTS)] : 0L;
    }

    /** @return the {@link FaultClass} ordinal of lane {@code l}'s bus trouble in frame {@code f}, or {@link #NONE} */
    int troubleClass(final long f, final int l) {
        return has(f) ? trouble[(int) (f % SLOTS)][l] : NONE;
    }

    /** @return how many messages of frame {@code f} had outcome {@code o} */
    long outcome(final long f, final int o) {
        return has(f) ? outcomes[(int) (f % SLOTS)][o] : 0L;
    }
}
