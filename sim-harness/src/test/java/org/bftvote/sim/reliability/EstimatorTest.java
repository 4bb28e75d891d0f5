package org.bftvote.sim.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bftvote.sim.emulation.RandomStreams;
import org.bftvote.sim.emulation.SimRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The estimators on the triplex whose answer is known in closed form, P(2 of 3 failed within t): importance
 * sampling lands within its interval at 1e-9-level probabilities, plain Monte Carlo does at inflated rates, and the
 * two agree where both are feasible.
 */
class EstimatorTest {
    private static final double[] NOMINAL = {2.0e-5, 1.0e-5, 8.3e-5};

    private static Estimate importance(final double[] rates, final int budget, final long seed) throws Exception {
        return new ImportanceSampling(Triplex.catalog(rates), Triplex.twoOfThree(), 1.0, 3, 0.5, seed, 2)
            .run(budget, i -> { }).estimate(Condition.LOSS_OF_SIGNAL);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void importanceSamplingLandsWithinItsIntervalAtTheNinesLevel(final long seed) throws Exception {
        final double exact = Triplex.exact(1.0, NOMINAL);
        final Estimate e = importance(NOMINAL, 600, seed);
        assertTrue(exact > 1e-9 && exact < 1e-8, Double.toString(exact));
        assertTrue(e.lower() <= exact && exact <= e.upper(), "seed " + seed + ": exact " + exact + " outside " + e);
        assertTrue(e.relativeHalfWidth() < 0.10, "seed " + seed + ": " + e);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void anAllocationForOneConditionServesItAndStaysWithinItsInterval(final long seed) throws Exception {
        // A frequent single-fault condition beside the rare two-fault one: shared, the allocation spends on
        // stratum 1; for the rare one alone, on strata 2 and 3, and its estimate must stay unbiased.
        final FailureCatalog catalog = Triplex.catalog(NOMINAL);
        final ConsequenceOracle oracle = Triplex.twoOfThreeAndAgreementLostByUnitTwo();
        final ImportanceResult shared = new ImportanceSampling(catalog, oracle, 1.0, 3, 0.5, seed, 2)
            .run(600, i -> { });
        final ImportanceResult focused = new ImportanceSampling(catalog, oracle, 1.0, 3, 0.5, seed, 2,
            List.of(Condition.LOSS_OF_SIGNAL)).run(600, i -> { });
        final double exact = Triplex.exact(1.0, NOMINAL);
        final Estimate e = focused.estimate(Condition.LOSS_OF_SIGNAL);
        assertTrue(e.lower() <= exact && exact <= e.upper(), "seed " + seed + ": exact " + exact + " outside " + e);
        assertTrue(focused.strata().get(1).size() > 2 * shared.strata().get(1).size(),
            "seed " + seed + ": stratum 2 got " + focused.strata().get(1).size() + " vs "
                + shared.strata().get(1).size());
        assertTrue(e.relativeHalfWidth() < shared.estimate(Condition.LOSS_OF_SIGNAL).relativeHalfWidth(),
            "seed " + seed + ": " + e + " vs " + shared.estimate(Condition.LOSS_OF_SIGNAL));
        final double agreement = -Math.expm1(-NOMINAL[2]) / 2.0;
        final Estimate a = shared.estimate(Condition.LOSS_OF_AGREEMENT);
        assertTrue(a.lower() <= agreement && agreement <= a.upper(),
            "seed " + seed + ": " + agreement + " outside " + a);
    }

    @Test
    void theIntervalIsTightEnoughToMissAWrongAnswer() throws Exception {
        // The same estimate must exclude the answer of rates 20 % higher: the test above could not pass by width.
        final Estimate e = importance(NOMINAL, 600, 1);
        final double[] higher = {NOMINAL[0] * 1.2, NOMINAL[1] * 1.2, NOMINAL[2] * 1.2};
        final double wrong = Triplex.exact(1.0, higher);
        assertTrue(wrong > e.upper(), wrong + " inside " + e);
    }

    @Test
    void plainMonteCarloAndImportanceSamplingAgreeAtInflatedRates() throws Exception {
        final double[] inflated = {0.3, 0.2, 0.5};
        final double exact = Triplex.exact(1.0, inflated);
        final Estimate is = importance(inflated, 600, 9);
        final Estimate mc = PlainMonteCarlo.run(Triplex.catalog(inflated), Triplex.twoOfThree(), 1.0, 4000, 9, 2,
            i -> { }).estimate(Condition.LOSS_OF_SIGNAL);
        assertTrue(is.lower() <= exact && exact <= is.upper(), exact + " outside " + is);
        assertTrue(mc.lower() <= exact && exact <= mc.upper(), exact + " outside " + mc);
        assertTrue(is.overlaps(mc), is + " vs " + mc);
        assertTrue(is.relativeHalfWidth() < mc.relativeHalfWidth(), is + " vs " + mc);
    }

    @Test
    void likelihoodRatiosAverageToTheChanceOfExactlyKFaults() {
        // E_q[LR] over stratum k = P(exactly k faults): for k = 1, sum over units of p_u * prod_{v != u} (1 - p_v).
        final FailureCatalog catalog = Triplex.catalog(NOMINAL);
        final ForcedTransitions t = new ForcedTransitions(catalog, 1.0, 0.5);
        double sum = 0.0;
        final int n = 20_000;
        for (int i = 0; i < n; i++) {
            final SimRandom random = new RandomStreams(3).stream("lr." + i);
            sum += t.draw(1, random).likelihoodRatio();
        }
        final double[] p = new double[3];
        for (int u = 0; u < 3; u++) {
            p[u] = -Math.expm1(-NOMINAL[u]);
        }
        final double exactlyOne = p[0] * (1 - p[1]) * (1 - p[2]) + (1 - p[0]) * p[1] * (1 - p[2])
            + (1 - p[0]) * (1 - p[1]) * p[2];
        assertEquals(exactlyOne, sum / n, exactlyOne * 0.02);
    }

    @Test
    void theThreadCountDoesNotChangeTheSamples() throws Exception {
        final List<List<SampleResult>> one = new ImportanceSampling(Triplex.catalog(NOMINAL), Triplex.twoOfThree(),
            1.0, 3, 0.5, 4, 1).run(120, i -> { }).strata();
        final List<List<SampleResult>> three = new ImportanceSampling(Triplex.catalog(NOMINAL), Triplex.twoOfThree(),
            1.0, 3, 0.5, 4, 3).run(120, i -> { }).strata();
        assertEquals(one, three);
    }
}
