package org.bftvote.vote;

/**
 * Reusable result of a discrete (word) vote, filled in place by {@link DiscreteVoter#vote}.
 *
 * <p>Not thread safe: one result per calling thread.
 */
public final class DiscreteVoteResult {
    private VoteStatus status = VoteStatus.TOO_FEW_INPUTS;
    private long word;
    private long usedMask;
    private long disagreeBits;
    private int support;
    private int validCount;

    /**
     * Creates an empty result (status {@link VoteStatus#TOO_FEW_INPUTS}), to be reused every frame.
     */
    public DiscreteVoteResult() {
        // Fields start in the 'nothing voted' state.
    }

    /**
     * @return the outcome of the last vote.
     */
    public VoteStatus status() {
        return status;
    }

    /**
     * @return the voted word; 0 unless {@link #status()} is {@link VoteStatus#VOTED} (check the status, not the
     *         word).
     */
    public long word() {
        return word;
    }

    /**
     * @return bit i set iff channel i agreed with the voted word (exact voters) or was valid (bitwise voter).
     */
    public long usedMask() {
        return usedMask;
    }

    /**
     * @return bits on which at least one valid channel disagreed with the voted word (the discrete "spread").
     */
    public long disagreeBits() {
        return disagreeBits;
    }

    /**
     * @return how many valid channels hold the voted word (exact voters), or the smallest per-bit majority size
     *         (bitwise voter).
     */
    public int support() {
        return support;
    }

    /**
     * @return how many channels were valid.
     */
    public int validCount() {
        return validCount;
    }

    /**
     * Records a successful vote. For use by voter implementations.
     *
     * @param word         voted word
     * @param usedMask     channels that agreed or took part
     * @param disagreeBits bits on which some valid channel disagreed
     * @param support      channels holding the voted word
     * @param validCount   valid channels
     */
    public void voted(
        final long word, final long usedMask, final long disagreeBits, final int support, final int validCount) {
        this.status = VoteStatus.VOTED;
        this.word = word;
        this.usedMask = usedMask;
        this.disagreeBits = disagreeBits;
        this.support = support;
        this.validCount = validCount;
    }

    /**
     * Records a failed vote; the word becomes 0. For use by voter implementations.
     *
     * @param status       why nothing was voted; must not be {@link VoteStatus#VOTED}
     * @param disagreeBits bits on which valid channels disagreed
     * @param support      the largest support any word had
     * @param validCount   valid channels
     */
    public void notVoted(final VoteStatus status, final long disagreeBits, final int support, final int validCount) {
        this.status = status;
        this.word = 0L;
        this.usedMask = 0L;
        this.disagreeBits = disagreeBits;
        this.support = support;
        this.validCount = validCount;
    }
}
