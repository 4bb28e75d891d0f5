package org.bftvote.sim.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
 *
 * <p>With {@link Stratification#CLASSES} the strata are finer: every class of one or two faults
 * ({@link FaultClass}, drawn by conditional Monte Carlo with the class's exact probability as its weight) and every
 * larger {@code k} (forced transitions, as above). A pilot of equal size per stratum, drawn from its own streams
 * ({@code importance.pilot.c<s>.<i>}), only steers the allocation: each stratum then gets a floor of samples plus its
 * Neyman share, drawn from {@code importance.c<s>.<i>}, and its mean is over those alone. The number of samples a
 * stratum gets is then independent of the samples that form its mean, so each mean is unbiased (a pilot pooled into
 * the mean is not quite: a stratum whose pilot missed a rare condition would get fewer samples and keep its zero),
 * and a stratum whose pilot saw nothing still gets its floor.
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
    private final Stratification stratification;

    /**
     * A stratum: the flights of {@code faults} faults of one class, its group, its probability when that is every
     * sample's weight (NaN when weights vary), and how to draw them.
     */
    private record Cell(int faults, String label, String group, double probability,
                        Function<SimRandom, ForcedTransitions.Draw> sampler) {
    }

    /** How far a class's pilot hit rate is drawn toward its group's, in pilot samples (allocation only). */
    private static final double GROUP_PRIOR = 4.0;

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
        this(catalog, oracle, missionHours, maxFaults, biasWeight, seed, threads, conditions, Stratification.COUNT);
    }

    /**
     * @param catalog        the units and their rates
     * @param oracle         judges each sample
     * @param missionHours   the flight's length, hours
     * @param maxFaults      {@code K}, the most faults a sampled flight holds (the rest is bounded, not sampled)
     * @param biasWeight     share of unit choices made among related units ({@link ForcedTransitions})
     * @param seed           base seed
     * @param threads        worker threads
     * @param conditions     the conditions whose relative variances the allocation minimises
     * @param stratification how the flights are divided into strata
     */
    public ImportanceSampling(final FailureCatalog catalog, final ConsequenceOracle oracle, final double missionHours,
        final int maxFaults, final double biasWeight, final long seed, final int threads,
        final List<Condition> conditions, final Stratification stratification) {
        this.stratification = stratification;
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
        if (stratification == Stratification.CLASSES) {
            return runByClass(budget, finished);
        }
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

    private ImportanceResult runByClass(final int budget, final IntConsumer finished) throws ProfileException {
        final List<Cell> cells = cells();
        final int n = cells.size();
        final int pilot = Math.max(3, budget / (6 * n));
        final int floor = 2;
        final List<List<SampleResult>> pilots = samples(cells, "importance.pilot.c", constant(n, pilot), finished);
        final List<String> groups = new ArrayList<>();
        final double[] exact = new double[n];
        for (int c = 0; c < n; c++) {
            groups.add(cells.get(c).group());
            exact[c] = cells.get(c).probability();
        }
        final int[] more = allocate(pilots, Math.max(0, budget - (pilot + floor) * n), conditions, groups, exact);
        for (int c = 0; c < n; c++) {
            more[c] += floor;
        }
        final List<List<SampleResult>> strata = samples(cells, "importance.c", more, finished);
        final int[] faults = new int[n];
        final List<String> labels = new ArrayList<>();
        long pilotFrames = 0;
        for (int c = 0; c < n; c++) {
            faults[c] = cells.get(c).faults();
            labels.add(cells.get(c).label());
            for (final SampleResult r : pilots.get(c)) {
                pilotFrames += r.outcome().frames();
            }
        }
        return new ImportanceResult(catalog, missionHours, maxFaults, strata, faults, labels, (long) pilot * n,
            pilotFrames);
    }

    /** The strata of {@link Stratification#CLASSES}: the classes of one and two faults, then each larger k. */
    private List<Cell> cells() {
        final List<Cell> cells = new ArrayList<>();
        for (int k = 1; k <= Math.min(2, maxFaults); k++) {
            for (final FaultClass c : FaultClass.of(catalog, missionHours, k)) {
                cells.add(new Cell(k, c.label(), c.group(), c.probability(), c::draw));
            }
        }
        for (int k = 3; k <= maxFaults; k++) {
            final int faults = k;
            final String label = k + " faults (forced transitions)";
            cells.add(new Cell(k, label, label, Double.NaN, r -> transitions.draw(faults, r)));
        }
        return cells;
    }

    private static int[] constant(final int n, final int value) {
        final int[] a = new int[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    /** {@code counts[c]} samples of every cell {@code c}, all on the worker threads at once, by cell. */
    private List<List<SampleResult>> samples(final List<Cell> cells, final String stream, final int[] counts,
        final IntConsumer finished) throws ProfileException {
        final int[] start = new int[cells.size() + 1];
        for (int c = 0; c < cells.size(); c++) {
            start[c + 1] = start[c] + counts[c];
        }
        final List<SampleResult> all = ParallelSamples.run(0, start[cells.size()], threads, i -> {
            int c = 0;
            while (start[c + 1] <= i) {
                c++;
            }
            final SimRandom random = new RandomStreams(seed).stream(stream + c + "." + (i - start[c]));
            final ForcedTransitions.Draw draw = cells.get(c).sampler().apply(random);
            return new SampleResult(draw.sequence(), draw.likelihoodRatio(),
                oracle.judge(draw.sequence(), random.nextLong()));
        }, finished);
        final List<List<SampleResult>> byCell = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            byCell.add(new ArrayList<>(all.subList(start[c], start[c + 1])));
        }
        return byCell;
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

    /**
     * Neyman allocation over the classes, from the pilot, for {@code conditions}. A class whose weight is constant
     * ({@link FaultClass}: its probability) has the spread {@code P(C)·sqrt(h(1 − h))}, {@code h} its hit rate; with a
     * few pilot samples per class that rate is coarse, so it is taken as {@code (hits + a·H)/(n + a)}, {@code H} the
     * pooled rate of its group (the same kind of class on every signal) and {@code a} = {@value #GROUP_PRIOR}: a rare
     * mode seen to defeat one signal's redundancy gets samples on the others too. Strata whose weights vary (forced
     * transitions, {@code probability} NaN) keep their pilot's sample variance. Allocation only: no sample's count
     * depends on it.
     */
    static int[] allocate(final List<List<SampleResult>> pilot, final int extra, final List<Condition> conditions,
        final List<String> groups, final double[] probability) {
        final int strata = pilot.size();
        final java.util.Map<String, long[]> pooled = new java.util.HashMap<>();
        final double[] total = new double[Condition.values().length];
        for (int k = 0; k < strata; k++) {
            for (final Condition c : conditions) {
                final Stratum s = Stratum.of(pilot.get(k), c);
                total[c.ordinal()] += s.mean();
                final long[] g = pooled.computeIfAbsent(groups.get(k) + "|" + c.key(), x -> new long[2]);
                g[0] += s.hits();
                g[1] += s.samples();
            }
        }
        final double[] share = new double[strata];
        double sum = 0.0;
        for (int k = 0; k < strata; k++) {
            final List<SampleResult> cell = pilot.get(k);
            double relative = 0.0;
            for (final Condition c : conditions) {
                final double p = total[c.ordinal()];
                final Stratum s = Stratum.of(cell, c);
                final double variance;
                if (!Double.isNaN(probability[k])) {
                    final long[] g = pooled.get(groups.get(k) + "|" + c.key());
                    final double h = (s.hits() + GROUP_PRIOR * g[0] / Math.max(1.0, g[1]))
                        / (s.samples() + GROUP_PRIOR);
                    variance = probability[k] * probability[k] * h * (1.0 - h);
                } else {
                    variance = s.sampleVariance();
                }
                relative += p > 0.0 ? variance / (p * p) : 0.0;
            }
            share[k] = Math.sqrt(relative / Math.max(1.0, meanFrames(cell)));
            sum += share[k];
        }
        final int[] more = new int[strata];
        for (int k = 0; k < strata; k++) {
            more[k] = (int) Math.round(sum > 0.0 ? extra * share[k] / sum : (double) extra / strata);
        }
        return more;
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
