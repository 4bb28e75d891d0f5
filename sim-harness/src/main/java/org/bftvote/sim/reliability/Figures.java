package org.bftvote.sim.reliability;

import java.util.List;

/**
 * The per-flight-hour figures of a condition, from a study's parts: importance sampling of the fault combinations,
 * the buses' own contribution from fault-free flight time, and their sum.
 *
 * <p>Fault combinations: the importance-sampling estimate per flight divided by {@code T}. Buses alone: {@code n}
 * episodes in {@code H} fault-free hours give the rate {@code n/H} (exact Poisson interval), and per flight hour
 * {@code (1 − exp(−T·n/H)) / T}. Their sum (the two are counted as if disjoint, an upper bound of the union) has
 * the interval whose ends are the sums of the parts' ends at 97.5 % each (Bonferroni: at least 95 % together).
 * The variance-reduction factor is plain Monte Carlo's variance per flight, {@code P(1 − P)}, over importance
 * sampling's, {@code n·SE²} ({@code n} with the pilot's samples); the efficiency gain divides plain Monte Carlo's
 * frames for the same interval (its flights {@code z²(1 − P)/(P·r²)} times its mean frames per flight,
 * {@code Σ_k P(k faults)·frames_k}, with {@code P(k faults)} the mean likelihood ratio of stratum k, or the sum over
 * its classes) by the frames importance sampling simulated, the pilot's included.
 *
 * @param condition  the condition
 * @param faults     fault combinations, per flight hour
 * @param buses      the buses alone, per flight hour
 * @param total      their sum
 * @param varianceReduction plain Monte Carlo's variance per flight over importance sampling's (NaN without hits)
 * @param plainFlightHours  flight hours plain Monte Carlo would need for the same relative interval (NaN without)
 * @param efficiencyGain    frames plain Monte Carlo would need for it over frames simulated here (NaN without)
 */
public record Figures(Condition condition, Estimate faults, Estimate buses, Estimate total, double varianceReduction,
                      double plainFlightHours, double efficiencyGain) {

    /**
     * @param result a study's findings
     * @param c      a condition
     * @return the condition's figures
     */
    public static Figures of(final ReliabilityStudy.Result result, final Condition c) {
        final double t = result.settings().missionHours();
        final ImportanceResult is = result.importance();
        final Estimate perFlight = is.estimate(c);
        final Estimate faults = perFlight.times(1.0 / t);
        final long episodes = result.background()[c.ordinal()];
        final double hours = result.backgroundHours();
        final Estimate buses = buses(episodes, hours, t, Intervals.LEVEL);
        final double z = Intervals.z(1.0 - (1.0 - Intervals.LEVEL) / 2.0);
        final Estimate wideBuses = buses(episodes, hours, t, 1.0 - (1.0 - Intervals.LEVEL) / 2.0);
        final double value = faults.value() + buses.value();
        final double lower = Math.max(0.0, faults.value() - z * faults.standardError()) + wideBuses.lower();
        final double upper = faults.value() + z * faults.standardError() + is.truncationBound() / t
            + wideBuses.upper();
        final Estimate total = new Estimate(value, Math.hypot(faults.standardError(), buses.standardError()), lower,
            upper, faults.samples(), faults.hits() + episodes, faults.effectiveSampleSize());
        final double p = perFlight.value();
        final double se = perFlight.standardError();
        final double vrf = se > 0.0 ? p * (1.0 - p) / ((is.samples() + is.pilotSamples()) * se * se) : Double.NaN;
        final double rhw = perFlight.relativeHalfWidth();
        final double zz = Intervals.z(Intervals.LEVEL);
        final double plainFlights = p > 0.0 && se > 0.0 ? zz * zz * (1.0 - p) / (p * rhw * rhw) : Double.NaN;
        final double gain = plainFlights * plainFramesPerFlight(is) / Math.max(1L, is.frames());
        return new Figures(c, faults, buses, total, vrf, plainFlights * t, gain);
    }

    /** Exact Poisson figures of {@code episodes} in {@code hours}, as a probability per flight hour. */
    private static Estimate buses(final long episodes, final double hours, final double t, final double level) {
        if (hours <= 0.0) {
            return new Estimate(0.0, 0.0, 0.0, Double.POSITIVE_INFINITY, 0, 0, 0);
        }
        final double[] mean = Intervals.poisson(episodes, level);
        return new Estimate(perHour(episodes / hours, t), Math.sqrt(episodes) / hours, perHour(mean[0] / hours, t),
            perHour(mean[1] / hours, t), Math.round(hours * 3600.0), episodes, episodes);
    }

    private static double perHour(final double rate, final double t) {
        return -Math.expm1(-rate * t) / t;
    }

    /** Plain Monte Carlo's mean frames per flight: Σ_k P(exactly k faults) · mean frames of stratum k. */
    private static double plainFramesPerFlight(final ImportanceResult is) {
        double frames = 0.0;
        for (final List<SampleResult> stratum : is.strata()) {
            double weight = 0.0;
            double cost = 0.0;
            for (final SampleResult r : stratum) {
                weight += r.weight();
                cost += r.outcome().frames();
            }
            if (!stratum.isEmpty()) {
                frames += weight / stratum.size() * cost / stratum.size();
            }
        }
        return frames;
    }
}
