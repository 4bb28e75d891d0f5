package org.bftvote.vote;

/**
 * Fault-tolerant mean, the mean-subsequence-reduced (MSR) voter: drop the f lowest and the f highest valid values
 * and output the mean of the rest.
 *
 * <h2>Guarantee</h2>
 * With k &gt;= 2f + 1 valid inputs of which at most f are arbitrary (any finite value, however large), the output
 * lies within the range of the correct inputs: every value left after trimming has at least one correct value at
 * or below it and one at or above it, so their mean does too. With fewer than 2f + 1 valid inputs the voter reports
 * {@link VoteStatus#TOO_FEW_INPUTS}. Kieckhafer and Azadmanesh (IEEE TPDS 5(1), 1994) analyse this family across
 * lanes under mixed faults, where convergence needs more lanes (n &gt; 3a + 2s + b for a asymmetric, s symmetric
 * and b benign faults).
 *
 * <p>Compared with {@link FaultTolerantMidpoint}, the mean uses every remaining value, so it is smoother under
 * noise; the midpoint moves less when one remaining value moves.
 *
 * <h2>Result</h2>
 * The remaining values are summed in ascending order ({@code -0.0} counted as {@code +0.0}), so the output is the
 * same bit for bit whatever the channel order. If that sum overflows, each value is divided by the count before
 * summing instead. The mean is clamped to the smallest and largest remaining values, which rounding could otherwise
 * overstep by an ulp. {@link VoteResult#usedMask()} holds the channels not trimmed (ties trimmed by channel index).
 *
 * <p>Footprint: two arrays of {@code maxChannels} entries, allocated when built. Not thread safe.
 */
public final class FaultTolerantMean extends TrimmingVoter {
    /**
     * @param maxChannels largest channel count, 1 to 64
     * @param f           arbitrary inputs to tolerate, {@code 0 <= f} and {@code 2f + 1 <= maxChannels}
     * @throws org.bftvote.InvalidConfigException if a bound is broken
     */
    public FaultTolerantMean(final int maxChannels, final int f) {
        super(maxChannels, f);
    }

    @Override
    double combine(final SortedInputs s, final int bottom, final int top) {
        final int m = top - bottom + 1;
        double sum = 0.0;
        for (int i = bottom; i <= top; i++) {
            sum += s.value(i);
        }
        double mean = sum / m;
        if (!Double.isFinite(mean)) {
            // Only when the plain sum overflowed: each term is at most max/m in size, so this sum cannot.
            sum = 0.0;
            for (int i = bottom; i <= top; i++) {
                sum += s.value(i) / m;
            }
            mean = sum;
        }
        // Rounding can overstep the remaining values by an ulp; the guarantee is stated on them.
        return Math.min(Math.max(mean, s.value(bottom)), s.value(top));
    }
}
