package org.bftvote.sim.hil;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends garbage to the lanes' sockets during a session, from a socket of its own (so every lane must count it as
 * from an unknown sender): {@code count} datagrams of 1 to {@value #MAX_LENGTH} random bytes, to the lanes in turn,
 * spread evenly from {@code startRaw} to {@code endRaw}. The bytes come from a seeded generator; the first byte is
 * chosen half the time to look like an agreement message or a rig datagram, so the lanes' checks are exercised past
 * the first byte. Counts what it sent to each lane.
 */
final class GarbageSource implements Runnable {
    static final int MAX_LENGTH = 600;

    private final LaneDirectory directory;
    private final boolean[] targets;
    private final long count;
    private final long startRaw;
    private final long endRaw;
    private final SplittableRandom random;
    private final long[] sent;
    private volatile boolean stopping;
    volatile Throwable failure;

    GarbageSource(final LaneDirectory directory, final boolean[] targets, final long count, final long startRaw,
        final long endRaw, final long seed) {
        this.directory = directory;
        this.targets = targets.clone();
        this.count = count;
        this.startRaw = startRaw;
        this.endRaw = endRaw;
        this.random = new SplittableRandom(seed);
        this.sent = new long[targets.length];
    }

    @Override
    public void run() {
        final byte[] bytes = new byte[MAX_LENGTH];
        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try (DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET)) {
            channel.bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            int lane = 0;
            for (long i = 0; i < count && !stopping; i++) {
                final long due = startRaw + (endRaw - startRaw) * i / Math.max(1, count);
                final long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                do {
                    lane = (lane + 1) % targets.length;
                } while (!targets[lane]);
                final InetSocketAddress to = directory.address(lane);
                final int length = 1 + random.nextInt(MAX_LENGTH);
                random.nextBytes(bytes);
                if (random.nextBoolean()) {
                    bytes[0] = (byte) (random.nextBoolean() ? 1 : RigDatagram.SYNC_REQUEST + random.nextInt(9));
                }
                buffer.clear().limit(length);
                if (to != null && channel.send(buffer, to) > 0) {
                    sent[lane]++;
                }
            }
        } catch (final IOException | RuntimeException e) {
            failure = e;
        }
    }

    void stop() {
        stopping = true;
    }

    /** @return datagrams sent to each lane (read after the thread ended) */
    long[] sent() {
        return sent.clone();
    }
}
