package org.bftvote.sim.emulation;

/**
 * The true value of one physical quantity over the run, which sensors then measure.
 *
 * <p>Contract: {@link #valueAt(long, double)} allocates nothing and costs O(1) (amortised for file-based models);
 * for the same sequence of calls it returns bit-identical values. Stateful models (random walk) require
 * {@code frame} to be non-decreasing and return NaN for a frame earlier than one already asked; the caller treats
 * NaN as "no truth". Stateless models accept any order. Not thread safe.
 */
public interface TruthModel {
    /**
     * @param frame frame index, starting at 0
     * @param t     time of the frame in seconds ({@code frame / frameRateHz})
     * @return the true value, or NaN if there is none
     */
    double valueAt(long frame, double t);
}
