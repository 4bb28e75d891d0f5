package org.bftvote.sim.hil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads how many datagrams the kernel dropped for want of receive buffer on one IPv4 UDP socket: the last column,
 * {@code drops}, of the socket's line in {@code /proc/net/udp} (Linux), found by its local address and port. Where
 * the file does not exist or has no such line the count is unknown (-1), and the reports say so.
 */
final class KernelDrops {
    /** The count when it cannot be read. */
    static final long UNKNOWN = -1L;
    private static final Path UDP = Path.of("/proc/net/udp");

    private KernelDrops() {
    }

    /**
     * @param address IPv4 address the socket is bound to, 4 bytes in network order
     * @param port    its port
     * @return the drops counted for it, or {@link #UNKNOWN}
     */
    static long of(final byte[] address, final int port) {
        try {
            return parse(Files.readAllLines(UDP, StandardCharsets.US_ASCII), address, port);
        } catch (final IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /**
     * @param lines the file's lines, header first
     * @return the drops of the line whose local address is {@code address:port}, or {@link #UNKNOWN}
     */
    static long parse(final List<String> lines, final byte[] address, final int port) {
        // The kernel prints the address as a 32-bit value in the host's byte order: 127.0.0.1 is 0100007F on a
        // little-endian machine.
        final boolean little = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
        final String local = little
            ? String.format(Locale.ROOT, "%02X%02X%02X%02X:%04X", address[3] & 0xFF, address[2] & 0xFF,
                address[1] & 0xFF, address[0] & 0xFF, port)
            : String.format(Locale.ROOT, "%02X%02X%02X%02X:%04X", address[0] & 0xFF, address[1] & 0xFF,
                address[2] & 0xFF, address[3] & 0xFF, port);
        for (int i = 1; i < lines.size(); i++) {
            final String[] cells = lines.get(i).trim().split("\\s+");
            if (cells.length >= 13 && cells[1].equalsIgnoreCase(local)) {
                return Long.parseLong(cells[cells.length - 1]);
            }
        }
        return UNKNOWN;
    }
}
