package org.bftvote.sim.reliability;

import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The interval arithmetic of the estimates, on Hipparchus's distributions: the normal quantile of a two-sided
 * level, Clopper–Pearson intervals of a binomial proportion, exact Poisson intervals of a count.
 */
final class Intervals {
    /** Two-sided confidence level of every interval reported. */
    static final double LEVEL = 0.95;

    private Intervals() {
    }

    /**
     * @param level two-sided level, e.g. 0.95
     * @return the standard normal quantile {@code z} with {@code P(|Z| <= z) = level} (1.959964 for 0.95)
     */
    static double z(final double level) {
        return new NormalDistribution(0.0, 1.0).inverseCumulativeProbability(0.5 + level / 2.0);
    }

    /**
     * Clopper–Pearson interval of a proportion.
     *
     * @param hits   successes
     * @param trials trials, &gt; 0
     * @param level  two-sided level
     * @return {lower, upper}
     */
    static double[] binomial(final long hits, final long trials, final double level) {
        final double alpha = 1.0 - level;
        final double lower = hits == 0 ? 0.0
            : new BetaDistribution(hits, trials - hits + 1.0).inverseCumulativeProbability(alpha / 2.0);
        final double upper = hits == trials ? 1.0
            : new BetaDistribution(hits + 1.0, trials - hits).inverseCumulativeProbability(1.0 - alpha / 2.0);
        return new double[] {lower, upper};
    }

    /**
     * Exact (Garwood) interval of a Poisson mean from one count.
     *
     * @param count the count
     * @param level two-sided level
     * @return {lower, upper} of the mean
     */
    static double[] poisson(final long count, final double level) {
        final double alpha = 1.0 - level;
        final double lower = count == 0 ? 0.0
            : new ChiSquaredDistribution(2.0 * count).inverseCumulativeProbability(alpha / 2.0) / 2.0;
        final double upper = new ChiSquaredDistribution(2.0 * count + 2.0)
            .inverseCumulativeProbability(1.0 - alpha / 2.0) / 2.0;
        return new double[] {lower, upper};
    }
}
