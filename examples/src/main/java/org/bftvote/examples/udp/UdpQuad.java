package org.bftvote.examples.udp;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.channel.ChannelConfig;

/**
 * Four {@link UdpLane}s on loopback, each in its own thread with its own socket (ports chosen by the system), run a
 * number of frames; then their outputs are compared frame by frame. On real hardware each lane is its own computer
 * with a configured address table.
 */
public final class UdpQuad {
    private static final int LANES = 4;
    private static final int SIGNALS = 2;

    private UdpQuad() {
    }

    /**
     * Runs the four lanes.
     *
     * @param frames         frames to run
     * @param roundTimeoutMs how long a round waits for a missing message
     * @return outputs[lane][frame] = raw bits of signal 0's output, or -1 bits where a frame did not complete
     * @throws Exception if a socket cannot be opened or a lane thread fails
     */
    public static long[][] run(final int frames, final long roundTimeoutMs) throws Exception {
        final PipelineConfig config = PipelineConfig.builder(LANES, 1, SIGNALS)
            .allSignals(ChannelConfig.builder(LANES).miscompareThreshold(0.5).build())
            .build();
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final DatagramSocket[] sockets = new DatagramSocket[LANES];
        final InetSocketAddress[] addresses = new InetSocketAddress[LANES];
        final long[][] outputs = new long[LANES][frames];
        final List<Thread> threads = new ArrayList<>();
        final Throwable[] failure = new Throwable[1];
        try {
            for (int i = 0; i < LANES; i++) {
                sockets[i] = new DatagramSocket(new InetSocketAddress(loopback, 0));
                addresses[i] = new InetSocketAddress(loopback, sockets[i].getLocalPort());
            }
            for (int i = 0; i < LANES; i++) {
                final UdpLane lane = new UdpLane(config, i, sockets[i], addresses, roundTimeoutMs);
                final int self = i;
                final Thread thread = new Thread(() -> {
                    try {
                        fly(lane, self, frames, outputs[self]);
                    } catch (final Exception e) {
                        synchronized (failure) {
                            failure[0] = e;
                        }
                    }
                }, "lane-" + i);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } finally {
            for (DatagramSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
        if (failure[0] != null) {
            throw new IllegalStateException("a lane failed: " + failure[0].getMessage(), failure[0]);
        }
        return outputs;
    }

    private static void fly(final UdpLane lane, final int self, final int frames, final long[] out) throws Exception {
        final double[] readings = new double[SIGNALS];
        for (int frame = 0; frame < frames; frame++) {
            readings[0] = 3.0 + 0.001 * self + 0.01 * Math.sin(frame * 0.1);   // lane-to-lane differences
            readings[1] = -7.0 - 0.001 * self;
            final int status = lane.runFrame(frame, readings, 0b11);
            out[frame] = status == AgreementLane.OK
                ? Double.doubleToRawLongBits(lane.pipeline().output(0).value()) : -1L;
        }
    }

    /**
     * Runs 200 frames and prints in how many the four lanes' outputs were bit-identical.
     *
     * @param args none
     * @throws Exception if a socket cannot be opened
     */
    public static void main(final String[] args) throws Exception {
        final int frames = 200;
        final long[][] outputs = run(frames, 500);
        int agreed = 0;
        for (int f = 0; f < frames; f++) {
            boolean same = outputs[0][f] != -1L;
            for (int lane = 1; lane < LANES; lane++) {
                same &= outputs[lane][f] == outputs[0][f];
            }
            agreed += same ? 1 : 0;
        }
        System.out.printf("%d frames over UDP on loopback: the four lanes' outputs bit-identical in %d%n",
            frames, agreed);
    }
}
