package org.bftvote.sim.hil;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * The rig's control socket: a receiving thread stamps every datagram with the raw clock as it is read, says which
 * lane sent it from the source address (a registered lane, or {@link #UNREGISTERED} — a HELLO from a lane not yet
 * known comes that way), and queues it for the rig's main thread, which also sends from here (sensor samples, clock
 * requests, START and STOP). Counts what it received and what found the queue full.
 */
final class RigControl implements Runnable {
    /** Source of a datagram from an address no lane has announced. */
    static final int UNREGISTERED = -1;
    private static final int RING = 4096;

    private final DatagramChannel channel;
    private final LaneDirectory directory;
    private final DatagramRing ring;
    private final ByteBuffer in;
    private final SocketAddress[] from = new SocketAddress[RING];
    private final ByteBuffer out = ByteBuffer.allocate(RigDatagram.MAX_LENGTH);
    private volatile Thread consumer;
    private final int rtPriority;
    private long received;
    private long overflow;
    private long sent;
    private final long[] sentTo;
    volatile Throwable failure;

    /**
     * @param channel    the control socket, blocking
     * @param directory  the lanes' addresses
     * @param rtPriority real-time priority of the receiving thread, 0 for none
     * @param largest    the largest datagram expected besides the rig protocol's (a TRACE of the largest message)
     */
    RigControl(final DatagramChannel channel, final LaneDirectory directory, final int rtPriority,
        final int largest) {
        this.rtPriority = rtPriority;
        final int slot = Math.max(RigDatagram.MAX_LENGTH, largest) + 1;
        this.ring = new DatagramRing(RING, slot);
        this.in = ByteBuffer.allocateDirect(slot);
        this.channel = channel;
        this.directory = directory;
        this.sentTo = new long[directory.lanes()];
    }

    /** @param thread the thread to wake when something arrives */
    void consumer(final Thread thread) {
        this.consumer = thread;
    }

    @Override
    public void run() {
        Realtime.promoteCurrentThread(rtPriority);
        try {
            while (true) {
                in.clear();
                final SocketAddress address = channel.receive(in);
                final long raw = System.nanoTime();
                in.flip();
                received++;
                final int slot = ring.claim();
                if (slot < 0) {
                    overflow++;
                    continue;
                }
                final int length = Math.min(in.remaining(), ring.data[slot].length);
                in.get(ring.data[slot], 0, length);
                ring.length[slot] = length;
                ring.source[slot] = directory.laneAt(address);
                ring.rxRaw[slot] = raw;
                from[slot] = address;
                ring.publish();
                final Thread c = consumer;
                if (c != null) {
                    LockSupport.unpark(c);
                }
            }
        } catch (final ClosedChannelException closed) {
            // the rig is stopping
        } catch (final IOException | RuntimeException e) {
            failure = e;
        }
    }

    /** Main thread: what was received, oldest first; call {@link #release()} after each. @return a slot or -1 */
    int next() {
        return ring.peek();
    }

    byte[] data(final int slot) {
        return ring.data[slot];
    }

    int length(final int slot) {
        return ring.length[slot];
    }

    int source(final int slot) {
        return ring.source[slot];
    }

    long rxRaw(final int slot) {
        return ring.rxRaw[slot];
    }

    SocketAddress address(final int slot) {
        return from[slot];
    }

    void release() {
        ring.release();
    }

    /**
     * Sends {@code buffer[0, length)} to a lane.
     *
     * @return false if the lane's address is not known yet (nothing sent)
     */
    boolean send(final int lane, final byte[] buffer, final int length) throws IOException {
        final InetSocketAddress to = directory.address(lane);
        if (to == null) {
            return false;
        }
        send(to, buffer, length);
        sentTo[lane]++;
        return true;
    }

    /** @return datagrams sent to each lane */
    long[] sentTo() {
        return sentTo.clone();
    }

    void send(final InetSocketAddress to, final byte[] buffer, final int length) throws IOException {
        out.clear();
        out.put(buffer, 0, length).flip();
        channel.send(out, to);
        sent++;
    }

    /** @return datagrams received (read after the thread ended for an exact figure) */
    long received() {
        return received;
    }

    /** @return datagrams that found the queue full */
    long overflow() {
        return overflow;
    }

    long sent() {
        return sent;
    }
}
