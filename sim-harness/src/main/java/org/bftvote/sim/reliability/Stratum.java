package org.bftvote.sim.reliability;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The plain statistics of one stratum's sample scores {@code x_i} for one quantity: mean, sample variance, hits,
 * sums for the effective sample size.
 *
 * @param samples  n
 * @param sum      Σ x
 * @param sumSq    Σ x²
 * @param hits     samples with x &gt; 0
 * @param weightSum Σ of every sample's weight (hit or not), for the zero-hit bound
 */
record Stratum(long samples, double sum, double sumSq, long hits, double weightSum) {

    /**
     * @param results the stratum's samples
     * @param c       the condition
     * @return its statistics
     */
    static Stratum of(final List<SampleResult> results, final Condition c) {
        return of(results, r -> r.score(c));
    }

    /**
     * @param results the stratum's samples
     * @param score   each sample's score
     * @return its statistics
     */
    static Stratum of(final List<SampleResult> results, final ToDoubleFunction<SampleResult> score) {
        double sum = 0.0;
        double sumSq = 0.0;
        double weights = 0.0;
        long hits = 0;
        for (final SampleResult r : results) {
            final double x = score.applyAsDouble(r);
            sum += x;
            sumSq += x * x;
            hits += x > 0.0 ? 1 : 0;
            weights += r.weight();
        }
        return new Stratum(results.size(), sum, sumSq, hits, weights);
    }

    /** @return the mean score (0 without samples) */
    double mean() {
        return samples == 0 ? 0.0 : sum / samples;
    }

    /** @return the unbiased sample variance of the scores (0 with fewer than two samples) */
    double sampleVariance() {
        if (samples < 2) {
            return 0.0;
        }
        return Math.max(0.0, (sumSq - sum * sum / samples) / (samples - 1));
    }

    /** @return the variance of the mean */
    double varianceOfMean() {
        return samples == 0 ? 0.0 : sampleVariance() / samples;
    }

    /**
     * @param level two-sided level
     * @return for a stratum without hits, an upper bound on its mean: the mean weight times the exact binomial
     *         upper bound of the hit fraction, {@code 1 − (1 − level)/2 ^ (1/n)}; 0 when it has hits
     */
    double zeroHitBound(final double level) {
        if (hits > 0 || samples == 0) {
            return 0.0;
        }
        return weightSum / samples * (1.0 - Math.pow((1.0 - level) / 2.0, 1.0 / samples));
    }
}
