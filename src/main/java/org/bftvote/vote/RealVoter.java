package org.bftvote.vote;

/**
 * A voter over redundant real-valued channels.
 *
 * <h2>Contract, shared by every implementation</h2>
 * <ul>
 *   <li>Channel {@code i} (0 &lt;= i &lt; {@code channelCount}) takes part iff bit {@code i} of {@code validMask}
 *       is set <em>and</em> {@code values[i]} is finite. NaN and infinities are never voted; they are counted as
 *       invalid.</li>
 *   <li>{@code channelCount} may be anything from 1 to {@link #maxChannels()} (at most 64, the width of the mask);
 *       the voter adapts to the number of valid inputs and reports {@link VoteStatus#TOO_FEW_INPUTS} when there
 *       are fewer than its fault budget needs.</li>
 *   <li>A call allocates nothing, logs nothing, reads no clock and gives bit-identical results for identical
 *       inputs. Unless the implementation says otherwise, the result does not depend on the order of the
 *       channels.</li>
 *   <li>Each implementation states in its Javadoc what it guarantees when at most f of the n valid inputs are
 *       arbitrary (Byzantine), and the n it needs for that.</li>
 *   <li>The result, including which channels were used and the spread of the values used, is written into the
 *       caller's {@link VoteResult}; the returned status equals {@code result.status()}.</li>
 * </ul>
 *
 * <p>Implementations are not thread safe: they own scratch arrays sized when built. Use one voter per thread.
 */
public interface RealVoter {
    /**
     * @return the largest {@code channelCount} this voter was built for.
     */
    int maxChannels();

    /**
     * @return the number of faulty inputs this voter is built to tolerate.
     */
    int faultsTolerated();

    /**
     * @return the smallest number of valid inputs with which this voter votes.
     */
    int minValidInputs();

    /**
     * Votes the channels.
     *
     * @param values       channel values; only the first {@code channelCount} entries are read
     * @param validMask    bit i set iff channel i's value is declared valid by its source or monitor
     * @param channelCount number of channels, 1 to {@link #maxChannels()}
     * @param result       filled with the outcome
     * @return the outcome status, also in {@code result.status()}
     * @throws IllegalArgumentException if {@code channelCount} is outside 1 to {@link #maxChannels()} or the array
     *                                  is shorter (a programming error, not a runtime fault)
     */
    VoteStatus vote(double[] values, long validMask, int channelCount, VoteResult result);
}
