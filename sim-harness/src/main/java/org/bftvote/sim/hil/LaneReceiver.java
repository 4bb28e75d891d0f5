package org.bftvote.sim.hil;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32C;

/**
 * A lane process's receiving thread: blocks on the lane's socket, stamps each datagram with the raw clock the moment
 * it is read, says who sent it from the source address alone (the port of a link to another lane, the rig's port, or
 * unknown), answers clock requests at once (so the reply's timestamps are not delayed by the frame thread's work),
 * and hands everything else to the frame thread through a {@link DatagramRing}, waking it.
 *
 * <p>Of the datagrams it reads it settles itself, in its own counters: clock requests answered (accepted) or
 * malformed, datagrams from unknown senders, and datagrams that find the ring full; the frame thread settles the
 * rest. Its counters are read after it stopped.
 */
final class LaneReceiver implements Runnable {
    private final DatagramChannel channel;
    private final int self;
    private final InetSocketAddress rig;
    private final int[] linkPorts;
    private final InetSocketAddress bus;
    private final int ownPort;
    private final int rtPriority;
    private volatile boolean stopping;
    /** Raw clock of the last datagram from the rig, of any kind. */
    volatile long lastRigRaw = System.nanoTime();
    private final LaneClock clock;
    private final DatagramRing ring;
    private final Thread consumer;
    private final ByteBuffer in = ByteBuffer.allocateDirect(RigDatagram.MAX_LENGTH + 1);
    private final byte[] bytes = new byte[RigDatagram.MAX_LENGTH + 1];
    private final byte[] reply = new byte[SyncDatagram.REPLY_LENGTH];
    private final ByteBuffer out = ByteBuffer.wrap(reply);
    private final CRC32C crc = new CRC32C();
    /** Settled here, indexed by {@link LaneCounter} ordinal; read only after the thread ended. */
    final long[] counters = new long[LaneCounter.COUNT];
    volatile Throwable failure;

    /**
     * @param channel   the lane's socket, blocking
     * @param self      this lane
     * @param rig       the rig's control address
     * @param bus       this lane's bus port on the relay, where replies to other lanes go
     * @param ownPort   the lane's own port: a datagram from it after {@link #stop()} ends the thread
     * @param linkPorts per lane j, the port lane j's messages arrive from (this lane's own entry unused)
     * @param clock     this lane's clock
     * @param ring      where the frame thread takes datagrams from
     * @param consumer  the frame thread, woken after each datagram
     * @param rtPriority real-time priority to take, 0 for none
     */
    LaneReceiver(final DatagramChannel channel, final int self, final InetSocketAddress rig,
        final InetSocketAddress bus, final int ownPort, final int[] linkPorts, final LaneClock clock,
        final DatagramRing ring, final Thread consumer, final int rtPriority) {
        this.rtPriority = rtPriority;
        this.channel = channel;
        this.self = self;
        this.rig = rig;
        this.linkPorts = linkPorts.clone();
        this.bus = bus;
        this.ownPort = ownPort;
        this.clock = clock;
        this.ring = ring;
        this.consumer = consumer;
    }

    @Override
    public void run() {
        Realtime.promoteCurrentThread(rtPriority);
        Realtime.tightenTimerSlack();
        try {
            while (true) {
                in.clear();
                final SocketAddress from = channel.receive(in);
                final long raw = System.nanoTime();
                in.flip();
                if (stopping && from instanceof InetSocketAddress a && a.getPort() == ownPort
                    && a.getAddress().equals(rig.getAddress())) {
                    return;
                }
                onDatagram(from, raw);
            }
        } catch (final ClosedChannelException closed) {
            // the lane is stopping
        } catch (final IOException | RuntimeException e) {
            failure = e;
        }
    }

    /** Asks the thread to end at the next datagram from the lane's own port (the lane sends itself one). */
    void stop() {
        stopping = true;
    }

    private void onDatagram(final SocketAddress from, final long raw) throws IOException {
        final int length = in.remaining();
        final int source = sourceOf(from);
        if (source == DatagramRing.RIG - 1) {
            counters[LaneCounter.UNKNOWN_SENDER.ordinal()]++;
            return;
        }
        if (source == DatagramRing.RIG) {
            lastRigRaw = raw;
        }
        final int copy = Math.min(length, bytes.length);
        in.get(bytes, 0, copy);
        if (length > 0 && (bytes[0] & 0xFF) == RigDatagram.SYNC_REQUEST) {
            answer(source, length, raw);
            return;
        }
        final int slot = ring.claim();
        if (slot < 0) {
            counters[LaneCounter.QUEUE_OVERFLOW.ordinal()]++;
            return;
        }
        System.arraycopy(bytes, 0, ring.data[slot], 0, Math.min(copy, ring.data[slot].length));
        ring.length[slot] = length;
        ring.source[slot] = source;
        ring.rxRaw[slot] = raw;
        ring.publish();
        LockSupport.unpark(consumer);
    }

    /** Replies to a clock request from a link or the rig; a malformed or misaddressed one is only counted. */
    private void answer(final int source, final int length, final long raw) throws IOException {
        if (RigDatagram.verify(crc, bytes, length) != RigDatagram.WELL_FORMED || length != SyncDatagram.REQUEST_LENGTH
            || RigDatagram.receiver(bytes) != self) {
            counters[LaneCounter.MALFORMED.ordinal()]++;
            return;
        }
        final long t2 = clock.local(raw);
        final InetSocketAddress to = source == DatagramRing.RIG ? rig : bus;
        final int n = SyncDatagram.writeReply(crc, reply, self, source == DatagramRing.RIG ? RigDatagram.RIG : source,
            RigDatagram.frame(bytes), SyncDatagram.t1(bytes), t2, clock.now());
        out.clear().limit(n);
        channel.send(out, to);
        counters[LaneCounter.ACCEPTED.ordinal()]++;
        counters[LaneCounter.SENT.ordinal()]++;
    }

    /** @return a link index, {@link DatagramRing#RIG}, or {@code RIG - 1} for an unknown sender */
    private int sourceOf(final SocketAddress from) {
        if (from instanceof InetSocketAddress address && address.getAddress().equals(rig.getAddress())) {
            final int port = address.getPort();
            if (port == rig.getPort()) {
                return DatagramRing.RIG;
            }
            for (int j = 0; j < linkPorts.length; j++) {
                if (j != self && linkPorts[j] == port) {
                    return j;
                }
            }
        }
        return DatagramRing.RIG - 1;
    }
}
