package org.bftvote.sim.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The kernel's drop counter of one socket, read from {@code /proc/net/udp}. */
class KernelDropsTest {
    private static final List<String> SAMPLE = List.of(
        "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer "
            + "drops",
        "  235: 0100007F:B81C 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 81234 2 "
            + "0000000000000000 17",
        "  301: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 1111 2 "
            + "0000000000000000 0");

    @Test
    void theDropsColumnOfTheSocketsLineIsRead() {
        final byte[] loopback = {127, 0, 0, 1};
        if (java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN) {
            assertEquals(17, KernelDrops.parse(SAMPLE, loopback, 0xB81C));
        }
        assertEquals(KernelDrops.UNKNOWN, KernelDrops.parse(SAMPLE, loopback, 0xB81D), "another port");
        assertEquals(KernelDrops.UNKNOWN, KernelDrops.parse(List.of(SAMPLE.get(0)), loopback, 0xB81C), "no line");
    }

    @Test
    void aLiveSocketHasNoDropsYet() throws Exception {
        if (!Files.isReadable(Path.of("/proc/net/udp"))) {
            return;
        }
        try (DatagramChannel channel = LaneRun.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            final int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            final long drops = KernelDrops.of(new byte[] {127, 0, 0, 1}, port);
            assertTrue(drops == 0, "drops of a fresh socket: " + drops);
        }
    }
}
