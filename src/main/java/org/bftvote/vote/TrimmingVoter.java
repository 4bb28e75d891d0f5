package org.bftvote.vote;

/**
 * The part every trimming voter shares: check the channel count, sort the valid finite inputs, refuse fewer than
 * 2f + 1 of them, drop the f lowest and f highest, and record the vote. Subclasses say only how the remaining
 * values are combined into one ({@link #combine}).
 *
 * <p>Footprint: the sorted-input arrays of {@code maxChannels} entries, allocated when built. Not thread safe.
 */
abstract class TrimmingVoter implements RealVoter {
    private final int maxChannels;
    private final int f;
    private final SortedInputs sorted;

    TrimmingVoter(final int maxChannels, final int f) {
        this.maxChannels = TrimmingConfig.maxChannels(maxChannels);
        this.f = TrimmingConfig.faults(f, maxChannels);
        this.sorted = new SortedInputs(maxChannels);
    }

    @Override
    public final int maxChannels() {
        return maxChannels;
    }

    @Override
    public final int faultsTolerated() {
        return f;
    }

    @Override
    public final int minValidInputs() {
        return 2 * f + 1;
    }

    @Override
    public final VoteStatus vote(
        final double[] values, final long validMask, final int channelCount, final VoteResult result) {
        VoterChecks.checkCount(channelCount, maxChannels, values.length);
        final SortedInputs s = sorted;
        final int k = s.load(values, validMask, channelCount);
        if (k < 2 * f + 1) {
            result.notVoted(VoteStatus.TOO_FEW_INPUTS, k);
            return VoteStatus.TOO_FEW_INPUTS;
        }
        final int top = k - 1 - f;
        final double lo = s.value(f);
        final double hi = s.value(top);
        result.voted(combine(s, f, top), lo, hi, s.channelsBetween(f, top), hi - lo, k);
        return VoteStatus.VOTED;
    }

    /**
     * @param s      the valid inputs in ascending order
     * @param bottom index of the lowest value kept (f)
     * @param top    index of the highest value kept (k - 1 - f)
     * @return the voted value, within {@code [s.value(bottom), s.value(top)]}
     */
    abstract double combine(SortedInputs s, int bottom, int top);
}
