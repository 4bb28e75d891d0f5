package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A new engine, before its first frame, reads as its contract says: every stored node empty (-1) and every decided
 * entry the default (status {@link EntryStatus#DEFAULT}, the configuration's default word, here not 0), not zeros.
 */
class EigEngineFreshStateTest {
    @Test
    void beforeTheFirstFrameEveryNodeIsEmptyAndEveryDecisionTheDefault() {
        final AgreementConfig config = AgreementConfig.builder(4, 1, 2).omClassic().defaultWord(0x5A5AL).build();
        final EigEngine engine = new EigEngine(config, 1);
        for (int node = 0; node < config.paths().count(); node++) {
            for (int signal = 0; signal < 2; signal++) {
                assertEquals(-1, engine.storedStatus(node, signal), "node " + node + ", signal " + signal);
            }
        }
        for (int source = 0; source < 4; source++) {
            for (int signal = 0; signal < 2; signal++) {
                assertEquals(EntryStatus.DEFAULT, engine.decidedStatus(source, signal), "source " + source);
                assertEquals(config.defaultWord(), engine.decidedWord(source, signal), "source " + source);
            }
        }
    }
}
