package org.bftvote.sim.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.bftvote.sim.emulation.RandomStreams;
import org.bftvote.sim.emulation.SimRandom;
import org.bftvote.sim.yaml.ProfileException;

/**
 * Stratified importance sampling of a flight's fault combinations: stratum {@code k} (1 to {@code K}) holds the
 * flights with exactly {@code k} faults, drawn by {@link ForcedTransitions} and judged by the oracle. A pilot of
 * equal size in every stratum estimates each stratum's spread; the rest of the sample budget goes to the strata in
 * proportion to {@code sqrt(Σ_c Var_k,c / P_c² / cost_k)} (Neyman allocation for the sum of the conditions'
 * relative variances, cost = frames simulated per sample; only the conditions asked for count, so one condition
 * asked for alone gets the allocation that serves it best). Any allocation leaves each stratum's mean, and so the
 * estimate, unbiased: it changes how many samples a stratum gets, not what a sample counts. Sample {@code i} of
 * stratum {@code k} draws everything from the stream {@code importance.k<k>.<i>} of the base seed, so the result
 * depends on the seed and the budget only, not on the thread count.
 */
public final class ImportanceSampling {
    private final FailureCatalog catalog;
    private final ConsequenceOracle oracle;
    private final ForcedTransitions transitions;
    private final double missionHours;
    private final int maxFaults;
    private final long seed;
    private final int threads;
    private final List<Condition> conditions;

    /**
     * Importance sampling whose allocation serves every condition.
     *
     * @param catalog      the units and their rates
     * @param oracle       judges each sample
     * @param missionHours the flight's length, hours
     * @param maxFaults    {@code K}, the most faults a sampled flight holds (the rest is bounded, not sampled)
     * @param biasWeight   share of unit choices made among related units ({@link ForcedTransitions})
     * @param seed         base seed
     * @param threads      worker threads
     */
    public ImportanceSampling(final FailureCatalog catalog, final ConsequenceOracle oracle, final double missionHours,
        final int maxFaults, final double biasWeight, final long seed, final int threads) {
        this(catalog, oracle, missionHours, maxFaults, biasWeight, seed, threads, List.of(Condition.values()));
    }

    /**
     * @param catalog      the units and their rates
     * @param oracle       judges each sample
     * @param missionHours the flight's length, hours
     * @param maxFaults    {@code K}, the most faults a sampled flight holds (the rest is bounded, not sampled)
     * @param biasWeight   share of unit choices made among related units ({@link ForcedTransitions})
     * @param seed         base seed
     * @param threads      worker threads
     * @param conditions   the conditions whose relative variances the allocation minimises
     */
    public ImportanceSampling(final FailureCatalog catalog, final ConsequenceOracle oracle, final double missionHours,
        final int maxFaults, final double biasWeight, final long seed, final int threads,
        final List<Condition> conditions) {
        this.conditions = List.copyOf(conditions);
        this.catalog = catalog;
        this.oracle = oracle;
        this.transitions = new ForcedTransitions(catalog, missionHours, biasWeight);
        this.missionHours = missionHours;
        this.maxFaults = Math.min(maxFaults, catalog.units().size());
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * @param budget   total samples over the strata, at least 2 per stratum
     * @param finished hears each finished sample
     * @return the samples, by stratum
     * @throws ProfileException if the platform asks for a configuration the library refuses
     */
    public ImportanceResult run(final int budget, final IntConsumer finished) throws ProfileException {
        final int pilot = Math.max(2, Math.min(budget / maxFaults, Math.max(20, budget / (10 * maxFaults))));
        final List<List<SampleResult>> strata = new ArrayList<>();
        for (int k = 1; k <= maxFaults; k++) {
            strata.add(new ArrayList<>(stratum(k, 0, pilot, finished)));
        }
        final int[] more = allocate(strata, Math.max(0, budget - pilot * maxFaults), conditions);
        for (int k = 1; k <= maxFaults; k++) {
            strata.get(k - 1).addAll(stratum(k, pilot, pilot + more[k - 1], finished));
        }
        return new ImportanceResult(catalog, missionHours, strata);
    }

    private List<SampleResult> stratum(final int k, final int from, final int to, final IntConsumer finished)
        throws ProfileException {
        return ParallelSamples.run(from, to, threads, i -> {
            final SimRandom random = new RandomStreams(seed).stream("importance.k" + k + "." + i);
            final ForcedTransitions.Draw draw = transitions.draw(k, random);
            return new SampleResult(draw.sequence(), draw.likelihoodRatio(),
                oracle.judge(draw.sequence(), random.nextLong()));
        }, finished);
    }

    /** Neyman allocation of {@code extra} samples over the strata, from the pilot, for {@code conditions}. */
    static int[] allocate(final List<List<SampleResult>> pilot, final int extra, final List<Condition> conditions) {
        final int strata = pilot.size();
        final double[] total = new double[Condition.values().length];
        for (final List<SampleResult> s : pilot) {
            for (final Condition c : conditions) {
                total[c.ordinal()] += Stratum.of(s, c).mean();
            }
        }
        final double[] share = new double[strata];
        double sum = 0.0;
        for (int k = 0; k < strata; k++) {
            double relative = 0.0;
            for (final Condition c : conditions) {
                final double p = total[c.ordinal()];
                relative += p > 0.0 ? Stratum.of(pilot.get(k), c).sampleVariance() / (p * p) : 0.0;
            }
            share[k] = Math.sqrt(relative / Math.max(1.0, meanFrames(pilot.get(k))));
            sum += share[k];
        }
        final int[] more = new int[strata];
        for (int k = 0; k < strata; k++) {
            more[k] = (int) Math.round(sum > 0.0 ? extra * share[k] / sum : (double) extra / strata);
        }
        return more;
    }

    private static double meanFrames(final List<SampleResult> samples) {
        double frames = 0.0;
        for (final SampleResult r : samples) {
            frames += r.outcome().frames();
        }
        return samples.isEmpty() ? 0.0 : frames / samples.size();
    }
}
