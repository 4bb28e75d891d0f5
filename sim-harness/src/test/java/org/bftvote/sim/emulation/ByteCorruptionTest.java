package org.bftvote.sim.emulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ByteCorruptionTest {
    @Test
    void flipsExactlyTheRequestedDistinctBitsInsideTheRange() {
        for (long seed = 0; seed < 5000; seed++) {
            for (int bits = 1; bits <= 3; bits++) {
                final byte[] bytes = new byte[6];
                final int flipped = ByteCorruption.flipBits(seed, bytes, 2, 2, bits);
                assertEquals(bits, flipped);
                assertEquals(0, bytes[0] | bytes[1] | bytes[4] | bytes[5], "seed " + seed);
                assertEquals(bits, Integer.bitCount(bytes[2] & 0xFF) + Integer.bitCount(bytes[3] & 0xFF),
                    "seed " + seed);
            }
        }
        final byte[] one = new byte[1];
        assertEquals(1, ByteCorruption.flipBits(3, one, 0, 1, 1));
        assertEquals(0, ByteCorruption.flipBits(3, one, 1, 1, 1));
        assertEquals(0, ByteCorruption.flipBits(3, null, 0, 1, 1));
    }

    @Test
    void fillIsDeterministicPerSeed() {
        final byte[] a = new byte[37];
        final byte[] b = new byte[37];
        final byte[] c = new byte[37];
        ByteCorruption.fillRandom(11, a, 0, 37);
        ByteCorruption.fillRandom(11, b, 0, 37);
        ByteCorruption.fillRandom(12, c, 0, 37);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        assertEquals(0, ByteCorruption.fillRandom(11, a, 30, 10));
    }
}
