package org.bftvote.sim.hil;

/**
 * Interactive-consistency messages that arrived before their round opened: a later round of the open frame (a
 * peer that closed its round earlier, because all its messages were in) or the next frame (a peer a little ahead).
 * Up to {@value #PER_KEY} per (frame, link, round) are held — more than a well-behaved peer ever sends — and handed
 * back in arrival order when their round opens. Sized when built; allocation-free. Not thread safe.
 */
final class EarlyMessages {
    static final int PER_KEY = 2;

    private final int lanes;
    private final int rounds;
    private final long[] frame;
    private final int[] length;
    private final byte[][] data;

    /**
     * @param lanes    n
     * @param rounds   rounds per frame
     * @param capacity bytes per message
     */
    EarlyMessages(final int lanes, final int rounds, final int capacity) {
        this.lanes = lanes;
        this.rounds = rounds;
        final int slots = 2 * lanes * (rounds + 1) * PER_KEY;
        this.frame = new long[slots];
        this.length = new int[slots];
        this.data = new byte[slots][capacity];
        java.util.Arrays.fill(frame, -1L);
    }

    private int base(final long f, final int link, final int round) {
        return ((((int) (f & 1)) * lanes + link) * (rounds + 1) + round) * PER_KEY;
    }

    /** @return whether it was held (false: already {@value #PER_KEY} held for that key, or too long) */
    boolean hold(final long f, final int link, final int round, final byte[] message, final int len) {
        final int at = base(f, link, round);
        for (int i = at; i < at + PER_KEY; i++) {
            if (frame[i] != f && len <= data[i].length) {
                System.arraycopy(message, 0, data[i], 0, len);
                length[i] = len;
                frame[i] = f;
                return true;
            }
        }
        return false;
    }

    /** @return the slot of the next message held for (f, link, round), or -1 */
    int next(final long f, final int link, final int round) {
        final int at = base(f, link, round);
        for (int i = at; i < at + PER_KEY; i++) {
            if (frame[i] == f) {
                return i;
            }
        }
        return -1;
    }

    byte[] data(final int slot) {
        return data[slot];
    }

    int length(final int slot) {
        return length[slot];
    }

    void free(final int slot) {
        frame[slot] = -1L;
    }

    /** Drops everything held for frames before {@code f}. @return how many were dropped */
    int dropBefore(final long f) {
        int n = 0;
        for (int i = 0; i < frame.length; i++) {
            if (frame[i] >= 0 && frame[i] < f) {
                frame[i] = -1L;
                n++;
            }
        }
        return n;
    }
}
