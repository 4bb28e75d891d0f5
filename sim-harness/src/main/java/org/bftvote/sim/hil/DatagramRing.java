package org.bftvote.sim.hil;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Datagrams handed from a lane's receiving thread to its frame thread: a single-producer single-consumer ring of
 * {@code capacity} slots, each with the bytes, the length, who sent it (a link index, {@link #RIG}) and the raw
 * clock when it was read from the socket. Sized when built; passing a datagram allocates nothing. The two atomic
 * counters give the happens-before edges between the slot writes and reads.
 */
final class DatagramRing {
    /** Source of a datagram from the rig's control socket. */
    static final int RIG = -2;

    private final int mask;
    final byte[][] data;
    final int[] length;
    final int[] source;
    final long[] rxRaw;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();

    /**
     * @param capacity slots, a power of two
     * @param slotSize bytes per slot
     */
    DatagramRing(final int capacity, final int slotSize) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("ring capacity must be a power of two, got " + capacity);
        }
        this.mask = capacity - 1;
        this.data = new byte[capacity][slotSize];
        this.length = new int[capacity];
        this.source = new int[capacity];
        this.rxRaw = new long[capacity];
    }

    /** Producer: @return the slot to fill, or -1 when the ring is full */
    int claim() {
        final long t = tail.get();
        return t - head.get() > mask ? -1 : (int) (t & mask);
    }

    /** Producer: makes the claimed slot visible. */
    void publish() {
        tail.lazySet(tail.get() + 1);
    }

    /** Consumer: @return the oldest filled slot, or -1 when empty */
    int peek() {
        final long h = head.get();
        return h == tail.get() ? -1 : (int) (h & mask);
    }

    /** Consumer: frees the slot {@link #peek} returned. */
    void release() {
        head.lazySet(head.get() + 1);
    }
}
