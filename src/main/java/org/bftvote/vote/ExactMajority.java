package org.bftvote.vote;

import org.bftvote.Require;

/**
 * Exact-match voter for discrete words: the word held by a strict majority of the valid channels, or in
 * {@link Mode#PLURALITY} mode the word held by more channels than any other.
 *
 * <h2>Guarantee</h2>
 * With k &gt;= 2f + 1 valid channels of which at most f are arbitrary and the correct ones all hold the same word,
 * the output is that word, in either mode: the correct word has at least f + 1 &gt; k / 2 channels. Only the valid
 * mask decides which channels count; a word of any value is a legitimate input.
 *
 * <h2>Modes</h2>
 * <ul>
 *   <li>{@link Mode#MAJORITY}: the word held by more than k / 2 valid channels, found with Boyer and Moore's MJRTY
 *       (1981) in one pass and confirmed by a counting pass; otherwise {@link VoteStatus#NO_MAJORITY}.</li>
 *   <li>{@link Mode#PLURALITY}: the word with the most support if no other word has as much; a tie for the most is
 *       {@link VoteStatus#NO_MAJORITY}. Counting is quadratic in k (at most 64 x 64 comparisons).</li>
 * </ul>
 * No valid channel gives {@link VoteStatus#TOO_FEW_INPUTS}. The result does not depend on channel order.
 *
 * <h2>Result</h2>
 * {@link DiscreteVoteResult#usedMask()} holds the channels holding the voted word, {@code support} their number and
 * {@code disagreeBits} the OR of {@code word ^ voted} over the valid channels. When nothing is voted,
 * {@code disagreeBits} holds the bits on which the valid channels differ among themselves and {@code support} the
 * largest number of channels that agree on one word (in {@link Mode#MAJORITY} mode this takes a quadratic
 * counting pass, on the no-majority path only).
 *
 * <p>Footprint: two fields and no arrays. The voter keeps no state between calls, so threads may share it as long
 * as each uses its own result.
 */
public final class ExactMajority implements DiscreteVoter {
    /** Which word wins. */
    public enum Mode {
        /** The word held by more than half of the valid channels. */
        MAJORITY,
        /** The word held by more valid channels than any other word; ties give no vote. */
        PLURALITY
    }

    private final int maxChannels;
    private final Mode mode;

    /**
     * Builds a strict-majority voter.
     *
     * @param maxChannels largest channel count, 1 to 64
     */
    public ExactMajority(final int maxChannels) {
        this(maxChannels, Mode.MAJORITY);
    }

    /**
     * @param maxChannels largest channel count, 1 to 64
     * @param mode        majority or plurality
     * @throws org.bftvote.InvalidConfigException if a bound is broken
     */
    public ExactMajority(final int maxChannels, final Mode mode) {
        this.maxChannels = TrimmingConfig.maxChannels(maxChannels);
        this.mode = Require.notNull("mode", mode);
    }

    @Override
    public int maxChannels() {
        return maxChannels;
    }

    /**
     * @return the mode this voter was built with.
     */
    public Mode mode() {
        return mode;
    }

    @Override
    public VoteStatus vote(
        final long[] words, final long validMask, final int channelCount, final DiscreteVoteResult result) {
        VoterChecks.checkCount(channelCount, maxChannels, words.length);
        final long valid = validMask & lowBits(channelCount);
        final int k = Long.bitCount(valid);
        if (k == 0) {
            result.notVoted(VoteStatus.TOO_FEW_INPUTS, 0L, 0, 0);
            return VoteStatus.TOO_FEW_INPUTS;
        }
        return mode == Mode.MAJORITY
            ? voteMajority(words, valid, channelCount, k, result)
            : votePlurality(words, valid, channelCount, k, result);
    }

    private static VoteStatus voteMajority(
        final long[] words, final long valid, final int channelCount, final int k, final DiscreteVoteResult result) {
        // MJRTY pass: if a strict majority exists, it is the surviving candidate.
        long candidate = 0L;
        int lead = 0;
        for (int i = 0; i < channelCount; i++) {
            if ((valid & (1L << i)) != 0) {
                final long w = words[i];
                if (lead == 0) {
                    candidate = w;
                    lead = 1;
                } else if (w == candidate) {
                    lead++;
                } else {
                    lead--;
                }
            }
        }
        final long holders = holdersOf(candidate, words, valid, channelCount);
        final int support = Long.bitCount(holders);
        if (2 * support > k) {
            result.voted(candidate, holders, disagreeWith(candidate, words, valid, channelCount), support, k);
            return VoteStatus.VOTED;
        }
        // The MJRTY candidate's support depends on channel order; report the largest support, which does not.
        final int largest = largestSupport(words, valid, channelCount);
        result.notVoted(VoteStatus.NO_MAJORITY, spreadBits(words, valid, channelCount), largest, k);
        return VoteStatus.NO_MAJORITY;
    }

    private static int largestSupport(final long[] words, final long valid, final int channelCount) {
        int largest = 0;
        long seen = 0L;
        for (int i = 0; i < channelCount; i++) {
            if ((valid & ~seen & (1L << i)) != 0) {
                final long holders = holdersOf(words[i], words, valid, channelCount);
                seen |= holders;
                largest = Math.max(largest, Long.bitCount(holders));
            }
        }
        return largest;
    }

    private static VoteStatus votePlurality(
        final long[] words, final long valid, final int channelCount, final int k, final DiscreteVoteResult result) {
        long best = 0L;
        long bestHolders = 0L;
        int bestSupport = 0;
        boolean tied = false;
        long seen = 0L;
        for (int i = 0; i < channelCount; i++) {
            if ((valid & ~seen & (1L << i)) != 0) {
                final long w = words[i];
                final long holders = holdersOf(w, words, valid, channelCount);
                // Each distinct word is counted once: its holders are marked seen.
                seen |= holders;
                final int support = Long.bitCount(holders);
                if (support > bestSupport) {
                    best = w;
                    bestHolders = holders;
                    bestSupport = support;
                    tied = false;
                } else if (support == bestSupport) {
                    tied = true;
                }
            }
        }
        if (tied) {
            result.notVoted(VoteStatus.NO_MAJORITY, spreadBits(words, valid, channelCount), bestSupport, k);
            return VoteStatus.NO_MAJORITY;
        }
        result.voted(best, bestHolders, disagreeWith(best, words, valid, channelCount), bestSupport, k);
        return VoteStatus.VOTED;
    }

    private static long holdersOf(final long word, final long[] words, final long valid, final int channelCount) {
        long holders = 0L;
        for (int i = 0; i < channelCount; i++) {
            if ((valid & (1L << i)) != 0 && words[i] == word) {
                holders |= 1L << i;
            }
        }
        return holders;
    }

    private static long disagreeWith(final long word, final long[] words, final long valid, final int channelCount) {
        long bits = 0L;
        for (int i = 0; i < channelCount; i++) {
            if ((valid & (1L << i)) != 0) {
                bits |= words[i] ^ word;
            }
        }
        return bits;
    }

    /** Bits on which the valid words are not unanimous: set in some and clear in others. */
    static long spreadBits(final long[] words, final long valid, final int channelCount) {
        long any = 0L;
        long all = -1L;
        for (int i = 0; i < channelCount; i++) {
            if ((valid & (1L << i)) != 0) {
                any |= words[i];
                all &= words[i];
            }
        }
        return any & ~all;
    }

    /** Mask of the low {@code n} bits, 1 &lt;= n &lt;= 64. */
    static long lowBits(final int n) {
        return n == 64 ? -1L : (1L << n) - 1;
    }
}
