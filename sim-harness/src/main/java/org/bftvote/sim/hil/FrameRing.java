package org.bftvote.sim.hil;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The frames in flight between the rig and the lane threads: {@value #SLOTS} slots, frame {@code f} in slot
 * {@code f mod SLOTS}. The rig writes a slot's readings (and the in-memory simulation's reference outputs) and then
 * publishes the frame ({@link #produced}); a lane reads its readings once the frame is published, writes its
 * outputs and then publishes its progress ({@link #done}); the rig compares a frame's outputs once every lane has
 * done it, and only then reuses its slot. The atomic counters give the happens-before edges between the plain
 * array writes and reads.
 */
final class FrameRing {
    static final int SLOTS = 64;

    final double[][][] readings;
    final long[][] valid;
    final long[][] fresh;
    final long[][][] outBits;
    final int[][][] outStatus;
    final long[][] referenceBits;
    /** Frames whose readings are published. */
    final AtomicLong produced = new AtomicLong();
    /** Per lane, frames it has completed and whose outputs are in the ring. */
    final AtomicLongArray done;

    FrameRing(final int lanes, final int signals) {
        readings = new double[SLOTS][lanes][signals];
        valid = new long[SLOTS][lanes];
        fresh = new long[SLOTS][lanes];
        outBits = new long[SLOTS][lanes][signals];
        outStatus = new int[SLOTS][lanes][signals];
        referenceBits = new long[SLOTS][signals];
        done = new AtomicLongArray(lanes);
    }

    static int slot(final long frame) {
        return (int) (frame % SLOTS);
    }
}
