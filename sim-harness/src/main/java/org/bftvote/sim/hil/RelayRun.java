package org.bftvote.sim.hil;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32C;

import org.bftvote.agreement.AgreementLane;
import org.bftvote.sim.emulation.RandomStreams;
import org.bftvote.sim.run.ExchangeInterceptor;
import org.bftvote.sim.run.LibraryMapping;
import org.bftvote.sim.run.ScenarioModels;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.yaml.IoReasons;
import org.bftvote.sim.yaml.ProfileException;

/**
 * The {@code relay} command's body: the rig's bus between the lanes ({@link Relay}) as a process of its own, so that
 * nothing the rig's observer does (plots, files, its garbage collector) can hold up a message between two lanes.
 * It binds one bus port per lane and a control socket, announces the ports to the rig (RELAY_HELLO, every 100 ms
 * until the rig answers), then takes from the rig where each lane is, the session's schedule and the lanes' clock
 * ({@link RelayDatagram}), and sends the rig each frame's fault record. It stops on RELAY_STOP, when the rig has
 * been silent for {@value #RIG_SILENCE_S} s, or when its standard input closes, and then reports its counts.
 */
public final class RelayRun {
    /** Mixed into the scenario seed for the relay's random streams (its own, apart from the simulation's). */
    public static final long RELAY_SALT = 0x5E1A_7C0F_FEE5_0001L;
    static final long RIG_SILENCE_S = 10;

    private RelayRun() {
    }

    /**
     * Runs the relay until the rig stops it.
     *
     * @param scenario      the scenario whose lane and bus faults act on the wire (seed and duration applied)
     * @param rig           the rig's control address
     * @param portBase      first bus port (lane j's at base + j), or 0 for ports from an ephemeral bind
     * @param rtPriority    real-time FIFO priority of the relay's thread, 0 for none
     * @param exitWithStdin end the process when standard input closes
     * @return one line with the relay's final counts
     * @throws ProfileException if the platform is refused by the library
     * @throws IOException      if a socket fails
     */
    public static String run(final Scenario scenario, final InetSocketAddress rig, final int portBase,
        final int rtPriority, final boolean exitWithStdin) throws ProfileException, IOException {
        if (exitWithStdin) {
            LaneRun.watchStdin();
        }
        final int lanes = scenario.platform().lanes().size();
        final int capacity = new AgreementLane(LibraryMapping.pipeline(scenario.platform()).agreement(), 0)
            .maxMessageLength() + 64;
        final int rounds = scenario.platform().agreement().m() + 1;
        final InetAddress host = rig.getAddress();
        final DatagramChannel[] ports = new DatagramChannel[lanes];
        try (DatagramChannel control = LaneRun.open(new InetSocketAddress(host, 0))) {
            final int[] numbers = new int[lanes];
            for (int j = 0; j < lanes; j++) {
                ports[j] = LaneRun.open(new InetSocketAddress(host, portBase == 0 ? 0 : portBase + j));
                ports[j].configureBlocking(false);
                numbers[j] = ((InetSocketAddress) ports[j].getLocalAddress()).getPort();
            }
            final LaneDirectory directory = new LaneDirectory(lanes);
            final RigTimeline timeline = new RigTimeline();
            final ExchangeInterceptor faults = ExchangeInterceptor.forScenario(scenario,
                new RandomStreams(scenario.seed() ^ RELAY_SALT), capacity);
            final CRC32C recordCrc = new CRC32C();
            final byte[] record = new byte[RigDatagram.MAX_LENGTH];
            final Relay relay = new Relay(ports, directory, timeline, faults,
                new ScenarioModels(scenario).laneFaults(), (frame, f) -> control.send(ByteBuffer.wrap(record, 0,
                    RelayDatagram.frame(recordCrc, record, frame, lanes, f)), rig), rounds, capacity, rtPriority);
            final Thread thread = new Thread(relay, "relay");
            thread.setDaemon(true);
            thread.start();
            serve(control, rig, numbers, directory, timeline);
            relay.stop();
            join(thread);
            final long[] counters = relay.finish();
            final CRC32C crc = new CRC32C();
            final byte[] buffer = new byte[RigDatagram.MAX_LENGTH];
            final int n = RelayDatagram.report(crc, buffer, counters, relay.sentTo());
            for (int i = 0; i < 3; i++) {
                control.send(ByteBuffer.wrap(buffer, 0, n), rig);
                LockSupport.parkNanos(20_000_000L);
            }
            if (relay.failure != null) {
                throw new IOException("the relay failed: " + IoReasons.reason(relay.failure), relay.failure);
            }
            return describe(counters);
        } finally {
            for (final DatagramChannel p : ports) {
                if (p != null) {
                    p.close();
                }
            }
        }
    }

