package org.bftvote.sim.hil;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.IcMessage;
import org.bftvote.agreement.LanePipeline;
import org.bftvote.channel.ChannelOutput;

/**
 * One lane behind its own UDP socket on 127.0.0.1, driven by the wall-clock schedule ({@link WallClock}) as a lane
 * computer's host software drives the library: at each frame's start {@code beginFrame} with the rig's readings;
 * per round {@code encodeRound} for every peer and one datagram each to {@code 127.0.0.1:(portBase + peer)}, then
 * every datagram received until the round's deadline goes to {@code onMessage(link, ...)}, the link being the
 * sender's port minus the port base (the only trusted sender identity: a datagram from any other port or a
 * non-loopback address gets link -1 and is dropped by the library), and at the deadline {@code closeRound} (earlier
 * once every expected peer's message of the round is in); then {@code completeFrame}. Whatever missed the deadline
 * is missing, as the library expects. A datagram of the next frame (this lane is behind) is held and handed over
 * when that frame opens.
 *
 * <p>Records, per frame, the latency from the frame's scheduled start to its outputs, and whether that was after the
 * frame's deadline; counts rounds closed with a message missing, datagrams sent, accepted and dropped.
 */
final class UdpLaneNode implements Runnable {
    private static final long READINGS_POLL_NS = 50_000L;
    private final int self;
    private final int lanes;
    private final int rounds;
    private final LanePipeline pipeline;
    private final AgreementLane lane;
    private final DatagramSocket socket;
    private final int portBase;
    private final WallClock clock;
    private final long frames;
    private final long hardStopNs;
    private final FrameRing ring;
    private final AtomicBoolean stop;
    private final DatagramPacket txPacket;
    private final DatagramPacket rxPacket;
    private final byte[] tx;
    private final byte[] rx;
    private final byte[][] held;
    private final int[] heldLength;
    private final long[] roundMask;
    final LatencyStats stats = new LatencyStats();
    long sent;
    long accepted;
    long dropped;
    long roundExpiries;
    volatile Throwable failure;

    UdpLaneNode(final LanePipeline pipeline, final DatagramSocket socket, final int portBase, final WallClock clock,
        final long frames, final long hardStopNs, final FrameRing ring, final AtomicBoolean stop) {
        this.pipeline = pipeline;
        this.lane = pipeline.lane();
        this.self = lane.self();
        this.lanes = lane.lanes();
        this.rounds = lane.rounds();
        this.socket = socket;
        this.portBase = portBase;
        this.clock = clock;
        this.frames = frames;
        this.hardStopNs = hardStopNs;
        this.ring = ring;
        this.stop = stop;
        final int capacity = lane.maxMessageLength() + 64;
        this.tx = new byte[capacity];
        this.rx = new byte[capacity];
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        this.txPacket = new DatagramPacket(tx, capacity, loopback, portBase);
        this.rxPacket = new DatagramPacket(rx, capacity);
        this.held = new byte[lanes * (rounds + 1)][capacity];
        this.heldLength = new int[lanes * (rounds + 1)];
        this.roundMask = new long[rounds + 1];
    }

    @Override
    public void run() {
        try {
            for (long f = 0; f < frames && !stop.get(); f++) {
                if (!frame(f)) {
                    stop.set(true);
                }
            }
        } catch (final IOException | RuntimeException e) {
            failure = e;
            stop.set(true);
        }
    }

    private boolean frame(final long f) throws IOException {
        final long start = clock.frameStart(f);
        WallClock.sleepUntil(start);
        while (ring.produced.get() <= f) {
            if (System.nanoTime() > hardStopNs || stop.get()) {
                return false;
            }
            LockSupport.parkNanos(READINGS_POLL_NS);
        }
        final int slot = FrameRing.slot(f);
        pipeline.beginFrame(f, ring.readings[slot][self], ring.valid[slot][self], ring.fresh[slot][self]);
        java.util.Arrays.fill(roundMask, 0L);
        deliverHeld();
        for (int r = 1; r <= rounds; r++) {
            for (int peer = 0; peer < lanes; peer++) {
                if (peer == self) {
                    continue;
                }
                final int length = lane.encodeRound(r, peer, tx, 0);
                if (length > 0) {
                    txPacket.setData(tx, 0, length);
                    txPacket.setPort(portBase + peer);
                    socket.send(txPacket);
                    sent++;
                }
            }
            final long deadline = clock.roundDeadline(f, r);
            while (!allIn(r)) {
                final long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                // whole milliseconds, rounded up: a round may close up to 1 ms after its deadline
                socket.setSoTimeout((int) Math.max(1L, (left + 999_999L) / 1_000_000L));
                rxPacket.setData(rx, 0, rx.length);
                try {
                    socket.receive(rxPacket);
                } catch (final SocketTimeoutException timeout) {
                    continue;
                }
                take(f);
            }
            if (!allIn(r)) {
                roundExpiries++;
            }
            lane.closeRound(r);
        }
        pipeline.completeFrame();
        final long end = System.nanoTime();
        stats.record(end - start, end > clock.frameDeadline(f));
        for (int s = 0; s < pipeline.config().signals(); s++) {
            final ChannelOutput out = pipeline.output(s);
            ring.outBits[slot][self][s] = Double.doubleToRawLongBits(out.value());
            ring.outStatus[slot][self][s] = out.status().ordinal();
        }
        ring.done.set(self, f + 1);
        return true;
    }

    private void take(final long f) {
        final int length = rxPacket.getLength();
        final int port = rxPacket.getPort() - portBase;
        final int link = rxPacket.getAddress().isLoopbackAddress() && port >= 0 && port < lanes && port != self
            ? port : -1;
        final int round = length >= IcMessage.MIN_LENGTH ? IcMessage.round(rx, 0) : 0;
        if (link >= 0 && round >= 1 && round <= rounds && IcMessage.frame(rx, 0) == f + 1) {
            final int at = link * (rounds + 1) + round;
            System.arraycopy(rx, 0, held[at], 0, length);
            heldLength[at] = length;
            return;
        }
        deliver(link, rx, length, round);
    }

    private void deliverHeld() {
        for (int at = 0; at < heldLength.length; at++) {
            if (heldLength[at] > 0) {
                final int length = heldLength[at];
                heldLength[at] = 0;
                deliver(at / (rounds + 1), held[at], length, at % (rounds + 1));
            }
        }
    }

    private void deliver(final int link, final byte[] buffer, final int length, final int round) {
        if (lane.onMessage(link, buffer, 0, length) == AgreementLane.ACCEPTED) {
            accepted++;
            roundMask[round] |= 1L << link;
        } else {
            dropped++;
        }
    }

    private boolean allIn(final int round) {
        for (int peer = 0; peer < lanes; peer++) {
            if (peer != self && !lane.isExcluded(peer) && (roundMask[round] & (1L << peer)) == 0) {
                return false;
            }
        }
        return true;
    }
}
