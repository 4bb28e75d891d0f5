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
        if (channelCount == 4 && f == 1 && (validMask & 15L) == 15L) {
            final double a = values[0] + 0.0;
            final double b = values[1] + 0.0;
            final double c = values[2] + 0.0;
            final double d = values[3] + 0.0;
            if (Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d)) {
                return voteFourTrimOne(a, b, c, d, result);
            }
        }
        return voteSorted(values, validMask, channelCount, result);
    }

    // The general path, in its own method so that vote() stays small enough to inline into a per-frame caller.
    private VoteStatus voteSorted(
        final double[] values, final long validMask, final int channelCount, final VoteResult result) {
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
    /**
     * Quadruplex fast path, f = 1: four valid, finite inputs (already +0.0-normalised), the common case of a
     * quadruplex signal. The five compare-exchanges of the four-element sorting network give the same sorted values
     * as the insertion sort, without data-dependent branches ({@code Math.min}/{@code Math.max} of doubles compile
     * to branch-free code; for finite inputs with no -0.0 they return one argument exactly as a comparison would).
     * The kept channels are the two that are neither the sort's first nor its last: the sort keeps equal values in
     * channel order, so its first is the lowest channel holding the smallest value and its last the highest channel
     * holding the largest (two different channels: when all four are equal, channels 0 and 3). The combination is
     * {@link #combineMiddle}, the same arithmetic as {@link #combine} over two values. Bit for bit the general path.
     */
    private VoteStatus voteFourTrimOne(
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
        final int atLow = (a == low ? 1 : 0) | (b == low ? 2 : 0) | (c == low ? 4 : 0) | (d == low ? 8 : 0);
        final int atHigh = (a == high ? 1 : 0) | (b == high ? 2 : 0) | (c == high ? 4 : 0) | (d == high ? 8 : 0);
        final long kept = 15L & ~Integer.lowestOneBit(atLow) & ~Integer.highestOneBit(atHigh);
        result.voted(combineMiddle(second, third), second, third, kept, third - second, 4);
        return VoteStatus.VOTED;
    }

    abstract double combine(SortedInputs s, int bottom, int top);

    /**
     * {@link #combine} of exactly two remaining values, {@code lo <= hi}, with the same arithmetic bit for bit
     * (the quadruplex fast path keeps the middle two of four).
     */
    abstract double combineMiddle(double lo, double hi);
}
