package org.bftvote.vote;

/**
 * Reusable result of a real-valued vote, filled in place by {@link RealVoter#vote}. One instance is owned by the
 * caller and reused every frame, so voting allocates nothing.
 *
 * <p>Not thread safe: one result per calling thread.
 */
public final class VoteResult {
    private VoteStatus status = VoteStatus.TOO_FEW_INPUTS;
    private double value = Double.NaN;
    private double lower = Double.NaN;
    private double upper = Double.NaN;
    private long usedMask;
    private double spread = Double.NaN;
    private int validCount;

    /**
     * Creates an empty result (status {@link VoteStatus#TOO_FEW_INPUTS}), to be reused every frame.
     */
    public VoteResult() {
        // Fields start in the 'nothing voted' state.
    }

    /**
     * @return the outcome of the last vote.
     */
    public VoteStatus status() {
        return status;
    }

    /**
     * @return the voted value, or {@code NaN} unless {@link #status()} is {@link VoteStatus#VOTED}.
     */
    public double value() {
        return value;
    }

    /**
     * @return the lower end of the voted interval (interval fusion), or the smallest value in
     *         {@link #usedMask()}; {@code NaN} when nothing was voted.
     */
    public double lower() {
        return lower;
    }

    /**
     * @return the upper end of the voted interval (interval fusion), or the largest value in
     *         {@link #usedMask()}; {@code NaN} when nothing was voted.
     */
    public double upper() {
        return upper;
    }

    /**
     * @return bit i set iff channel i's value was considered by the vote: valid, finite and not trimmed away
     *         (trimming voters drop their f lowest and f highest values; mid-value select considers every valid
     *         value; interval fusion marks the intervals that contain the result).
     */
    public long usedMask() {
        return usedMask;
    }

    /**
     * @return largest minus smallest of the values in {@link #usedMask()}; {@code NaN} when nothing was voted.
     */
    public double spread() {
        return spread;
    }

    /**
     * @return how many inputs were valid (present in the mask and finite).
     */
    public int validCount() {
        return validCount;
    }

    /**
     * @return {@code true} iff a value was voted.
     */
    public boolean isVoted() {
        return status == VoteStatus.VOTED;
    }

    /**
     * Records a successful vote. For use by voter implementations.
     *
     * @param value      the voted value
     * @param lower      lower end of the voted interval or smallest value used
     * @param upper      upper end of the voted interval or largest value used
     * @param usedMask   channels that contributed
     * @param spread     spread of the values used
     * @param validCount how many inputs were valid
     */
    public void voted(
        final double value,
        final double lower,
        final double upper,
        final long usedMask,
        final double spread,
        final int validCount) {
        // Written only on a change: a voter called every frame mostly votes, and skipping the store of an
        // unchanged reference avoids the garbage collector's write barrier.
        if (this.status != VoteStatus.VOTED) {
            this.status = VoteStatus.VOTED;
        }
        this.value = value;
        this.lower = lower;
        this.upper = upper;
        this.usedMask = usedMask;
        this.spread = spread;
        this.validCount = validCount;
    }

    /**
     * Records a failed vote; the value becomes {@code NaN}. For use by voter implementations.
     *
     * @param status     why nothing was voted; must not be {@link VoteStatus#VOTED}
     * @param validCount how many inputs were valid
     */
    public void notVoted(final VoteStatus status, final int validCount) {
        this.status = status;
        this.value = Double.NaN;
        this.lower = Double.NaN;
        this.upper = Double.NaN;
        this.usedMask = 0L;
        this.spread = Double.NaN;
        this.validCount = validCount;
    }
}
