package org.bftvote.sim.hil;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.Locale;

import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;

/**
 * The {@code lane} command's body: one lane computer of a rig session as this process. Runs the library's frame
 * path in memory first (so the session's first frames are not the ones the JIT compiles), opens the lane's socket
 * with a large receive buffer, and runs the {@link LaneHost} until the session ends.
 */
public final class LaneRun {
    /** Receive buffer asked of the kernel, bytes: room for a stall of a few hundred ms of traffic. */
    static final int RECEIVE_BUFFER = 4 << 20;

    private LaneRun() {
    }

    /**
     * Runs the lane.
     *
     * @param config        the platform's pipeline configuration
     * @param index         this lane
     * @param options       addresses, schedule and clock of the lane
     * @param warmUpFrames  frames run in memory before the socket opens
     * @param exitWithStdin end the process when standard input closes (the rig that started it died)
     * @return one line with the lane's final counts
     * @throws IOException if the socket cannot be bound or fails
     */
    public static String run(final PipelineConfig config, final int index, final LaneOptions options,
        final int warmUpFrames, final boolean exitWithStdin) throws IOException {
        if (exitWithStdin) {
            watchStdin();
        }
        warmUp(config, warmUpFrames);
        final long[] report;
        try (DatagramChannel channel = open(options.bindAddress())) {
            final LaneHost host = new LaneHost(options, new LanePipeline(config, index), channel);
            final long[][] result = new long[1][];
            final IOException[] failure = new IOException[1];
            // Its own thread, named, so that the lane's threads can be told apart (and promoted) by the system.
            final Thread frame = new Thread(() -> {
                try {
                    result[0] = host.run();
                } catch (final IOException e) {
                    failure[0] = e;
                }
            }, "lane" + index + "-frame");
            frame.start();
            try {
                frame.join();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (failure[0] != null) {
                throw failure[0];
            }
            report = result[0];
        }
        final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "lane %d:", index));
        for (final LaneCounter c : LaneCounter.values()) {
            sb.append(' ').append(c.jsonName()).append('=').append(report[c.ordinal()]);
        }
        return sb.toString();
    }

    /** Opens an IPv4 UDP socket with a large receive buffer, bound to {@code bind}. */
    static DatagramChannel open(final InetSocketAddress bind) throws IOException {
        final DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            channel.bind(bind);
            return channel;
        } catch (final IOException e) {
            channel.close();
            throw new IOException("cannot bind " + bind + ": " + e.getMessage(), e);
        }
    }

    /** Runs the library's frame path in memory so the session's first frames are not the ones the JIT compiles. */
    static void warmUp(final PipelineConfig config, final int frames) {
        final PipelineCluster cluster = new PipelineCluster(config, MessageInterceptor.PASS);
        final int lanes = cluster.lanes();
        final int signals = config.signals();
        final double[][] readings = new double[lanes][signals];
        final long[] valid = new long[lanes];
        Arrays.fill(valid, signals == 64 ? -1L : (1L << signals) - 1);
        for (int f = 0; f < frames; f++) {
            for (int l = 0; l < lanes; l++) {
                for (int s = 0; s < signals; s++) {
                    readings[l][s] = 0.001 * ((f + l) % 7);
                }
            }
            cluster.runFrame(f, readings, valid);
        }
    }

    /** Ends the process when standard input reaches its end: the rig that started this lane is gone. */
    static void watchStdin() {
        final Thread watch = new Thread(() -> {
            final InputStream in = System.in;
            try {
                while (in.read() >= 0) {
                    // the rig writes nothing; any bytes are ignored
                }
            } catch (final IOException e) {
                // a closed stream ends the lane as well
            }
            Runtime.getRuntime().halt(3);
        }, "stdin-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
