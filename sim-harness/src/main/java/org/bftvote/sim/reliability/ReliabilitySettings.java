package org.bftvote.sim.reliability;

import java.util.List;

/**
 * How a reliability estimate is made. None of it but the seed and the sample counts changes a figure; the thread
 * count changes none.
 *
 * @param missionHours    the flight's length {@code T}, hours; figures are per flight divided by {@code T}
 * @param samples         importance-sampling budget over the strata
 * @param maxFaults       {@code K}, the most faults a sampled flight holds
 * @param warmupSeconds   simulated time before a window's first fault
 * @param settleSeconds   settle time after each fault ({@link WindowTimeline})
 * @param biasWeight      share of unit choices made among related units ({@link ForcedTransitions})
 * @param seed            base seed of every sample
 * @param threads         worker threads
 * @param backgroundHours fault-free flight time simulated for the buses' own contribution
 * @param check           whether to run the checks: the Markov model and plain Monte Carlo at inflated rates
 * @param checkLoad       expected faults per flight at the inflated rates ({@code ΛT}); the inflation factor is
 *                        {@code checkLoad / (Λ T)}
 * @param checkSamples    flights of each estimator at the inflated rates
 * @param coverageTrials  simulator trials per first and second failure of each signal, for the Markov model
 * @param conditions      the conditions estimated, in declaration order: all three, or the one asked for, which
 *                        then alone steers the allocation and ends each window as soon as it shows
 * @param stratification  how importance sampling divides the flights into strata
 */
public record ReliabilitySettings(double missionHours, int samples, int maxFaults, double warmupSeconds,
                                  double settleSeconds, double biasWeight, long seed, int threads,
                                  double backgroundHours, boolean check, double checkLoad, int checkSamples,
                                  int coverageTrials, List<Condition> conditions, Stratification stratification) {
    /**
     * @param missionHours    see the record description
     * @param samples         see the record description
     * @param maxFaults       see the record description
     * @param warmupSeconds   see the record description
     * @param settleSeconds   see the record description
     * @param biasWeight      see the record description
     * @param seed            see the record description
     * @param threads         see the record description
     * @param backgroundHours see the record description
     * @param check           see the record description
     * @param checkLoad       see the record description
     * @param checkSamples    see the record description
     * @param coverageTrials  see the record description
     * @param conditions      see the record description
     * @param stratification  see the record description
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public ReliabilitySettings {
        positive("--mission-hours", missionHours);
        positive("--warmup", warmupSeconds);
        positive("--settle", settleSeconds);
        positive("--check-load", checkLoad);
        if (!(backgroundHours >= 0.0) || Double.isInfinite(backgroundHours)) {
            throw new IllegalArgumentException("--background-hours must be >= 0, got " + backgroundHours);
        }
        atLeast("--max-faults", maxFaults, 1, "");
        atLeast("--samples", samples, (int) Math.min(Integer.MAX_VALUE, 3L * maxFaults),
            " (3 per stratum, one stratum per fault count up to --max-faults " + maxFaults + ")");
        atLeast("--threads", threads, 1, "");
        atLeast("--check-samples", checkSamples, 10, "");
        atLeast("--coverage-trials", coverageTrials, 1, "");
        conditions = List.copyOf(conditions);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("at least one condition must be estimated");
        }
        if (stratification == null) {
            throw new IllegalArgumentException("--stratify must be count or classes");
        }
        if (!(biasWeight >= 0.0 && biasWeight < 1.0)) {
            throw new IllegalArgumentException("--bias must be in [0, 1), got " + biasWeight);
        }
    }

    private static void atLeast(final String name, final int value, final int least, final String why) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + why + ", got " + value);
        }
    }

    private static void positive(final String name, final double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + value);
        }
    }
}
