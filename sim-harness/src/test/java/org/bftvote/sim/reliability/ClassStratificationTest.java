package org.bftvote.sim.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.bftvote.sim.emulation.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Importance sampling stratified by fault class ({@link Stratification#CLASSES}): the classes' exact probabilities
 * add up to the chance of exactly one and exactly two faults, and on small models whose answer is known in closed
 * form the estimate lands within its interval and its mean over many seeds on the answer, including a condition that
 * depends on which fault came first, when, and in which mode (so that a draw of the wrong onset law or mode law
 * would show as a bias).
 */
class ClassStratificationTest {
    private static final double[] NOMINAL = {2.0e-5, 1.0e-5, 8.3e-5};
    /** Rates per hour of the model with two modes per unit: high enough that the onset law is far from uniform. */
    private static final double[][] TWO_MODES = {{0.6, 0.9}, {0.3, 0.5}, {1.1, 0.4}};
    private static final double BEFORE = 0.4;

    private static ImportanceSampling classes(final FailureCatalog catalog, final ConsequenceOracle oracle,
        final long seed, final int threads) {
        return new ImportanceSampling(catalog, oracle, 1.0, 3, 0.5, seed, threads, List.of(Condition.values()),
            Stratification.CLASSES);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void landsWithinItsIntervalAtTheNinesLevel(final long seed) throws Exception {
        final double exact = Triplex.exact(1.0, NOMINAL);
        final Estimate e = classes(Triplex.catalog(NOMINAL), Triplex.twoOfThree(), seed, 2).run(600, i -> { })
            .estimate(Condition.LOSS_OF_SIGNAL);
        assertTrue(e.lower() <= exact && exact <= e.upper(), "seed " + seed + ": exact " + exact + " outside " + e);
        assertTrue(e.relativeHalfWidth() < 0.01, "seed " + seed + ": " + e);
    }

    @Test
    void theClassesOfOneAndTwoFaultsAddUpToTheChanceOfExactlyOneAndTwo() {
        final FailureCatalog catalog = twoModes();
        final double[] exactly = exactlyK(catalog, 1.0);
        for (int k = 1; k <= 2; k++) {
            double sum = 0.0;
            for (final FaultClass c : FaultClass.of(catalog, 1.0, k)) {
                sum += c.probability();
                assertEquals(k, c.faults(), c.label());
            }
            assertEquals(exactly[k], sum, exactly[k] * 1e-12, "k = " + k);
        }
        assertTrue(FaultClass.of(catalog, 1.0, 2).size() > 1, "pairs split by their rarer mode");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aConditionOnOrderTimeAndModeLandsWithinItsInterval(final long seed) throws Exception {
        final double exact = firstIsBadAndEarly(1.0);
        final Estimate e = classes(twoModes(), firstBadAndEarlyOracle(), seed, 2).run(900, i -> { })
            .estimate(Condition.LOSS_OF_SIGNAL);
        assertTrue(e.lower() <= exact && exact <= e.upper(), "seed " + seed + ": exact " + exact + " outside " + e);
    }

    @Test
    void itsMeanOverManySeedsIsTheClosedForm() throws Exception {
        // 80 independent estimates: their mean has a standard error about 1 % of the answer, so a bias of a few per
        // cent (onsets drawn uniformly, modes drawn evenly, a pilot pooled into the means) would show here.
        final double exact = firstIsBadAndEarly(1.0);
        final double[] values = LongStream.range(100, 180).mapToDouble(seed -> {
            try {
                return classes(twoModes(), firstBadAndEarlyOracle(), seed, 2).run(600, i -> { })
                    .estimate(Condition.LOSS_OF_SIGNAL).value();
            } catch (final Exception x) {
                throw new IllegalStateException(x);
            }
        }).toArray();
        double mean = 0.0;
        for (final double v : values) {
            mean += v / values.length;
        }
        double var = 0.0;
        for (final double v : values) {
            var += (v - mean) * (v - mean) / (values.length - 1);
        }
        final double se = Math.sqrt(var / values.length);
        assertTrue(Math.abs(mean - exact) < 3.5 * se, "mean " + mean + " vs exact " + exact + ", se " + se);
        assertTrue(se < 0.015 * exact, "se " + se + " of " + exact);
    }

    @Test
    void theThreadCountDoesNotChangeTheSamples() throws Exception {
        final ImportanceResult one = classes(twoModes(), firstBadAndEarlyOracle(), 4, 1).run(200, i -> { });
        final ImportanceResult three = classes(twoModes(), firstBadAndEarlyOracle(), 4, 3).run(200, i -> { });
        assertEquals(one.strata(), three.strata());
        assertEquals(one.pilotSamples(), three.pilotSamples());
        assertTrue(one.pilotSamples() > 0);
    }

    @Test
    void theNeymanShareGoesWhereTheConditionShowsAndVaries() throws Exception {
        // Single faults never show it: their classes keep the floor of two. Every pair shows it, so a pair class's
        // weight is its exact probability and its mean has no variance: the floor again. Triples get the rest.
        final FailureCatalog catalog = Triplex.catalog(NOMINAL);
        final ImportanceResult r = classes(catalog, Triplex.twoOfThree(), 7, 2).run(300, i -> { });
        for (int s = 0; s < r.strata().size(); s++) {
            if (r.faults(s) < 3) {
                assertEquals(2, r.strata().get(s).size(), r.label(s));
            }
        }
        final Estimate pairs = r.stratum(Condition.LOSS_OF_SIGNAL, 2);
        final double exactlyTwo = exactlyK(catalog, 1.0)[2];
        assertEquals(exactlyTwo, pairs.value(), exactlyTwo * 1e-12, pairs.toString());
        assertEquals(0, r.stratum(Condition.LOSS_OF_SIGNAL, 1).hits());
        assertTrue(r.stratum(Condition.LOSS_OF_SIGNAL, 3).samples() > 200, r.stratum(Condition.LOSS_OF_SIGNAL, 3)
            .toString());
    }

    /** Three units of one signal, one per lane, each with a "bad" and a "benign" mode at {@link #TWO_MODES}. */
    static FailureCatalog twoModes() {
        final List<FailureUnit> units = new ArrayList<>();
        final List<FailureEvent> events = new ArrayList<>();
        for (int u = 0; u < TWO_MODES.length; u++) {
            units.add(new FailureUnit("L" + u + ".x", u, 0, 2 * u, 2, TWO_MODES[u][0] + TWO_MODES[u][1]));
            events.add(new FailureEvent(u, "bad", TWO_MODES[u][0], Double.NaN, (id, start) -> {
                throw new UnsupportedOperationException("not simulated");
            }));
            events.add(new FailureEvent(u, "benign", TWO_MODES[u][1], Double.NaN, (id, start) -> {
                throw new UnsupportedOperationException("not simulated");
            }));
        }
        return FailureCatalog.of(units, events);
    }

    /** Loss of signal iff two or more faults and the first of them is a bad mode that struck before {@link #BEFORE}. */
    static ConsequenceOracle firstBadAndEarlyOracle() {
        return (sequence, seed) -> {
            final int c = Condition.values().length;
            final long[] first = new long[c];
            final long[] signals = new long[c];
            final long[] cut = new long[c];
            java.util.Arrays.fill(first, -1L);
            if (sequence.size() >= 2 && sequence.event(0) % 2 == 0 && sequence.hour(0) < BEFORE) {
                first[Condition.LOSS_OF_SIGNAL.ordinal()] = 1;
                signals[Condition.LOSS_OF_SIGNAL.ordinal()] = 1L;
                cut[Condition.LOSS_OF_SIGNAL.ordinal()] = 0b11;
            }
            return new Outcome(first, signals, cut, new long[sequence.size()], 100L * sequence.size());
        };
    }

    /**
     * The closed form of {@link #firstBadAndEarlyOracle}: the sum over the unit {@code u} that fails first, at
     * {@code t < BEFORE} in its bad mode (density {@code bad_u · exp(−λ_u t)}), of the chance that at least one of
     * the other two fails in {@code (t, T]} — the chance that not both of them survive to {@code T} given they
     * survived to {@code t}, times that they survived to {@code t}: {@code Π_v e^{−λ_v t} − Π_v e^{−λ_v T}}.
     */
    static double firstIsBadAndEarly(final double hours) {
        double total = 0.0;
        for (int u = 0; u < 3; u++) {
            final double bad = TWO_MODES[u][0];
            final double lu = rate(u);
            final double others = rate((u + 1) % 3) + rate((u + 2) % 3);
            final double survive = Math.exp(-others * hours);
            // ∫_0^τ bad·e^{−λu t}·(e^{−(λv+λw) t} − e^{−(λv+λw) T}) dt
            total += bad * (integral(lu + others, BEFORE) - survive * integral(lu, BEFORE));
        }
        return total;
    }

    private static double rate(final int u) {
        return TWO_MODES[u][0] + TWO_MODES[u][1];
    }

    private static double integral(final double c, final double tau) {
        return -Math.expm1(-c * tau) / c;
    }

    /** P(exactly k units fail), k = 0..n, by the Poisson-binomial recursion. */
    private static double[] exactlyK(final FailureCatalog catalog, final double hours) {
        final int n = catalog.units().size();
        double[] p = new double[n + 1];
        p[0] = 1.0;
        for (final FailureUnit u : catalog.units()) {
            final double f = -Math.expm1(-u.ratePerHour() * hours);
            final double[] next = new double[n + 1];
            for (int k = 0; k <= n; k++) {
                next[k] += p[k] * (1.0 - f);
                if (k + 1 <= n) {
                    next[k + 1] += p[k] * f;
                }
            }
            p = next;
        }
        return p;
    }

    @Test
    void drawsAreAFunctionOfTheStreamAlone() {
        final FaultClass c = FaultClass.of(twoModes(), 1.0, 2).get(0);
        assertEquals(c.draw(new RandomStreams(9).stream("x")).sequence(),
            c.draw(new RandomStreams(9).stream("x")).sequence());
    }
}
