package org.bftvote.sim.emulation;

/**
 * Deterministic byte damage for encoded messages: flip distinct bits, or overwrite with random bytes, driven by a
 * 64-bit seed through SplitMix64 so nothing is allocated and the same seed always does the same damage.
 */
public final class ByteCorruption {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private ByteCorruption() {
    }

    /**
     * Flips {@code bits} distinct bits chosen uniformly in {@code bytes[off, off + len)}.
     *
     * @param seed  damage seed
     * @param bytes the message
     * @param off   first byte of the range
     * @param len   bytes in the range
     * @param bits  number of bits to flip; capped at 3 and at {@code 8 * len}
     * @return the number of bits flipped (0 if the range is empty or out of bounds)
     */
    public static int flipBits(final long seed, final byte[] bytes, final int off, final int len, final int bits) {
        if (bytes == null || off < 0 || len <= 0 || off > bytes.length - len || bits <= 0) {
            return 0;
        }
        final long range = 8L * len;
        final int count = (int) Math.min(Math.min(bits, 3), range);
        long state = seed;
        long first = -1;
        long second = -1;
        for (int i = 0; i < count; i++) {
            state += GOLDEN;
            long position = Long.remainderUnsigned(mix(state), range);
            // Distinct positions, so two flips never cancel: step to the next free bit.
            while (position == first || position == second) {
                position = (position + 1) % range;
            }
            if (i == 0) {
                first = position;
            } else {
                second = position;
            }
            final int index = off + (int) (position >>> 3);
            bytes[index] = (byte) (bytes[index] ^ (1 << (int) (position & 7)));
        }
        return count;
    }

    /**
     * Overwrites {@code bytes[off, off + len)} with pseudo-random bytes from {@code seed}.
     *
     * @param seed  fill seed
     * @param bytes the message
     * @param off   first byte
     * @param len   number of bytes
     * @return the number of bytes written (0 if the range is out of bounds)
     */
    public static int fillRandom(final long seed, final byte[] bytes, final int off, final int len) {
        if (bytes == null || off < 0 || len <= 0 || off > bytes.length - len) {
            return 0;
        }
        long state = seed;
        long word = 0;
        for (int i = 0; i < len; i++) {
            if ((i & 7) == 0) {
                state += GOLDEN;
                word = mix(state);
            }
            bytes[off + i] = (byte) word;
            word >>>= 8;
        }
        return len;
    }

    /** SplitMix64 finaliser (Steele, Lea, Flood 2014), the mixer SplittableRandom itself uses. */
    private static long mix(final long z0) {
        long z = (z0 ^ (z0 >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
