package org.bftvote.sim.hil;

import java.util.Arrays;

/**
 * A lane's sensor input as its host software sees it: the samples that arrived for each frame (kept for up to
 * {@value #SLOTS} frames ahead), and the readings of the frame being run, rebuilt from them — a listed sample replaces
 * the reading with its value, validity and freshness; a signal not listed (or a frame whose datagram never came) keeps
 * the previous reading and validity and is not fresh. Sized when built; allocation-free. Not thread safe.
 */
final class SensorInput {
    static final int SLOTS = 64;

    private final int signals;
    private final long[] slotFrame = new long[SLOTS];
    private final byte[][] slot;
    private final double[] readings;
    private long valid;
    private long fresh;

    /** @param signals K */
    SensorInput(final int signals) {
        this.signals = signals;
        this.slot = new byte[SLOTS][SensorDatagram.capacity(signals)];
        this.readings = new double[signals];
        Arrays.fill(slotFrame, -1L);
        Arrays.fill(readings, Double.NaN);
    }

    /**
     * Keeps a well-formed sensor datagram for its frame.
     *
     * @param nextFrame the first frame not yet run
     * @return {@link LaneCounter#ACCEPTED}, {@link LaneCounter#LATE} (its frame has run), {@link LaneCounter#DUPLICATE}
     *         or {@link LaneCounter#MALFORMED} (too far ahead, or entries that do not fit the layout or the signals)
     */
    LaneCounter offer(final byte[] datagram, final int length, final long nextFrame) {
        final long frame = RigDatagram.frame(datagram);
        if (frame < nextFrame) {
            return LaneCounter.LATE;
        }
        if (frame >= nextFrame + SLOTS || !SensorDatagram.consistent(datagram, length)
            || SensorDatagram.count(datagram) > signals || !signalsInRange(datagram)) {
            return LaneCounter.MALFORMED;
        }
        final int at = (int) (frame % SLOTS);
        if (slotFrame[at] == frame) {
            return LaneCounter.DUPLICATE;
        }
        System.arraycopy(datagram, 0, slot[at], 0, length);
        slotFrame[at] = frame;
        return LaneCounter.ACCEPTED;
    }

    private boolean signalsInRange(final byte[] datagram) {
        for (int e = 0; e < SensorDatagram.count(datagram); e++) {
            if (SensorDatagram.signal(datagram, e) >= signals) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rebuilds the readings of {@code frame}.
     *
     * @return whether a datagram for it had arrived
     */
    boolean readFrame(final long frame) {
        fresh = 0L;
        final int at = (int) (frame % SLOTS);
        if (slotFrame[at] != frame) {
            return false;
        }
        final byte[] d = slot[at];
        for (int e = 0; e < SensorDatagram.count(d); e++) {
            final int s = SensorDatagram.signal(d, e);
            final int flags = SensorDatagram.flags(d, e);
            readings[s] = Double.longBitsToDouble(SensorDatagram.valueBits(d, e));
            valid = (flags & SensorDatagram.FLAG_VALID) != 0 ? valid | 1L << s : valid & ~(1L << s);
            if ((flags & SensorDatagram.FLAG_FRESH) != 0) {
                fresh |= 1L << s;
            }
        }
        slotFrame[at] = -1L;
        return true;
    }

    /** @return the readings of the last frame read (reused) */
    double[] readings() {
        return readings;
    }

    long validMask() {
        return valid;
    }

    long freshMask() {
        return fresh;
    }

    /** @return datagrams kept for frames at or after {@code nextFrame} (never used if the lane stops now) */
    int pending(final long nextFrame) {
        int n = 0;
        for (final long f : slotFrame) {
            n += f >= nextFrame ? 1 : 0;
        }
        return n;
    }
}
