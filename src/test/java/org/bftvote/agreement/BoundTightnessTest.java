package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.bftvote.testsupport.FaultKind;
import org.bftvote.testsupport.RandomEntryAdversary;
import org.bftvote.testsupport.ScriptedAdversary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bounds are tight: one lane fewer than the bound asks and the checker finds a violation. Configurations
 * outside the bound are built through the package-private {@code buildOutsideBound()}, which only tests use.
 */
@Tag("AGR-2")
class BoundTightnessTest {
    private static final long SEED = 0xB0_0D_5EEDL;

    @Test
    void omOneAtThreeLanesFailsForOneByzantineLane() {
        final AgreementConfig config = AgreementConfig.builder(3, 1, 1).omClassic().buildOutsideBound();
        final EigPaths paths = new EigPaths(3, 1);
        final ScriptedAdversary script = new ScriptedAdversary(paths, 1, false);
        final Scenario scenario = new Scenario(config, script);
        final int[] domain = {0, 1, ScriptedAdversary.NOTHING};
        String found = null;
        for (int faulty = 0; faulty < 3 && found == null; faulty++) {
            java.util.Arrays.fill(scenario.kinds, FaultKind.HEALTHY);
            scenario.kinds[faulty] = FaultKind.ASYMMETRIC;
            final int[] slots = script.slotsOf(paths, 1, faulty, -1);
            for (long behaviour = 0; behaviour < ExhaustiveOneFaultTest.pow(3, slots.length) && found == null;
                 behaviour++) {
                long rest = behaviour;
                for (final int slot : slots) {
                    script.set(slot, domain[(int) (rest % 3)]);
                    rest /= 3;
                }
                for (int input = 0; input < 4 && found == null; input++) {
                    int bit = 0;
                    for (int lane = 0; lane < 3; lane++) {
                        scenario.inputs[lane][0] = lane == faulty ? 0 : (input >>> bit++) & 1;
                    }
                    found = scenario.run(behaviour);
                }
            }
        }
        assertNotNull(found, "OM(1) with 3 lanes must fail against one Byzantine lane");
    }

    @Test
    void omTwoAtSixLanesFailsForTwoByzantineLanes() {
        final AgreementConfig config = AgreementConfig.builder(6, 2, 1).omClassic().buildOutsideBound();
        assertTrue(searchFails(config, 2, 0, 0), "OM(2) with 6 lanes must fail against two Byzantine lanes");
    }

    @Test
    void hybridOneBelowBoundWithSymmetricFaultFails() {
        // a = 1, s = 1, m = 1 needs n >= 6.
        final AgreementConfig config = AgreementConfig.builder(5, 1, 1).hybrid(1, 1, 0).buildOutsideBound();
        assertTrue(searchFails(config, 1, 1, 0), "n = 5 with a = 1, s = 1 must fail");
    }

    @Test
    void hybridOneBelowBoundWithBenignFaultFails() {
        // a = 1, b = 1, m = 1 needs n >= 5.
        final AgreementConfig config = AgreementConfig.builder(4, 1, 1).hybrid(1, 0, 1).buildOutsideBound();
        assertTrue(searchFails(config, 1, 0, 1), "n = 4 with a = 1, b = 1 must fail");
    }

    @Test
    void hybridOneBelowBoundWithTwoBenignFaultsFails() {
        // a = 1, b = 2, m = 1 needs n >= 6.
        final AgreementConfig config = AgreementConfig.builder(5, 1, 1).hybrid(1, 0, 2).buildOutsideBound();
        assertTrue(searchFails(config, 1, 0, 2), "n = 5 with a = 1, b = 2 must fail");
    }

    @Test
    void fewerRoundsThanAsymmetricFaultsFails() {
        // m >= a: two Byzantine lanes need three rounds, however many lanes there are.
        final AgreementConfig config = AgreementConfig.builder(7, 1, 1).hybrid(2, 0, 0).buildOutsideBound();
        assertTrue(searchFails(config, 2, 0, 0), "m = 1 with a = 2 must fail");
    }

    @Test
    void withinTheBoundTheSameSearchFindsNothing() {
        final AgreementConfig config = AgreementConfig.builder(6, 1, 1).hybrid(1, 1, 0).build();
        final Scenario scenario = new Scenario(config, new RandomEntryAdversary(new SplittableRandom(SEED), 3));
        final SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int frame = 0; frame < 20_000; frame++) {
            place(scenario, random, 1, 1, 0);
            scenario.randomInputs(random, 3);
            assertNull(scenario.run(frame), "seed " + SEED + " frame " + frame);
        }
    }

    /** Random faults of the given counts, random behaviour, until the checker reports a violation. */
    private static boolean searchFails(final AgreementConfig config, final int a, final int s, final int b) {
        final Scenario scenario = new Scenario(config, new RandomEntryAdversary(new SplittableRandom(SEED), 3));
        final SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int frame = 0; frame < 200_000; frame++) {
            place(scenario, random, a, s, b);
            scenario.randomInputs(random, 3);
            if (scenario.run(frame) != null) {
                return true;
            }
        }
        return false;
    }

    private static void place(final Scenario scenario, final SplittableRandom random, final int a, final int s,
                              final int b) {
        java.util.Arrays.fill(scenario.kinds, FaultKind.HEALTHY);
        final int[] order = scenario.shuffledLanes(random);
        for (int i = 0; i < a + s + b; i++) {
            scenario.kinds[order[i]] = i < a ? FaultKind.ASYMMETRIC : i < a + s ? FaultKind.SYMMETRIC
                : FaultKind.BENIGN;
        }
    }
}
