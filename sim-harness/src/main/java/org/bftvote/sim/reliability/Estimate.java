package org.bftvote.sim.reliability;

/**
 * A probability estimate with its 95 % confidence interval.
 *
 * @param value         the estimate
 * @param standardError its standard error (0 when it has none, e.g. no sample hit)
 * @param lower         lower end of the interval, &gt;= 0
 * @param upper         upper end of the interval (includes any bound added for what was not sampled)
 * @param samples       samples drawn
 * @param hits          samples in which the condition showed
 * @param effectiveSampleSize Kish's effective sample size of the weighted hits, {@code (Σx)² / Σx²}
 */
public record Estimate(double value, double standardError, double lower, double upper, long samples, long hits,
                       double effectiveSampleSize) {

    /**
     * @return the interval's half-width relative to the estimate (infinite when the estimate is 0)
     */
    public double relativeHalfWidth() {
        return value > 0.0 ? (upper - lower) / 2.0 / value : Double.POSITIVE_INFINITY;
    }

    /**
     * @param factor a positive factor (e.g. 1 / mission hours)
     * @return the same estimate and interval multiplied by it
     */
    public Estimate times(final double factor) {
        return new Estimate(value * factor, standardError * factor, lower * factor, upper * factor, samples, hits,
            effectiveSampleSize);
    }

    /**
     * @param other another estimate
     * @return whether the two intervals overlap
     */
    public boolean overlaps(final Estimate other) {
        return lower <= other.upper && other.lower <= upper;
    }
}
