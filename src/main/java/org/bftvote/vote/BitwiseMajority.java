package org.bftvote.vote;

import org.bftvote.Require;

/**
 * Bitwise majority: every bit of the output word is voted on its own, by strict majority of the valid channels.
 *
 * <h2>Guarantee</h2>
 * With k &gt;= 2f + 1 valid channels of which at most f are arbitrary, every bit on which the correct channels agree
 * is output as they hold it. Unlike {@link ExactMajority} the output need not equal any one channel's word: with
 * several faults on different bits it mixes bits from different channels, which is what you want for independent
 * discretes and not for encoded numbers.
 *
 * <h2>Ties</h2>
 * With an even number of valid channels a bit can split evenly. {@link TiePolicy#ZERO} (the default) outputs 0 for
 * such a bit, the safe value for active-high discretes; {@link TiePolicy#NO_MAJORITY} reports
 * {@link VoteStatus#NO_MAJORITY} for the whole word. An odd count never ties. No valid channel gives
 * {@link VoteStatus#TOO_FEW_INPUTS}.
 *
 * <h2>How</h2>
 * Three valid words out of three, the common triplex case, take {@code (a & b) | (a & c) | (b & c)}. Otherwise the
 * per-bit counts of ones are kept bit-sliced: counter word j holds bit j of every bit position's count, so adding a
 * word is a ripple-carry over at most seven words and the threshold test is a bit-sliced comparison, with no branch
 * per bit.
 *
 * <h2>Result</h2>
 * {@link DiscreteVoteResult#usedMask()} is the valid channels; {@code disagreeBits} the bits on which they are not
 * unanimous (the OR of {@code word ^ voted}); {@code support} the smallest, over all bits, of the number of channels
 * holding that bit's voted value (k when unanimous; k / 2 on a tie bit). The result does not depend on channel
 * order.
 *
 * <p>Footprint: one array of seven {@code long} counters, allocated when built. Not thread safe.
 */
public final class BitwiseMajority implements DiscreteVoter {
    /** Output for a bit held by exactly half of an even number of valid channels. */
    public enum TiePolicy {
        /** A tied bit is output as 0. */
        ZERO,
        /** A tied bit makes the whole vote {@link VoteStatus#NO_MAJORITY}. */
        NO_MAJORITY
    }

    /** Bits needed to count up to 64. */
    private static final int COUNTER_BITS = 7;

    private final int maxChannels;
    private final TiePolicy tiePolicy;
    private final long[] counters = new long[COUNTER_BITS];

    /**
     * Builds a bitwise voter that outputs 0 for tied bits.
     *
     * @param maxChannels largest channel count, 1 to 64
     */
    public BitwiseMajority(final int maxChannels) {
        this(maxChannels, TiePolicy.ZERO);
    }

    /**
     * @param maxChannels largest channel count, 1 to 64
     * @param tiePolicy   output for tied bits
     * @throws org.bftvote.InvalidConfigException if a bound is broken
     */
    public BitwiseMajority(final int maxChannels, final TiePolicy tiePolicy) {
        this.maxChannels = TrimmingConfig.maxChannels(maxChannels);
        this.tiePolicy = Require.notNull("tiePolicy", tiePolicy);
    }

    @Override
    public int maxChannels() {
        return maxChannels;
    }

    /**
     * @return the tie policy this voter was built with.
     */
    public TiePolicy tiePolicy() {
        return tiePolicy;
    }

    @Override
    public VoteStatus vote(
        final long[] words, final long validMask, final int channelCount, final DiscreteVoteResult result) {
        VoterChecks.checkCount(channelCount, maxChannels, words.length);
        final long valid = validMask & ExactMajority.lowBits(channelCount);
        if (valid == 7L) {
            final long a = words[0];
            final long b = words[1];
            final long c = words[2];
            final long spread = (a | b | c) & ~(a & b & c);
            result.voted((a & b) | (a & c) | (b & c), 7L, spread, spread == 0 ? 3 : 2, 3);
            return VoteStatus.VOTED;
        }
        final int k = Long.bitCount(valid);
        if (k == 0) {
            result.notVoted(VoteStatus.TOO_FEW_INPUTS, 0L, 0, 0);
            return VoteStatus.TOO_FEW_INPUTS;
        }
        final int width = 32 - Integer.numberOfLeadingZeros(k);
        final long[] c = counters;
        for (int j = 0; j < width; j++) {
            c[j] = 0L;
        }
        long any = 0L;
        long all = -1L;
        for (int i = 0; i < channelCount; i++) {
            if ((valid & (1L << i)) != 0) {
                final long w = words[i];
                any |= w;
                all &= w;
                long carry = w;
                for (int j = 0; j < width && carry != 0; j++) {
                    final long t = c[j] & carry;
                    c[j] ^= carry;
                    carry = t;
                }
            }
        }
        final long spread = any & ~all;
        final long majority = atLeast(c, width, k / 2 + 1);
        final long ties = (k & 1) == 0 ? spread & ~majority & atLeast(c, width, k / 2) : 0L;
        final int support = spread == 0 ? k : smallestSupport(c, width, k, spread);
        if (ties != 0 && tiePolicy == TiePolicy.NO_MAJORITY) {
            result.notVoted(VoteStatus.NO_MAJORITY, spread, support, k);
            return VoteStatus.NO_MAJORITY;
        }
        result.voted(majority, valid, spread, support, k);
        return VoteStatus.VOTED;
    }

    /**
     * Bit-sliced comparison: bit b of the result is set iff the count at bit position b is at least {@code t}.
     * Walks the counter bits from the most significant, tracking "greater so far" and "equal so far".
     */
    private static long atLeast(final long[] c, final int width, final int t) {
        long greater = 0L;
        long equal = -1L;
        for (int j = width - 1; j >= 0; j--) {
            if (((t >>> j) & 1) != 0) {
                equal &= c[j];
            } else {
                greater |= equal & c[j];
                equal &= ~c[j];
            }
        }
        return greater | equal;
    }

    /** Smallest majority size over the bits in {@code spread}; reads each such bit's count from the slices. */
    private static int smallestSupport(final long[] c, final int width, final int k, final long spread) {
        int smallest = k;
        long rest = spread;
        while (rest != 0) {
            final int bit = Long.numberOfTrailingZeros(rest);
            rest &= rest - 1;
            int ones = 0;
            for (int j = 0; j < width; j++) {
                ones |= (int) ((c[j] >>> bit) & 1L) << j;
            }
            smallest = Math.min(smallest, Math.max(ones, k - ones));
        }
        return smallest;
    }
}
