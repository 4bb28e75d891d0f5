package org.bftvote.channel;

/**
 * A digest of 64-bit words, for telling at a glance whether two lanes hold the same state: word i is multiplied by
 * its own odd constant (the previous one plus a fixed even step), the products summed (so it costs one multiply-add a
 * word, and a change of any one word always changes the sum: an odd multiplier is invertible modulo 2^64), and the
 * sum mixed at the end (the finaliser of SplitMix64, so every output bit depends on every
 * input bit). Two different word sequences of the same length give the same 31-bit digest with probability about
 * 2^-31. Not cryptographic: it detects divergence, it does not resist forgery (a faulty lane can send any digest).
 * Allocation-free; use one instance per thread.
 *
 * <p>A {@link ChannelManager} adds its whole state ({@link ChannelManager#addStateTo}) and a lane pipeline adds its
 * own, so that two lanes compare everything that decides their outputs in one 64-bit word.
 */
public final class StateDigest {
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    /** The first word's multiplier: odd. */
    private static final long FIRST = GOLDEN | 1L;
    /** Added to the multiplier from one word to the next: even, so every multiplier stays odd. */
    private static final long STEP = GOLDEN << 1;

    private long sum;
    /** The next word's multiplier; it also counts the words added (FIRST + count * STEP). */
    private long multiplier = FIRST;

    /** An empty digest. */
    public StateDigest() {
        // Nothing added yet.
    }

    /** Starts a new digest. */
    public void reset() {
        sum = 0;
        multiplier = FIRST;
    }

    /**
     * @param word the next word
     */
    public void add(final long word) {
        // Two fields and no counter: small enough for the JIT to inline at every call site.
        sum += word * multiplier;
        multiplier += STEP;
    }

    /**
     * The same as {@link #add(long)} of each word in turn. The sum is read and written once for all of them: a loop
     * of single adds keeps the running sum in memory, and each add then waits for the previous one's store.
     *
     * @param first  the next word
     * @param second the word after it
     */
    public void add(final long first, final long second) {
        final long m = multiplier;
        sum += first * m + second * (m + STEP);
        multiplier = m + 2 * STEP;
    }

    /**
     * The same as {@link #add(long)} of each word in turn, the sum read and written once (see
     * {@link #add(long, long)}).
     *
     * @param first  the next word
     * @param second the word after it
     * @param third  the word after that
     * @param fourth the last word
     */
    public void add(final long first, final long second, final long third, final long fourth) {
        final long m = multiplier;
        sum += first * m + second * (m + STEP) + third * (m + 2 * STEP) + fourth * (m + 3 * STEP);
        multiplier = m + 4 * STEP;
    }

    /**
     * @param value the next value, by its raw IEEE bits (so -0.0 and 0.0, or two NaNs, count as different)
     */
    public void add(final double value) {
        add(Double.doubleToRawLongBits(value));
    }

    /** @return the digest of the words added since {@link #reset()} */
    public long value() {
        // The multiplier stands for the number of words, so sequences of different lengths mix differently.
        long z = sum + multiplier;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
