package org.bftvote.sim.hil;

import java.util.zip.CRC32C;

import org.bftvote.sim.run.ExchangeInterceptor;

/**
 * The datagrams between the rig and its relay process (both on the rig's host; no lane sends or reads these). After
 * the common header ({@link RigDatagram}; sender and receiver {@link RigDatagram#RIG} or {@link RigDatagram#RELAY}),
 * little-endian:
 *
 * <pre>
 *  RELAY_HELLO    12 n (u16) | 14 n bus ports (u16 each), lane j's at 14 + 2j
 *  RELAY_MAP      header frame = the lane | 12 IPv4 address (4 bytes, network order) | 16 port (u16)
 *  RELAY_SCHEDULE 12 t0 | 20 period | 28 round window | 36 frames | 44 clock offset (i64 each, ns)
 *  RELAY_CLOCK    12 clock offset: the lanes' clock minus the host's raw clock (i64, ns)
 *  RELAY_FRAME    header frame = the frame | 12 lanes with a lane fault active (u64) | 20 n bus trouble classes
 *                 (i8 each, -1 none) | 20 + n: the frame's message outcomes (i64 each, ExchangeInterceptor order)
 *  RELAY_STOP     (no payload)
 *  RELAY_REPORT   12 count (u16) | 14 count counters (i64, RelayCounter order) | then n datagrams sent to each lane
 * </pre>
 */
final class RelayDatagram {
    static final int P0 = RigDatagram.HEADER_LENGTH;

    private RelayDatagram() {
    }

    static int hello(final CRC32C crc, final byte[] b, final int[] ports) {
        RigDatagram.putHeader(b, RigDatagram.RELAY_HELLO, RigDatagram.RELAY, RigDatagram.RIG, 0);
        RigDatagram.putShort(b, P0, ports.length);
        for (int j = 0; j < ports.length; j++) {
            RigDatagram.putShort(b, P0 + 2 + 2 * j, ports[j]);
        }
        return RigDatagram.seal(crc, b, P0 + 2 + 2 * ports.length);
    }

    /** @return the bus ports a RELAY_HELLO announces, none if its length does not match its count */
    static int[] helloPorts(final byte[] b, final int length) {
        final int n = RigDatagram.getShort(b, P0);
        if (length != P0 + 2 + 2 * n + RigDatagram.CRC_LENGTH) {
            return new int[0];
        }
        final int[] ports = new int[n];
        for (int j = 0; j < n; j++) {
            ports[j] = RigDatagram.getShort(b, P0 + 2 + 2 * j);
        }
        return ports;
    }

    static int map(final CRC32C crc, final byte[] b, final int lane, final byte[] address, final int port) {
        RigDatagram.putHeader(b, RigDatagram.RELAY_MAP, RigDatagram.RIG, RigDatagram.RELAY, lane);
        System.arraycopy(address, 0, b, P0, 4);
        RigDatagram.putShort(b, P0 + 4, port);
        return RigDatagram.seal(crc, b, P0 + 6);
    }

    static int schedule(final CRC32C crc, final byte[] b, final LaneSchedule s, final long offset) {
        RigDatagram.putHeader(b, RigDatagram.RELAY_SCHEDULE, RigDatagram.RIG, RigDatagram.RELAY, 0);
        RigDatagram.putLong(b, P0, s.t0());
        RigDatagram.putLong(b, P0 + 8, s.period());
        RigDatagram.putLong(b, P0 + 16, s.window());
        RigDatagram.putLong(b, P0 + 24, s.frames());
        RigDatagram.putLong(b, P0 + 32, offset);
        return RigDatagram.seal(crc, b, P0 + 40);
    }

    static int clock(final CRC32C crc, final byte[] b, final long offset) {
        RigDatagram.putHeader(b, RigDatagram.RELAY_CLOCK, RigDatagram.RIG, RigDatagram.RELAY, 0);
        RigDatagram.putLong(b, P0, offset);
        return RigDatagram.seal(crc, b, P0 + 8);
    }

    static int frame(final CRC32C crc, final byte[] b, final long frame, final int lanes,
        final ExchangeInterceptor faults) {
        RigDatagram.putHeader(b, RigDatagram.RELAY_FRAME, RigDatagram.RELAY, RigDatagram.RIG, frame);
        long faulty = 0;
        for (int l = 0; l < lanes; l++) {
            if (faults.laneFaults().faulty(l, frame)) {
                faulty |= 1L << l;
            }
            b[P0 + 8 + l] = (byte) faults.transientClass(l);
        }
        RigDatagram.putLong(b, P0, faulty);
        final int counts = P0 + 8 + lanes;
        for (int o = 0; o < ExchangeInterceptor.OUTCOMES; o++) {
            RigDatagram.putLong(b, counts + 8 * o, faults.count(o));
        }
        return RigDatagram.seal(crc, b, counts + 8 * ExchangeInterceptor.OUTCOMES);
    }

    static boolean frameConsistent(final int length, final int lanes) {
        return length == P0 + 8 + lanes + 8 * ExchangeInterceptor.OUTCOMES + RigDatagram.CRC_LENGTH;
    }

    static long frameFaulty(final byte[] b) {
        return RigDatagram.getLong(b, P0);
    }

    static int frameTrouble(final byte[] b, final int lane) {
        return b[P0 + 8 + lane];
    }

    static long frameOutcome(final byte[] b, final int lanes, final int outcome) {
        return RigDatagram.getLong(b, P0 + 8 + lanes + 8 * outcome);
    }

    static int stop(final CRC32C crc, final byte[] b) {
        RigDatagram.putHeader(b, RigDatagram.RELAY_STOP, RigDatagram.RIG, RigDatagram.RELAY, 0);
        return RigDatagram.seal(crc, b, P0);
    }

    static int report(final CRC32C crc, final byte[] b, final long[] counters, final long[] sentTo) {
        RigDatagram.putHeader(b, RigDatagram.RELAY_REPORT, RigDatagram.RELAY, RigDatagram.RIG, 0);
        RigDatagram.putShort(b, P0, counters.length);
        int at = P0 + 2;
        for (final long c : counters) {
            RigDatagram.putLong(b, at, c);
            at += 8;
        }
        for (final long c : sentTo) {
            RigDatagram.putLong(b, at, c);
            at += 8;
        }
        return RigDatagram.seal(crc, b, at);
    }
}