    /** Announces the ports, then follows the rig's control datagrams until RELAY_STOP or the rig's silence. */
    private static void serve(final DatagramChannel control, final InetSocketAddress rig, final int[] ports,
        final LaneDirectory directory, final RigTimeline timeline) throws IOException {
        final CRC32C crc = new CRC32C();
        final byte[] out = new byte[RigDatagram.MAX_LENGTH];
        final int hello = RelayDatagram.hello(crc, out, ports);
        final byte[] in = new byte[RigDatagram.MAX_LENGTH + 1];
        final java.net.DatagramPacket packet = new java.net.DatagramPacket(in, in.length);
        control.socket().setSoTimeout(100);
        boolean answered = false;
        long lastHeard = System.nanoTime();
        while (System.nanoTime() - lastHeard < RIG_SILENCE_S * 1_000_000_000L) {
            if (!answered) {
                control.send(ByteBuffer.wrap(out, 0, hello), rig);
            }
            try {
                packet.setData(in, 0, in.length);
                control.socket().receive(packet);
            } catch (final SocketTimeoutException quiet) {
                continue;
            }
            final SocketAddress from = packet.getSocketAddress();
            if (!rig.equals(from) || RigDatagram.verify(crc, in, packet.getLength()) != RigDatagram.WELL_FORMED) {
                continue;
            }
            answered = true;
            lastHeard = System.nanoTime();
            if (!take(in, packet.getLength(), directory, timeline)) {
                return;
            }
        }
    }

    /** @return false on RELAY_STOP */
    private static boolean take(final byte[] in, final int length, final LaneDirectory directory,
        final RigTimeline timeline) throws IOException {
        switch (RigDatagram.kind(in)) {
            case RigDatagram.RELAY_MAP -> {
                final int lane = (int) RigDatagram.frame(in);
                if (lane >= 0 && lane < directory.lanes() && length == RelayDatagram.P0 + 6 + RigDatagram.CRC_LENGTH) {
                    final byte[] address = new byte[4];
                    System.arraycopy(in, RelayDatagram.P0, address, 0, 4);
                    directory.address(lane, new InetSocketAddress(InetAddress.getByAddress(address),
                        RigDatagram.getShort(in, RelayDatagram.P0 + 4)));
                }
            }
            case RigDatagram.RELAY_SCHEDULE -> {
                timeline.offset(RigDatagram.getLong(in, RelayDatagram.P0 + 32));
                timeline.schedule(new LaneSchedule(RigDatagram.getLong(in, RelayDatagram.P0),
                    RigDatagram.getLong(in, RelayDatagram.P0 + 8), RigDatagram.getLong(in, RelayDatagram.P0 + 16),
                    RigDatagram.getLong(in, RelayDatagram.P0 + 24)));
            }
            case RigDatagram.RELAY_CLOCK -> timeline.offset(RigDatagram.getLong(in, RelayDatagram.P0));
            case RigDatagram.RELAY_STOP -> {
                return false;
            }
            default -> {
                // not for the relay
            }
        }
        return true;
    }

    private static void join(final Thread thread) {
        try {
            thread.join(2_000);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(final long[] counters) {
        final StringBuilder sb = new StringBuilder("relay:");
        for (final RelayCounter c : RelayCounter.values()) {
            sb.append(String.format(Locale.ROOT, " %s=%d", c.jsonName(), counters[c.ordinal()]));
        }
        return sb.toString();
    }
}
