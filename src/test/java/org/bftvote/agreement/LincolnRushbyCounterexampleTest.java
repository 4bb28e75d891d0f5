package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.testsupport.FaultKind;
import org.bftvote.testsupport.ScriptedAdversary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The scenario Lincoln and Rushby (1993) used to show that Thambidurai and Park's 1988 OMH is wrong: n = 5, m = 1,
 * a benign source and one Byzantine relay (budget a = 1, b = 1 holds: 5 &gt; 2 + 1 + 1). Exhaustive over every
 * placement of the two faulty lanes (20), everything the Byzantine relay forwards about the benign source to each
 * of the three good lanes over {0, 1, 2, nothing, R_E} (125) and the good lanes' readings over {0, 1} (8).
 * The corrected algorithm must hold in all 20,000 cases; the 1988 variant must break agreement.
 */
@Tag("AGR-2")
class LincolnRushbyCounterexampleTest {
    private static final int[] DOMAIN = {0, 1, 2, ScriptedAdversary.NOTHING, ScriptedAdversary.TOKEN};

    @Test
    void correctedAlgorithmHoldsInEveryCase() {
        final Outcome outcome = explore(EigEngine.Variant.CORRECTED);
        assertEquals(20_000, outcome.frames);
        assertNull(outcome.firstViolation, outcome.firstViolation);
    }

    @Test
    void originalAlgorithmOf1988BreaksAgreement() {
        final Outcome outcome = explore(EigEngine.Variant.ORIGINAL_1988);
        assertNotNull(outcome.firstDisagreement, "the 1988 variant should disagree when the relay sends x, y, z");
        assertTrue(outcome.disagreements > 0);
    }

    /** The exact textbook trace: the relay sends 0, 1, 2 to the three good lanes. */
    @Test
    void textbookTraceDecidesMissingEverywhere() {
        final AgreementConfig config = Scenario.omh(5, 1, 1, 1, 0, 1);
        final Scenario corrected = textbook(config, EigEngine.Variant.CORRECTED);
        assertNull(corrected.run(0));
        for (int lane = 2; lane < 5; lane++) {
            assertEquals(EntryStatus.MISSING, corrected.engines[lane].decidedStatus(0, 0), "lane " + lane);
        }
        final Scenario original = textbook(config, EigEngine.Variant.ORIGINAL_1988);
        assertNotNull(original.run(0));
        assertEquals(0, original.engines[2].decidedWord(0, 0));
        assertEquals(1, original.engines[3].decidedWord(0, 0));
        assertEquals(2, original.engines[4].decidedWord(0, 0));
    }

    private static Scenario textbook(final AgreementConfig config, final EigEngine.Variant variant) {
        final EigPaths paths = new EigPaths(5, 1);
        final ScriptedAdversary script = new ScriptedAdversary(paths, 1, true);
        final Scenario scenario = new Scenario(config, script, variant);
        scenario.kinds[0] = FaultKind.BENIGN;
        scenario.kinds[1] = FaultKind.ASYMMETRIC;
        final int relayed = paths.child(0, 1);
        for (int receiver = 2; receiver < 5; receiver++) {
            script.set(script.key(2, receiver, relayed, 0), receiver - 2);
            scenario.inputs[receiver][0] = 7;
        }
        return scenario;
    }

    private static Outcome explore(final EigEngine.Variant variant) {
        final AgreementConfig config = Scenario.omh(5, 1, 1, 1, 0, 1);
        final EigPaths paths = new EigPaths(5, 1);
        final ScriptedAdversary script = new ScriptedAdversary(paths, 1, true);
        final Scenario scenario = new Scenario(config, script, variant);
        final Outcome outcome = new Outcome();
        for (int source = 0; source < 5; source++) {
            for (int relay = 0; relay < 5; relay++) {
                if (relay == source) {
                    continue;
                }
                java.util.Arrays.fill(scenario.kinds, FaultKind.HEALTHY);
                scenario.kinds[source] = FaultKind.BENIGN;
                scenario.kinds[relay] = FaultKind.ASYMMETRIC;
                script.clear();
                final int[] slots = script.slotsOf(paths, 1, relay, source);
                assertEquals(3, slots.length);
                final long behaviours = ExhaustiveOneFaultTest.pow(DOMAIN.length, slots.length);
                for (long behaviour = 0; behaviour < behaviours; behaviour++) {
                    long rest = behaviour;
                    for (final int slot : slots) {
                        script.set(slot, DOMAIN[(int) (rest % DOMAIN.length)]);
                        rest /= DOMAIN.length;
                    }
                    for (int input = 0; input < 8; input++) {
                        int bit = 0;
                        for (int lane = 0; lane < 5; lane++) {
                            scenario.inputStatus[lane][0] = EntryStatus.VALUE;
                            scenario.inputs[lane][0] = lane == source || lane == relay ? 0 : (input >>> bit++) & 1;
                        }
                        final String violation = scenario.run(outcome.frames++);
                        if (violation != null && violation.startsWith("agreement violated")) {
                            outcome.disagreements++;
                            if (outcome.firstDisagreement == null) {
                                outcome.firstDisagreement = violation;
                            }
                        }
                        if (violation != null) {
                            if (outcome.firstViolation == null) {
                                outcome.firstViolation = violation + " (benign source " + source + ", relay "
                                    + relay + ", behaviour " + behaviour + ", input " + input + ")";
                            }
                        }
                    }
                }
            }
        }
        return outcome;
    }

    private static final class Outcome {
        long frames;
        long disagreements;
        String firstViolation;
        String firstDisagreement;
    }
}
