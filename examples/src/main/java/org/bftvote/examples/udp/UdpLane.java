package org.bftvote.examples.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.IcMessage;
import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.PipelineConfig;

/**
 * One lane computer whose exchange runs over UDP: a {@link LanePipeline} behind a {@link DatagramSocket}. The
 * socket's source address, not the message, says which lane sent a datagram. A round closes as soon as every
 * peer's message of it is in, or at its deadline; a datagram of the next frame (a faster peer) is held until that
 * frame opens. Not thread safe: one thread runs a lane.
 */
public final class UdpLane {
    private final int self;
    private final LanePipeline pipeline;
    private final AgreementLane lane;
    private final DatagramSocket socket;
    private final InetSocketAddress[] peers;
    private final long roundTimeoutNs;
    private final byte[] tx;
    private final DatagramPacket rx;
    private final int[] receivedRounds;          // per peer: bit r set when its round-r message was accepted
    private final byte[][] held;                 // datagrams of the next frame
    private final int[] heldLength;
    private final int[] heldLink;
    private int heldCount;

    /**
     * @param config         the pipeline configuration, the same on every lane
     * @param self           this lane's number
     * @param socket         this lane's bound socket
     * @param peers          every lane's address, indexed by lane (this lane's own entry is not used)
     * @param roundTimeoutMs how long a round waits for missing messages
     */
    public UdpLane(final PipelineConfig config, final int self, final DatagramSocket socket,
                   final InetSocketAddress[] peers, final long roundTimeoutMs) {
        this.self = self;
        this.pipeline = new LanePipeline(config, self);
        this.lane = pipeline.lane();
        this.socket = socket;
        this.peers = peers.clone();
        this.roundTimeoutNs = roundTimeoutMs * 1_000_000L;
        this.tx = new byte[lane.maxMessageLength()];
        this.rx = new DatagramPacket(new byte[lane.maxMessageLength()], lane.maxMessageLength());
        this.receivedRounds = new int[peers.length];
        final int capacity = peers.length * lane.rounds();
        this.held = new byte[capacity][lane.maxMessageLength()];
        this.heldLength = new int[capacity];
        this.heldLink = new int[capacity];
    }

    // tag::frame[]
    /**
     * Runs one frame: begin with this lane's readings, exchange every round over UDP, complete.
     *
     * @return {@link AgreementLane#OK} or the status {@link LanePipeline#completeFrame()} gave
     * @throws IOException if the socket fails
     */
    public int runFrame(final long frame, final double[] readings, final long validMask) throws IOException {
        pipeline.beginFrame(frame, readings, validMask);
        java.util.Arrays.fill(receivedRounds, 0);
        deliverHeld(frame);
        for (int round = 1; round <= lane.rounds(); round++) {
            for (int peer = 0; peer < peers.length; peer++) {
                if (peer != self) {
                    int length = lane.encodeRound(round, peer, tx, 0);   // < 0: a status (self, ...), send nothing
                    if (length > 0) {
                        socket.send(new DatagramPacket(tx, length, peers[peer]));
                    }
                }
            }
            receiveUntilComplete(frame, round, System.nanoTime() + roundTimeoutNs);
            lane.closeRound(round);                      // whatever did not arrive is missing
        }
        return pipeline.completeFrame();
    }
    // end::frame[]

    // tag::receive[]
    private void receiveUntilComplete(final long frame, final int round, final long deadlineNs) throws IOException {
        while (!roundComplete(round)) {
            final long leftMs = (deadlineNs - System.nanoTime()) / 1_000_000L;
            if (leftMs <= 0) {
                return;
            }
            socket.setSoTimeout((int) Math.max(1, leftMs));
            try {
                socket.receive(rx);
            } catch (final SocketTimeoutException deadline) {
                return;
            }
            final int link = linkOf(rx);                 // -1 for an unknown sender: the lane drops it
            final byte[] bytes = rx.getData();
            final int length = rx.getLength();
            if (length >= IcMessage.HEADER_LENGTH && IcMessage.frame(bytes, 0) > frame) {
                hold(link, bytes, length);               // a faster peer's next frame
            } else {
                accept(link, bytes, length);
            }
        }
    }

    private int linkOf(final DatagramPacket packet) {
        for (int j = 0; j < peers.length; j++) {
            if (j != self && peers[j].getPort() == packet.getPort()
                && peers[j].getAddress().equals(packet.getAddress())) {
                return j;
            }
        }
        return -1;
    }
    // end::receive[]

    private void accept(final int link, final byte[] bytes, final int length) {
        if (lane.onMessage(link, bytes, 0, length) == AgreementLane.ACCEPTED) {
            receivedRounds[link] |= 1 << IcMessage.round(bytes, 0);
        }
    }

    private boolean roundComplete(final int round) {
        for (int peer = 0; peer < peers.length; peer++) {
            if (peer != self && !lane.isExcluded(peer) && (receivedRounds[peer] & (1 << round)) == 0) {
                return false;
            }
        }
        return true;
    }

    private void hold(final int link, final byte[] bytes, final int length) {
        if (heldCount < held.length) {                   // more than a frame ahead: dropped, as late
            System.arraycopy(bytes, 0, held[heldCount], 0, length);
            heldLength[heldCount] = length;
            heldLink[heldCount] = link;
            heldCount++;
        }
    }

    private void deliverHeld(final long frame) {
        int kept = 0;
        for (int i = 0; i < heldCount; i++) {
            if (IcMessage.frame(held[i], 0) == frame) {
                accept(heldLink[i], held[i], heldLength[i]);
            } else if (IcMessage.frame(held[i], 0) > frame) {
                System.arraycopy(held[i], 0, held[kept], 0, heldLength[i]);
                heldLength[kept] = heldLength[i];
                heldLink[kept] = heldLink[i];
                kept++;
            }
        }
        heldCount = kept;
    }

    /** @return the pipeline, to read outputs and lane health */
    public LanePipeline pipeline() {
        return pipeline;
    }
}
