package org.bftvote.sim.hil;

/**
 * The TRACE datagrams of the frames in flight, per frame slot and lane, in the order they arrived (a lane sends
 * them in the order it handed its messages to the library, and loopback keeps the order of one sender's datagrams).
 * Each (slot, lane) store grows when a frame brings more than it held so far, then is reused. Main thread only.
 */
final class TraceStore {
    private static final int INITIAL_BYTES = 8 * 1024;

    private final byte[][][] bytes;
    private final int[][] used;
    private final int[][] count;
    private final int[][][] starts;

    TraceStore(final int slots, final int lanes) {
        this.bytes = new byte[slots][lanes][INITIAL_BYTES];
        this.used = new int[slots][lanes];
        this.count = new int[slots][lanes];
        this.starts = new int[slots][lanes][32];
    }

    void clear(final int slot) {
        java.util.Arrays.fill(used[slot], 0);
        java.util.Arrays.fill(count[slot], 0);
    }

    /** Keeps one well-formed TRACE datagram. */
    void add(final int slot, final int lane, final byte[] datagram) {
        final int length = TraceDatagram.capacity(TraceDatagram.messageLength(datagram));
        if (used[slot][lane] + length > bytes[slot][lane].length) {
            bytes[slot][lane] = java.util.Arrays.copyOf(bytes[slot][lane],
                Math.max(2 * bytes[slot][lane].length, used[slot][lane] + length));
        }
        if (count[slot][lane] == starts[slot][lane].length) {
            starts[slot][lane] = java.util.Arrays.copyOf(starts[slot][lane], 2 * count[slot][lane]);
        }
        System.arraycopy(datagram, 0, bytes[slot][lane], used[slot][lane], length);
        starts[slot][lane][count[slot][lane]++] = used[slot][lane];
        used[slot][lane] += length;
    }

    int count(final int slot, final int lane) {
        return count[slot][lane];
    }

    /**
     * @return a copy-free view is not possible with offsets into the store, so the i-th datagram is copied into a
     *         reused array of the store's own; valid until the next call
     */
    byte[] data(final int slot, final int lane, final int i) {
        final int start = starts[slot][lane][i];
        final int length = TraceDatagram.capacity(RigDatagram.getShort(bytes[slot][lane],
            start + TraceDatagram.LENGTH_OFFSET));
        if (scratch.length < length) {
            scratch = new byte[length];
        }
        System.arraycopy(bytes[slot][lane], start, scratch, 0, length);
        return scratch;
    }

    private byte[] scratch = new byte[INITIAL_BYTES];
}
