package org.bftvote.testsupport;

import org.bftvote.agreement.AgreementConfig;
import org.bftvote.agreement.EigEngine;
import org.bftvote.agreement.EntryStatus;

/**
 * Checks the interactive-consistency properties after a simulated frame, over every healthy lane, source and
 * signal:
 * <ul>
 *   <li>agreement: every healthy lane decides the same word and status;</li>
 *   <li>validity: a healthy source's entry is its reading (a missing reading: MISSING in OMH, DEFAULT in OM);</li>
 *   <li>symmetric source: the word it sent everyone in round 1 (if it sent no valid value: as benign);</li>
 *   <li>benign source: MISSING in OMH; DEFAULT in OM, where a missing message is the default.</li>
 * </ul>
 * Allocates only to describe a violation.
 */
public final class AgreementChecker {
    private AgreementChecker() {
    }

    /**
     * @param sim         the simulator after {@link SyncRoundSimulator#runFrame}
     * @param inputs      the readings of that frame
     * @param inputStatus their statuses
     * @return null if every property holds, else a description of the first violation
     */
    public static String check(final SyncRoundSimulator sim, final long[][] inputs, final byte[][] inputStatus) {
        final EigEngine[] engines = sim.engines();
        final FaultKind[] kinds = sim.kinds();
        final AgreementConfig config = engines[0].config();
        final boolean hybrid = config.mode() == AgreementConfig.Mode.HYBRID_CORRECTED;
        final byte absent = hybrid ? EntryStatus.MISSING : EntryStatus.DEFAULT;
        int reference = -1;
        for (int lane = 0; lane < kinds.length; lane++) {
            if (!kinds[lane].faulty()) {
                reference = lane;
                break;
            }
        }
        if (reference < 0) {
            return null;
        }
        for (int source = 0; source < kinds.length; source++) {
            for (int signal = 0; signal < config.signals(); signal++) {
                final long word = engines[reference].decidedWord(source, signal);
                final byte status = engines[reference].decidedStatus(source, signal);
                for (int lane = 0; lane < kinds.length; lane++) {
                    if (kinds[lane].faulty()) {
                        continue;
                    }
                    if (engines[lane].decidedWord(source, signal) != word
                        || engines[lane].decidedStatus(source, signal) != status) {
                        return "agreement violated: source " + source + " (" + kinds[source] + ") signal " + signal
                            + ": lane " + reference + " decided " + describe(word, status) + ", lane " + lane
                            + " decided " + describe(engines[lane].decidedWord(source, signal),
                            engines[lane].decidedStatus(source, signal)) + "; lanes "
                            + java.util.Arrays.toString(kinds);
                    }
                }
                final String wrong = expected(sim, config, kinds, source, signal, absent, inputs, inputStatus,
                    reference);
                if (wrong != null) {
                    return wrong + "; lanes " + java.util.Arrays.toString(kinds);
                }
            }
        }
        return null;
    }

    /** What the healthy lanes, as lane {@code reference} decided, should have decided for one source and signal. */
    private static String expected(final SyncRoundSimulator sim, final AgreementConfig config,
                                   final FaultKind[] kinds, final int source, final int signal, final byte absent,
                                   final long[][] inputs, final byte[][] inputStatus, final int reference) {
        final long word = sim.engines()[reference].decidedWord(source, signal);
        final byte status = sim.engines()[reference].decidedStatus(source, signal);
        final long expectWord;
        final byte expectStatus;
        switch (kinds[source]) {
            case HEALTHY:
                if (inputStatus[source][signal] == EntryStatus.VALUE) {
                    expectWord = inputs[source][signal];
                    expectStatus = EntryStatus.VALUE;
                } else {
                    expectWord = config.defaultWord();
                    expectStatus = absent;
                }
                break;
            case SYMMETRIC:
                if (sim.firstRoundStatus(source, reference, signal) == EntryStatus.VALUE) {
                    expectWord = sim.firstRoundWord(source, reference, signal);
                    expectStatus = EntryStatus.VALUE;
                } else if (config.mode() == AgreementConfig.Mode.OM_CLASSIC) {
                    expectWord = config.defaultWord();
                    expectStatus = EntryStatus.DEFAULT;
                } else {
                    expectWord = config.defaultWord();
                    expectStatus = EntryStatus.MISSING;
                }
                break;
            case BENIGN:
                expectWord = config.defaultWord();
                expectStatus = absent;
                break;
            default:
                return null;
        }
        if (word != expectWord || status != expectStatus) {
            return (kinds[source] == FaultKind.HEALTHY ? "validity" : kinds[source] + "-source property")
                + " violated: source " + source + " signal " + signal + ": expected "
                + describe(expectWord, expectStatus) + ", healthy lanes decided " + describe(word, status);
        }
        return null;
    }

    private static String describe(final long word, final byte status) {
        return EntryStatus.name(status) + "(" + word + ")";
    }
}
