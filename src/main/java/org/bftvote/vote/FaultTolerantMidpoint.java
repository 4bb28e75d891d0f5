package org.bftvote.vote;

/**
 * Fault-tolerant midpoint FTM(f): drop the f lowest and the f highest valid values and output the midpoint
 * {@code (min + max) / 2} of the rest.
 *
 * <h2>Guarantee</h2>
 * With k &gt;= 2f + 1 valid inputs of which at most f are arbitrary (any finite value, however large), the output
 * lies within the range of the correct inputs. Why 2f + 1: after dropping f from each end, at least one value is
 * left; each remaining value has at least f values at or below it and f at or above it, so at least one correct
 * value on each side, whichever f inputs are faulty. With fewer than 2f + 1 valid inputs the voter reports
 * {@link VoteStatus#TOO_FEW_INPUTS}.
 *
 * <p>Across lanes that each vote on their own copy of the inputs, the same function is the convergence step of
 * approximate agreement (Dolev, Lynch, Pinter, Stark, Weihl, JACM 33(3), 1986), which needs n &gt; 3f lanes for the
 * healthy outputs to move closer together each round; a single vote only needs 2f + 1.
 *
 * <p>The midpoint uses only the two extremes left after trimming, so it reacts to the spread, not to how the values
 * cluster; see {@link FaultTolerantMean} for the average of the remaining values.
 *
 * <h2>Result</h2>
 * {@link VoteResult#usedMask()} holds the channels not trimmed; {@code lower}/{@code upper} are the smallest and
 * largest values not trimmed. Which of several equal values is trimmed goes by channel index; the voted value does
 * not depend on channel order, bit for bit ({@code -0.0} counts as {@code +0.0}). The midpoint is computed without
 * overflow, so it is finite for any finite inputs.
 *
 * <p>Footprint: two arrays of {@code maxChannels} entries, allocated when built. Not thread safe.
 */
public final class FaultTolerantMidpoint extends TrimmingVoter {
    /**
     * @param maxChannels largest channel count, 1 to 64
     * @param f           arbitrary inputs to tolerate, {@code 0 <= f} and {@code 2f + 1 <= maxChannels}
     * @throws org.bftvote.InvalidConfigException if a bound is broken
     */
    public FaultTolerantMidpoint(final int maxChannels, final int f) {
        super(maxChannels, f);
    }

    @Override
    double combine(final SortedInputs s, final int bottom, final int top) {
        return Midpoint.of(s.value(bottom), s.value(top));
    }
}
