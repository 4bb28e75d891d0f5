package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bftvote.channel.ChannelConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The recovery bound the docs state (RCV-2): C = (2n + 1) + the sum over signals of (w n + 2), with w = 5 for a
 * signal with frozen detection and 4 without, and the bound 3C + K + 2 for K host signals. The first three rows are
 * the table in docs/reference/recovery.md, so a change of the sync schedule that changes the bound fails here until
 * the table changes with it.
 */
@Tag("RCV-2")
class RecoveryBoundTest {
    @ParameterizedTest(name = "n={0} m={1} K={2} frozen={3}: C={4}, bound={5}")
    @CsvSource({
        "4, 1, 4, 0,  81, 249",
        "4, 1, 8, 0, 153, 469",
        "3, 0, 4, 2,  69, 213",
        "5, 1, 1, 1,  38, 117",
    })
    void theBoundIsTheDocumentedFormula(final int lanes, final int m, final int signals, final int frozen,
        final int cycle, final int bound) {
        final PipelineConfig.Builder builder = PipelineConfig.builder(lanes, m, signals)
            .allSignals(ChannelConfig.builder(lanes).miscompareThreshold(1.0).build());
        for (int s = 0; s < frozen; s++) {
            builder.signal(s, ChannelConfig.builder(lanes).miscompareThreshold(1.0).frozenDetection(20).build());
        }
        final LanePipeline pipeline = new LanePipeline(builder.build(), 0);
        int formula = 2 * lanes + 1;
        for (int s = 0; s < signals; s++) {
            formula += (s < frozen ? 5 : 4) * lanes + 2;
        }
        assertEquals(formula, cycle, "the table row against the formula");
        assertEquals(cycle, pipeline.syncCycleFrames(), "C");
        assertEquals(bound, pipeline.recoveryBoundFrames(), "3C + K + 2");
        assertEquals(3 * cycle + signals + 2, bound, "the table row against the formula");
    }
}
