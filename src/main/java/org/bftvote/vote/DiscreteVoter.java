package org.bftvote.vote;

/**
 * A voter over redundant discrete words (status words, mode bits, ARINC 429 discretes).
 *
 * <h2>Contract, shared by every implementation</h2>
 * <ul>
 *   <li>Channel {@code i} (0 &lt;= i &lt; {@code channelCount}) takes part iff bit {@code i} of {@code validMask}
 *       is set.</li>
 *   <li>{@code channelCount} may be 1 to {@link #maxChannels()} (at most 64).</li>
 *   <li>A call allocates nothing, logs nothing and is deterministic; the result does not depend on channel order
 *       unless the implementation says so. Ties and the absence of a majority have a defined answer,
 *       {@link VoteStatus#NO_MAJORITY}, never an arbitrary pick.</li>
 *   <li>Each implementation states what it guarantees when at most f of the n valid inputs are arbitrary.</li>
 * </ul>
 *
 * <p>Not thread safe.
 */
public interface DiscreteVoter {
    /**
     * @return the largest {@code channelCount} this voter was built for.
     */
    int maxChannels();

    /**
     * Votes the words.
     *
     * @param words        channel words; only the first {@code channelCount} are read
     * @param validMask    bit i set iff channel i is valid
     * @param channelCount number of channels, 1 to {@link #maxChannels()}
     * @param result       filled with the outcome
     * @return the outcome status, also in {@code result.status()}
     */
    VoteStatus vote(long[] words, long validMask, int channelCount, DiscreteVoteResult result);
}
