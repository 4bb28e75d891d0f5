package org.bftvote.sim.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The samples of a stratified importance-sampling run and the estimates made from them: per condition (and per
 * signal), the sum over the strata of each stratum's mean score, its variance the sum of the strata's variances of
 * the mean, a normal 95 % interval widened above by the bound of the flights with more faults than sampled
 * ({@link #truncationBound}). A stratum in which the condition never showed contributes 0; how much it could hide
 * is reported with it ({@link #stratum}: {@link Stratum#zeroHitBound}), not added to the interval, because most such
 * strata cannot show the condition at all (one fault of a triplex). All per flight, not per hour. Immutable.
 */
public final class ImportanceResult {
    private final FailureCatalog catalog;
    private final double missionHours;
    private final List<List<SampleResult>> strata;
    private final int maxFaults;
    private final int[] faults;
    private final List<String> labels;
    private final long pilotSamples;
    private final long pilotFrames;

    /**
     * @param catalog      the units and rates sampled
     * @param missionHours the flight's length
     * @param strata       the samples, stratum k (k faults) at index k-1
     */
    ImportanceResult(final FailureCatalog catalog, final double missionHours, final List<List<SampleResult>> strata) {
        this(catalog, missionHours, strata.size(), strata, counts(strata.size()), countLabels(strata.size()), 0, 0);
    }

    /**
     * @param catalog      the units and rates sampled
     * @param missionHours the flight's length
     * @param maxFaults    {@code K}, the most faults a sampled flight held
     * @param strata       the samples, by stratum
     * @param faults       per stratum, the number of faults of its flights
     * @param labels       per stratum, what it holds
     * @param pilotSamples samples drawn only to steer the allocation (not in {@code strata})
     * @param pilotFrames  frames they cost
     */
    ImportanceResult(final FailureCatalog catalog, final double missionHours, final int maxFaults,
        final List<List<SampleResult>> strata, final int[] faults, final List<String> labels,
        final long pilotSamples, final long pilotFrames) {
        this.catalog = catalog;
        this.missionHours = missionHours;
        final List<List<SampleResult>> copy = new ArrayList<>();
        for (final List<SampleResult> s : strata) {
            copy.add(List.copyOf(s));
        }
        this.strata = List.copyOf(copy);
        this.maxFaults = maxFaults;
        this.faults = faults.clone();
        this.labels = List.copyOf(labels);
        this.pilotSamples = pilotSamples;
        this.pilotFrames = pilotFrames;
    }

    private static int[] counts(final int k) {
        final int[] f = new int[k];
        for (int i = 0; i < k; i++) {
            f[i] = i + 1;
        }
        return f;
    }

    private static List<String> countLabels(final int k) {
        final List<String> l = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            l.add(i + (i == 1 ? " fault" : " faults"));
        }
        return l;
    }

    /** @return the samples, by stratum: stratum k at index k-1 by count, else in {@link #label} order */
    public List<List<SampleResult>> strata() {
        return strata;
    }

    /** @return {@code K}, the most faults a sampled flight held */
    public int maxFaults() {
        return maxFaults;
    }

    /**
     * @param stratum a stratum's index in {@link #strata}
     * @return the number of faults of its flights
     */
    public int faults(final int stratum) {
        return faults[stratum];
    }

    /**
     * @param stratum a stratum's index in {@link #strata}
     * @return what it holds
     */
    public String label(final int stratum) {
        return labels.get(stratum);
    }

    /** @return samples drawn only to steer the allocation, not counted in any mean (0 by count) */
    public long pilotSamples() {
        return pilotSamples;
    }

    /** @return samples drawn over all strata */
    public long samples() {
        long n = 0;
        for (final List<SampleResult> s : strata) {
            n += s.size();
        }
        return n;
    }

    /** @return frames simulated over all samples, the pilot's included */
    public long frames() {
        long frames = pilotFrames;
        for (final List<SampleResult> s : strata) {
            for (final SampleResult r : s) {
                frames += r.outcome().frames();
            }
        }
        return frames;
    }

    /**
     * @return an upper bound on the chance of more faults than the largest stratum holds (0 when it holds every
     *         unit): {@code (ΛT)^(K+1) / (K+1)!}, Λ the catalog's total rate (each unit fails at most once, so the
     *         count of
     *         faults is a sum of Bernoulli variables with means below {@code λ_u T})
     */
    public double truncationBound() {
        if (maxFaults >= catalog.units().size()) {
            return 0.0;
        }
        final double mean = catalog.totalRate() * missionHours;
        double bound = 1.0;
        for (int j = 1; j <= maxFaults + 1; j++) {
            bound *= mean / j;
        }
        return Math.min(1.0, bound);
    }

    /**
     * @param c a condition
     * @return its probability per flight, with interval
     */
    public Estimate estimate(final Condition c) {
        return estimate(r -> r.score(c), strata.size());
    }

    /**
     * @param c      a condition
     * @param signal a signal's index
     * @return the probability per flight that the condition shows on that signal
     */
    public Estimate estimate(final Condition c, final int signal) {
        return estimate(r -> r.score(c, signal), strata.size());
    }

    /**
     * @param c a condition
     * @param k a stratum, 1 to K
     * @return the stratum's contribution (its own interval, without bounds)
     */
    public Estimate stratum(final Condition c, final int k) {
        final List<Stratum> stats = new ArrayList<>();
        double hidden = 0.0;
        for (int i = 0; i < strata.size(); i++) {
            if (faults[i] == k) {
                final Stratum s = Stratum.of(strata.get(i), c);
                stats.add(s);
                hidden += s.zeroHitBound(Intervals.LEVEL);
            }
        }
        return combine(stats, hidden);
    }

    /**
     * @param c       a condition
     * @param stratum a stratum's index in {@link #strata}
     * @return its contribution (its own interval, widened above by what it could hide when it has no hit)
     */
    public Estimate cell(final Condition c, final int stratum) {
        final Stratum s = Stratum.of(strata.get(stratum), c);
        return combine(List.of(s), s.zeroHitBound(Intervals.LEVEL));
    }

    private Estimate estimate(final ToDoubleFunction<SampleResult> score, final int upTo) {
        final List<Stratum> stats = new ArrayList<>();
        for (int k = 0; k < upTo; k++) {
            stats.add(Stratum.of(strata.get(k), score));
        }
        return combine(stats, truncationBound());
    }

    /**
     * @param stats      per stratum
     * @param extraUpper added to the upper end (what was not sampled)
     * @return the stratified estimate
     */
    static Estimate combine(final List<Stratum> stats, final double extraUpper) {
        double value = 0.0;
        double variance = 0.0;
        long samples = 0;
        long hits = 0;
        for (final Stratum s : stats) {
            value += s.mean();
            variance += s.varianceOfMean();
            samples += s.samples();
            hits += s.hits();
        }
        final double se = Math.sqrt(variance);
        final double z = Intervals.z(Intervals.LEVEL);
        return new Estimate(value, se, Math.max(0.0, value - z * se), value + z * se + extraUpper, samples, hits,
            ess(stats));
    }

    /** Kish's effective sample size of the stratified scores {@code x_i / n_k}. */
    private static double ess(final List<Stratum> stats) {
        double sum = 0.0;
        double sumSq = 0.0;
        for (final Stratum s : stats) {
            if (s.samples() > 0) {
                sum += s.sum() / s.samples();
                sumSq += s.sumSq() / ((double) s.samples() * s.samples());
            }
        }
        return sumSq > 0.0 ? sum * sum / sumSq : 0.0;
    }

    /**
     * The running estimate as the samples accumulate: at each of {@code points} fractions (log-spaced up to 1),
     * the estimate from the first share of every stratum's samples.
     *
     * @param c      a condition
     * @param points number of points
     * @return rows {samples used, estimate, lower, upper}
     */
    public List<double[]> convergence(final Condition c, final int points) {
        final List<double[]> rows = new ArrayList<>();
        final long smallest = Math.max(2, strata.stream().mapToLong(List::size).min().orElse(2) / 50);
        for (int p = 0; p < points; p++) {
            final double fraction = Math.pow((double) smallest / Math.max(smallest, minSize()),
                1.0 - (double) p / (points - 1));
            final List<Stratum> stats = new ArrayList<>();
            long used = 0;
            for (final List<SampleResult> s : strata) {
                final int n = (int) Math.max(Math.min(2, s.size()), Math.ceil(fraction * s.size()));
                stats.add(Stratum.of(s.subList(0, n), r -> r.score(c)));
                used += n;
            }
            final Estimate e = combine(stats, 0.0);
            rows.add(new double[] {used, e.value(), e.lower(), e.upper()});
        }
        return rows;
    }

    private long minSize() {
        return strata.stream().mapToLong(List::size).min().orElse(1);
    }

    /**
     * The fault combinations the condition is charged to ({@link Outcome#cutSet}), with their share of the
     * estimate, largest first.
     *
     * @param c a condition
     * @return combination ({@code unit:mode + unit:mode}) to its contribution per flight
     */
    public List<Map.Entry<String, Double>> cutSets(final Condition c) {
        final Map<String, Double> contribution = new HashMap<>();
        for (final List<SampleResult> s : strata) {
            for (final SampleResult r : s) {
                final double x = r.score(c);
                if (x > 0.0) {
                    contribution.merge(label(r.sequence(), r.outcome().cutSet(c)), x / s.size(), Double::sum);
                }
            }
        }
        final List<Map.Entry<String, Double>> list = new ArrayList<>(contribution.entrySet());
        list.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
            : Double.compare(b.getValue(), a.getValue()));
        return list;
    }

    /**
     * @param sequence a sample's faults
     * @param mask     the faults a condition is charged to
     * @return their labels, sorted, joined by " + "
     */
    String label(final FaultSequence sequence, final long mask) {
        final TreeSet<String> names = new TreeSet<>();
        for (int j = 0; j < sequence.size() && j < Long.SIZE; j++) {
            if ((mask & (1L << j)) != 0) {
                names.add(catalog.label(sequence.event(j)));
            }
        }
        return names.isEmpty() ? "(no sampled fault: bus loss or corruption)" : String.join(" + ", names);
    }
}
