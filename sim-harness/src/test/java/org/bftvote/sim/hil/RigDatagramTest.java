package org.bftvote.sim.hil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.zip.CRC32C;

import org.bftvote.agreement.IcMessage;
import org.junit.jupiter.api.Test;

/** The rig protocol's layouts: each kind reads back what was written, and any damaged byte is caught. */
class RigDatagramTest {
    private final CRC32C crc = new CRC32C();
    private final byte[] b = new byte[RigDatagram.MAX_LENGTH];

    @Test
    void clockRequestAndReplyReadBack() {
        int n = SyncDatagram.writeRequest(crc, b, 2, 3, 77, -123_456_789L);
        assertEquals(SyncDatagram.REQUEST_LENGTH, n);
        assertEquals(RigDatagram.WELL_FORMED, RigDatagram.verify(crc, b, n));
        assertEquals(RigDatagram.SYNC_REQUEST, RigDatagram.kind(b));
        assertEquals(2, RigDatagram.sender(b));
        assertEquals(3, RigDatagram.receiver(b));
        assertEquals(77, RigDatagram.frame(b));
        assertEquals(-123_456_789L, SyncDatagram.t1(b));
        n = SyncDatagram.writeReply(crc, b, 3, RigDatagram.RIG, 77, 1, 2, 3);
        assertEquals(SyncDatagram.REPLY_LENGTH, n);
        assertEquals(RigDatagram.WELL_FORMED, RigDatagram.verify(crc, b, n));
        assertEquals(1, SyncDatagram.t1(b));
        assertEquals(2, SyncDatagram.t2(b));
        assertEquals(3, SyncDatagram.t3(b));
        assertEquals(RigDatagram.RIG, RigDatagram.receiver(b));
    }

    @Test
    void sensorSamplesReadBack() {
        SensorDatagram.begin(b, 1, 42);
        SensorDatagram.add(b, 0, 1.5, true, true);
        SensorDatagram.add(b, 3, Double.NaN, false, false);
        final int n = SensorDatagram.seal(crc, b);
        assertEquals(SensorDatagram.capacity(2), n);
        assertEquals(RigDatagram.WELL_FORMED, RigDatagram.verify(crc, b, n));
        assertTrue(SensorDatagram.consistent(b, n));
        assertFalse(SensorDatagram.consistent(b, n - 1));
        assertEquals(2, SensorDatagram.count(b));
        assertEquals(3, SensorDatagram.signal(b, 1));
        assertEquals(SensorDatagram.FLAG_VALID | SensorDatagram.FLAG_FRESH, SensorDatagram.flags(b, 0));
        assertEquals(0, SensorDatagram.flags(b, 1));
        assertEquals(Double.doubleToRawLongBits(1.5), SensorDatagram.valueBits(b, 0));
        assertEquals(Double.doubleToRawLongBits(Double.NaN), SensorDatagram.valueBits(b, 1));
    }

    @Test
    void controlAndRelayDatagramsReadBack() {
        int n = ControlDatagram.start(crc, b, 2, 1_000_000_000L, 10_000_000L, 3_500_000L, 2_000);
        assertEquals(RigDatagram.WELL_FORMED, RigDatagram.verify(crc, b, n));
        assertTrue(ControlDatagram.consistent(b, n));
        assertEquals(1_000_000_000L, ControlDatagram.long0(b));
        assertEquals(10_000_000L, ControlDatagram.long1(b));
        assertEquals(3_500_000L, ControlDatagram.long2(b));
        assertEquals(2_000, ControlDatagram.long3(b));
        n = ControlDatagram.hello(crc, b, 3, 4242, 99, true);
        assertTrue(ControlDatagram.consistent(b, n));
        assertTrue(ControlDatagram.joining(b));
        n = ControlDatagram.report(crc, b, 1, 1999, new long[] {5, -1, 7});
        assertTrue(ControlDatagram.consistent(b, n));
        assertEquals(3, ControlDatagram.reportCount(b));
        assertEquals(-1, ControlDatagram.reportValue(b, 1));
        n = RelayDatagram.hello(crc, b, new int[] {40001, 40002, 40003, 40004});
        assertArrayEquals(new int[] {40001, 40002, 40003, 40004}, RelayDatagram.helloPorts(b, n));
        assertEquals(0, RelayDatagram.helloPorts(b, n - 2).length, "a length that does not match the count: none");
    }

    @Test
    void aTracedMessageReadsBack() {
        final byte[] message = {1, 2, 3, 4, 5, 6, 7};
        final int n = TraceDatagram.write(crc, b, 2, 500, 2, 3, true, message, message.length);
        assertEquals(RigDatagram.WELL_FORMED, RigDatagram.verify(crc, b, n));
        assertTrue(TraceDatagram.consistent(b, n));
        assertEquals(2, TraceDatagram.round(b));
        assertEquals(3, TraceDatagram.link(b));
        assertTrue(TraceDatagram.late(b));
        assertEquals(7, TraceDatagram.messageLength(b));
        assertEquals(5, b[TraceDatagram.MESSAGE_OFFSET + 4]);
    }

    @Test
    void everyFlippedBitIsCaughtAndAgreementMessagesAreNotRigKinds() {
        final int n = ControlDatagram.start(crc, b, 2, 1_000_000_000L, 10_000_000L, 3_500_000L, 2_000);
        for (int bit = 0; bit < 8 * n; bit++) {
            b[bit / 8] ^= (byte) (1 << (bit % 8));
            assertNotEquals(RigDatagram.WELL_FORMED, RigDatagram.verify(crc, b, n), "bit " + bit);
            b[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        assertEquals(RigDatagram.WELL_FORMED, RigDatagram.verify(crc, b, n));
        assertEquals(RigDatagram.BAD_LENGTH, RigDatagram.verify(crc, b, RigDatagram.HEADER_LENGTH));
        b[0] = (byte) IcMessage.VERSION;
        assertFalse(RigDatagram.isRigKind(b), "an agreement message starts with its version, 1");
        assertEquals(RigDatagram.BAD_KIND, RigDatagram.verify(crc, b, n));
    }
}
