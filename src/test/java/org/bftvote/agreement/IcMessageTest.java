package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class IcMessageTest {
    static java.util.stream.LongStream seeds() {
        return Seeds.seeds();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyFieldRoundTripsAndTheSealedMessageVerifies(final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final int count = random.nextInt(50);
        final int offset = random.nextInt(16);
        final byte[] buffer = new byte[offset + IcMessage.length(count) + 8];
        final int round = random.nextInt(256);
        final int sender = random.nextInt(256);
        final int receiver = random.nextInt(256);
        final long frame = random.nextLong();
        final int[] path = new int[count];
        final int[] signal = new int[count];
        final byte[] status = new byte[count];
        final long[] word = new long[count];
        for (int i = 0; i < count; i++) {
            path[i] = random.nextInt(65536);
            signal[i] = random.nextInt(65536);
            status[i] = (byte) random.nextInt(256);
            word[i] = random.nextLong();
            IcMessage.putEntry(buffer, IcMessage.entryOffset(offset, i), path[i], signal[i], status[i], word[i]);
        }
        IcMessage.putHeader(buffer, offset, round, sender, receiver, count, frame);
        final IcMessageCodec codec = new IcMessageCodec();
        final int length = codec.seal(buffer, offset);

        final String why = Seeds.replay(seed);
        assertEquals(IcMessage.length(count), length, why);
        assertEquals(IcMessageCodec.WELL_FORMED, codec.verify(buffer, offset, length), why);
        assertEquals(IcMessage.VERSION, IcMessage.version(buffer, offset), why);
        assertEquals(round, IcMessage.round(buffer, offset), why);
        assertEquals(sender, IcMessage.sender(buffer, offset), why);
        assertEquals(receiver, IcMessage.receiver(buffer, offset), why);
        assertEquals(count, IcMessage.entryCount(buffer, offset), why);
        assertEquals(frame, IcMessage.frame(buffer, offset), why);
        for (int i = 0; i < count; i++) {
            final int at = IcMessage.entryOffset(offset, i);
            assertEquals(path[i], IcMessage.entryPath(buffer, at), why);
            assertEquals(signal[i], IcMessage.entrySignal(buffer, at), why);
            assertEquals(status[i], IcMessage.entryStatus(buffer, at), why);
            assertEquals(word[i], IcMessage.entryWord(buffer, at), why);
        }
    }

    @Test
    void fieldsSitAtTheDocumentedOffsetsInLittleEndianOrder() {
        final byte[] buffer = new byte[IcMessage.length(1)];
        IcMessage.putEntry(buffer, IcMessage.entryOffset(0, 0), 0x0102, 0x0304, (byte) 5, 0x060708090A0B0C0DL);
        IcMessage.putHeader(buffer, 0, 2, 3, 4, 1, 0x1112131415161718L);
        final int length = new IcMessageCodec().seal(buffer, 0);
        final byte[] expected = {
            1, 2, 3, 4, 1, 0, 0x18, 0x17, 0x16, 0x15, 0x14, 0x13, 0x12, 0x11,
            0x02, 0x01, 0x04, 0x03, 5, 0x0D, 0x0C, 0x0B, 0x0A, 0x09, 0x08, 0x07, 0x06,
        };
        assertEquals(18 + 13, length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], buffer[i], "byte " + i);
        }
        final java.util.zip.CRC32C reference = new java.util.zip.CRC32C();
        reference.update(buffer, 0, expected.length);
        final long crc = reference.getValue();
        assertEquals((byte) crc, buffer[27]);
        assertEquals((byte) (crc >>> 24), buffer[30]);
    }
}
