package org.bftvote.vote;

/**
 * Mid-value select: the median of the valid inputs.
 *
 * <p>With an odd number k of valid inputs the output is the middle value. With an even number it is, by
 * {@link EvenPolicy}, the mean of the two middle values (default) or the lower of them.
 *
 * <h2>Guarantee</h2>
 * With k valid inputs of which at most f = (k - 1) / 2 are arbitrary (k &gt;= 2f + 1), the output lies within
 * the range of the correct inputs: every value below the median has a correct value at or below it and every
 * value above has one at or above it. For the mean-of-middles policy with even k the same holds when
 * k &gt;= 2f + 2. One arbitrary input among three therefore never moves the output outside the two correct ones,
 * whatever its size.
 *
 * <p>The result does not depend on channel order, bit for bit ({@code -0.0} counts as {@code +0.0}). Every valid
 * input is in {@link VoteResult#usedMask()}; the reported spread is the range of the valid inputs. The mean of the
 * middles is computed without overflow.
 *
 * <p>Footprint: one array of {@code maxChannels} entries, allocated when built. Not thread safe.
 */
public final class MidValueSelect implements RealVoter {
    /** What to output when the number of valid inputs is even. */
    public enum EvenPolicy {
        /** The mean of the two middle values. */
        MEAN_OF_MIDDLES,
        /** The lower of the two middle values. */
        LOWER_MIDDLE
    }

    private final int maxChannels;
    private final EvenPolicy evenPolicy;
    private final double[] sorted;

    /**
     * Builds a mid-value select voter that averages the two middle values for even counts.
     *
     * @param maxChannels largest channel count, 1 to 64
     */
    public MidValueSelect(final int maxChannels) {
        this(maxChannels, EvenPolicy.MEAN_OF_MIDDLES);
    }

    /**
     * @param maxChannels largest channel count, 1 to 64
     * @param evenPolicy  output for an even number of valid inputs
     */
    public MidValueSelect(final int maxChannels, final EvenPolicy evenPolicy) {
        this.maxChannels = TrimmingConfig.maxChannels(maxChannels);
        this.evenPolicy = org.bftvote.Require.notNull("evenPolicy", evenPolicy);
        this.sorted = new double[maxChannels];
    }

    @Override
    public int maxChannels() {
        return maxChannels;
    }

    @Override
    public int faultsTolerated() {
        return (maxChannels - 1) / 2;
    }

    @Override
    public int minValidInputs() {
        return 1;
    }

    @Override
    public VoteStatus vote(
        final double[] values, final long validMask, final int channelCount, final VoteResult result) {
        VoterChecks.checkCount(channelCount, maxChannels, values.length);
        if (channelCount == 3 && (validMask & 7L) == 7L) {
            final double a = values[0] + 0.0;
            final double b = values[1] + 0.0;
            final double c = values[2] + 0.0;
            if (Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c)) {
                return voteThree(a, b, c, result);
            }
        } else if (channelCount == 4 && (validMask & 15L) == 15L) {
            final double a = values[0] + 0.0;
            final double b = values[1] + 0.0;
            final double c = values[2] + 0.0;
            final double d = values[3] + 0.0;
            if (Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d)) {
                return voteFour(a, b, c, d, result);
            }
        }
        return voteSorted(values, validMask, channelCount, result);
    }

    // The general path, in its own method so that vote() stays small enough for the compiler to inline it into
    // a caller that votes every frame.
    private VoteStatus voteSorted(
        final double[] values, final long validMask, final int channelCount, final VoteResult result) {
        final double[] s = sorted;
        long used = 0L;
        int k = 0;
        for (int i = 0; i < channelCount; i++) {
            // Adding +0.0 turns -0.0 into +0.0 (and changes nothing else), so the output is order independent.
            final double v = values[i] + 0.0;
            if ((validMask & (1L << i)) != 0 && Double.isFinite(v)) {
                // Insertion sort: k is small (<= 64) and nearly always 3 or 4.
                int j = k - 1;
                while (j >= 0 && s[j] > v) {
                    s[j + 1] = s[j];
                    j--;
                }
                s[j + 1] = v;
                k++;
                used |= 1L << i;
            }
        }
        if (k == 0) {
            result.notVoted(VoteStatus.TOO_FEW_INPUTS, 0);
            return VoteStatus.TOO_FEW_INPUTS;
        }
        final double mid;
        if ((k & 1) == 1) {
            mid = s[k >> 1];
        } else if (evenPolicy == EvenPolicy.LOWER_MIDDLE) {
            mid = s[(k >> 1) - 1];
        } else {
            // Overflow-free: the mean of -1e308 and 1e308 is 0, not NaN or infinity.
            mid = Midpoint.of(s[(k >> 1) - 1], s[k >> 1]);
        }
        result.voted(mid, s[0], s[k - 1], used, s[k - 1] - s[0], k);
        return VoteStatus.VOTED;
    }

    /**
     * Triplex fast path: three valid, finite inputs (already +0.0-normalised), the common case of a triplex
     * signal. A three-element compare-exchange network gives the same smallest, middle and largest values as the
     * insertion sort above, without data-dependent branches (a noisy signal makes the sort's branches
     * unpredictable). Equivalent bit for bit: for finite inputs with no -0.0, {@code Math.min} and
     * {@code Math.max} return one of their arguments exactly as a comparison would, and equal doubles are then
     * bit-identical.
     */
    private static VoteStatus voteThree(final double a, final double b, final double c, final VoteResult result) {
        final double lowAb = Math.min(a, b);
        final double highAb = Math.max(a, b);
        final double low = Math.min(lowAb, c);
        final double high = Math.max(highAb, c);
        final double mid = Math.max(lowAb, Math.min(highAb, c));
        result.voted(mid, low, high, 7L, high - low, 3);
        return VoteStatus.VOTED;
    }

    /**
     * Quadruplex fast path: four valid, finite inputs (already +0.0-normalised). The five compare-exchanges of
     * the optimal four-element sorting network give the same sorted values as the insertion sort above, without
     * data-dependent branches; the even-count policy is then applied exactly as there. Equivalent bit for bit,
     * for the same reason as {@link #voteThree}.
     */
    private VoteStatus voteFour(
        final double a, final double b, final double c, final double d, final VoteResult result) {
        final double lowAb = Math.min(a, b);
        final double highAb = Math.max(a, b);
        final double lowCd = Math.min(c, d);
        final double highCd = Math.max(c, d);
        final double low = Math.min(lowAb, lowCd);
        final double high = Math.max(highAb, highCd);
        final double upperOfLows = Math.max(lowAb, lowCd);
        final double lowerOfHighs = Math.min(highAb, highCd);
        final double second = Math.min(upperOfLows, lowerOfHighs);
        final double third = Math.max(upperOfLows, lowerOfHighs);
        final double mid = evenPolicy == EvenPolicy.LOWER_MIDDLE ? second : Midpoint.of(second, third);
        result.voted(mid, low, high, 15L, high - low, 4);
        return VoteStatus.VOTED;
    }
}
