package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.SplittableRandom;

import org.bftvote.testsupport.FaultKind;
import org.bftvote.testsupport.RandomEntryAdversary;
import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property tests: for each configuration and seed, many frames with random readings and random faulty
 * lanes up to a random maximal budget the configuration promises ({@link AgreementConfig#budgetsAfterExcluding}),
 * played by {@link RandomEntryAdversary}. Every frame must satisfy agreement, validity and the symmetric and benign
 * source properties ({@link org.bftvote.testsupport.AgreementChecker}).
 */
@Tag("AGR-1")
@Tag("VAL-1")
@Tag("VAL-2")
class AgreementPropertyTest {
    private static final int FRAMES = 60;
    private static final int DOMAIN = 3;

    static java.util.stream.LongStream seeds() {
        return Seeds.seeds();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void omOneAtFourLanes(final long seed) {
        holds(Scenario.om(4, 1, 2), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void omOneAtFiveLanes(final long seed) {
        holds(Scenario.om(5, 1, 2), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void omOneAtSixLanes(final long seed) {
        holds(Scenario.om(6, 1, 2), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void omTwoAtSevenLanes(final long seed) {
        holds(Scenario.om(7, 2, 2), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void hybridFiveLanesOneAsymmetricOneBenign(final long seed) {
        holds(Scenario.omh(5, 1, 2, 1, 0, 1), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void hybridSixLanesOneAsymmetricOneSymmetric(final long seed) {
        holds(Scenario.omh(6, 1, 2, 1, 1, 0), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void hybridFourLanesOneAsymmetric(final long seed) {
        holds(Scenario.omh(4, 1, 2, 1, 0, 0), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void hybridFourLanesBenignOnly(final long seed) {
        holds(Scenario.omh(4, 1, 2, 0, 0, 2), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void hybridThreeLanesNoRelayBenignOnly(final long seed) {
        holds(Scenario.omh(3, 0, 2, 0, 0, 2), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void hybridTwoRoundsSevenLanes(final long seed) {
        holds(Scenario.omh(7, 2, 2, 2, 0, 0), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void hybridTwoRoundsEightLanesMixed(final long seed) {
        holds(Scenario.omh(8, 2, 1, 1, 1, 1), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void hybridTwoRoundsSixLanesBenignHeavy(final long seed) {
        holds(Scenario.omh(6, 2, 2, 0, 0, 3), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void excludedLanesActAsBenignInHybrid(final long seed) {
        holdsWithExclusion(Scenario.omh(6, 1, 2, 1, 1, 0), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void excludedLanesActAsSymmetricInOm(final long seed) {
        holdsWithExclusion(Scenario.om(7, 1, 2), seed);
    }

    private static void holds(final AgreementConfig config, final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final Scenario scenario = new Scenario(config, new RandomEntryAdversary(random.split(), DOMAIN));
        final List<FaultBudget> budgets = config.budgetsAfterExcluding(0);
        for (int frame = 0; frame < FRAMES; frame++) {
            scenario.randomInputs(random, DOMAIN);
            scenario.randomFaults(random, budgets, 0L);
            assertNull(scenario.run(frame), Seeds.replay(seed) + " frame " + frame + " " + config);
        }
    }

    /**
     * Excludes k lanes at every engine (those lanes then send anything, which must be ignored) and adds faults up to
     * a budget that still holds with the remaining lanes.
     */
    private static void holdsWithExclusion(final AgreementConfig config, final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final Scenario scenario = new Scenario(config, new RandomEntryAdversary(random.split(), DOMAIN));
        int allowed = 0;
        while (allowed < config.lanes() && !config.budgetsAfterExcluding(allowed + 1).isEmpty()) {
            allowed++;
        }
        final int excluded = 1 + random.nextInt(allowed);
        final int[] order = scenario.shuffledLanes(random);
        long mask = 0;
        for (int i = 0; i < excluded; i++) {
            mask |= 1L << order[i];
            scenario.kinds[order[i]] = FaultKind.ASYMMETRIC;
            for (final EigEngine engine : scenario.engines) {
                engine.excludeLane(order[i]);
            }
        }
        final List<FaultBudget> budgets = config.budgetsAfterExcluding(excluded);
        final byte absent = config.mode() == AgreementConfig.Mode.HYBRID_CORRECTED
            ? EntryStatus.MISSING : EntryStatus.DEFAULT;
        for (int frame = 0; frame < FRAMES; frame++) {
            scenario.randomInputs(random, DOMAIN);
            scenario.randomFaults(random, budgets, mask);
            assertNull(scenario.run(frame), Seeds.replay(seed) + " frame " + frame + " excluded " + mask);
            for (int lane = 0; lane < config.lanes(); lane++) {
                if (scenario.kinds[lane] != FaultKind.HEALTHY) {
                    continue;
                }
                for (int source = 0; source < config.lanes(); source++) {
                    if ((mask >>> source & 1L) != 0) {
                        assertEquals(absent, scenario.engines[lane].decidedStatus(source, 0),
                            Seeds.replay(seed) + " excluded source " + source + " at lane " + lane);
                    }
                }
            }
        }
    }
}
