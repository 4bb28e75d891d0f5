package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.bftvote.testsupport.FaultKind;
import org.bftvote.testsupport.ScriptedAdversary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exhaustive check at n = 4, m = 1, K = 1: one faulty lane in each of the four positions; every behaviour of it,
 * that is every combination of what it sends each receiver in each round for each entry, over the domain
 * {0, 1, nothing} (3^9 = 19,683 behaviours: 3 round-1 entries, 6 relayed entries); every combination of the three
 * healthy sources' readings over {0, 1, missing} (27). Agreement and validity must hold in every case.
 */
@Tag("AGR-1")
@Tag("VAL-1")
@Tag("VAL-2")
class ExhaustiveOneFaultTest {
    private static final int[] DOMAIN = {0, 1, ScriptedAdversary.NOTHING};
    private static final int[] DOMAIN_WITH_TOKEN = {0, 1, ScriptedAdversary.NOTHING, ScriptedAdversary.TOKEN};

    @Test
    void omOneAtFourLanesEveryBehaviourOfOneFaultyLane() {
        assertEquals(2_125_764, everyBehaviour(Scenario.om(4, 1, 1), DOMAIN, 3));
    }

    @Test
    void correctedHybridAtFourLanesEveryBehaviourOfOneAsymmetricLane() {
        assertEquals(2_125_764, everyBehaviour(Scenario.omh(4, 1, 1, 1, 0, 0), DOMAIN, 3));
    }

    /** The same with the relayed-error token as a fourth choice (4^9 behaviours), healthy readings over {0, 1}. */
    @Test
    void correctedHybridAtFourLanesWithForgedTokens() {
        assertEquals(8_388_608, everyBehaviour(Scenario.omh(4, 1, 1, 1, 0, 0), DOMAIN_WITH_TOKEN, 2));
    }

    /**
     * @return the number of frames checked
     */
    static long everyBehaviour(final AgreementConfig config, final int[] domain, final int inputChoices) {
        final EigPaths paths = new EigPaths(config.lanes(), config.m());
        final ScriptedAdversary script = new ScriptedAdversary(paths, 1,
            config.mode() == AgreementConfig.Mode.HYBRID_CORRECTED);
        final Scenario scenario = new Scenario(config, script);
        final int n = config.lanes();
        long frames = 0;
        for (int faulty = 0; faulty < n; faulty++) {
            java.util.Arrays.fill(scenario.kinds, FaultKind.HEALTHY);
            scenario.kinds[faulty] = FaultKind.ASYMMETRIC;
            final int[] slots = script.slotsOf(paths, 1, faulty, -1);
            final int[] digits = new int[slots.length];
            final long behaviours = pow(domain.length, slots.length);
            final long inputCases = pow(inputChoices, n - 1);
            for (long behaviour = 0; behaviour < behaviours; behaviour++) {
                long rest = behaviour;
                for (int i = 0; i < slots.length; i++) {
                    digits[i] = (int) (rest % domain.length);
                    rest /= domain.length;
                    script.set(slots[i], domain[digits[i]]);
                }
                for (long input = 0; input < inputCases; input++) {
                    setInputs(scenario, faulty, input, inputChoices);
                    final String violation = scenario.run(frames);
                    if (violation != null) {
                        assertNull(violation, "faulty lane " + faulty + " behaviour "
                            + java.util.Arrays.toString(digits) + " over " + java.util.Arrays.toString(domain)
                            + " input case " + input);
                    }
                    frames++;
                }
            }
        }
        return frames;
    }

    private static void setInputs(final Scenario scenario, final int faulty, final long inputCase, final int choices) {
        long rest = inputCase;
        for (int lane = 0; lane < scenario.inputs.length; lane++) {
            // The faulty lane's own reading is irrelevant: the script decides what it sends.
            scenario.inputs[lane][0] = 0;
            scenario.inputStatus[lane][0] = EntryStatus.VALUE;
            if (lane == faulty) {
                continue;
            }
            final int digit = (int) (rest % choices);
            rest /= choices;
            scenario.inputs[lane][0] = digit == 2 ? 0 : digit;
            scenario.inputStatus[lane][0] = digit == 2 ? EntryStatus.MISSING : EntryStatus.VALUE;
        }
    }

    static long pow(final int base, final int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
