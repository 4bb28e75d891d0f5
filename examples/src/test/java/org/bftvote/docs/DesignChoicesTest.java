package org.bftvote.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntBinaryOperator;

import org.bftvote.agreement.HypothesisFlags;
import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.OutputStatus;
import org.bftvote.channel.RedundancyLevel;
import org.junit.jupiter.api.Test;

/**
 * What docs/reference/design-choices.md ("Consistency first") says a partition does to a quad running OM(1), one
 * signal, messages across the cut dropped from frame {@link #CUT} until the link heals. If the library's behaviour
 * changes, this fails and the page must change with it.
 */
class DesignChoicesTest {
    private static final int CUT = 10;
    private static final int HEAL = 40;

    /** A quad whose messages across the cut are dropped from {@link #CUT} to {@code heal}; lanes read 10.00, 10.01... */
    private static final class Partitioned {
        final PipelineCluster cluster;
        private final double[][] readings = new double[4][1];
        private long frame;

        Partitioned(final IntBinaryOperator across, final long heal) {
            final PipelineConfig config = PipelineConfig.builder(4, 1, 1)
                .allSignals(ChannelConfig.builder(4).miscompareThreshold(0.5).build())
                .build();
            final MessageInterceptor cut = (f, round, sender, receiver, buffer, offset, length, capacity) ->
                f >= CUT && f < heal && across.applyAsInt(sender, receiver) != 0 ? MessageInterceptor.DROP : length;
            cluster = new PipelineCluster(config, cut);
            for (int lane = 0; lane < 4; lane++) {
                readings[lane][0] = 10.0 + 0.01 * lane;
            }
        }

        void runTo(final long end) {
            for (; frame < end; frame++) {
                cluster.runFrame(frame, readings, new long[] {1, 1, 1, 1});
            }
        }

        void assertHealed() {
            final LanePipeline first = cluster.pipeline(0);
            for (int lane = 0; lane < 4; lane++) {
                final LanePipeline p = cluster.pipeline(lane);
                assertFalse(p.isSyncing(), "lane " + lane);
                assertEquals(0, p.hypothesisFlags(), "lane " + lane);
                assertEquals(0L, p.excludedMask(), "lane " + lane);
                assertEquals(first.stateDigest(), p.stateDigest(), "lane " + lane + ": the same state");
                assertEquals(OutputStatus.NORMAL, p.output(0).status(), "lane " + lane);
                assertEquals(RedundancyLevel.QUAD, p.output(0).level(), "lane " + lane);
                assertEquals(Double.doubleToRawLongBits(first.output(0).value()),
                    Double.doubleToRawLongBits(p.output(0).value()), "lane " + lane + ": bit for bit");
            }
        }
    }

    @Test
    void oneLaneCutOffIsExcludedByTheOthersHoldsItsStateAndComesBack() {
        final Partitioned quad = new Partitioned((s, r) -> s == 0 || r == 0 ? 1 : 0, HEAL);
        quad.runTo(20);
        for (int lane = 1; lane < 4; lane++) {
            final LanePipeline p = quad.cluster.pipeline(lane);
            assertEquals(OutputStatus.NORMAL, p.output(0).status(), "lane " + lane);
            assertEquals(RedundancyLevel.TRIPLEX, p.output(0).level(), "lane " + lane);
            assertEquals(13, p.exclusionFrame(0), "lane " + lane);
            assertEquals(Double.doubleToRawLongBits(quad.cluster.pipeline(1).output(0).value()),
                Double.doubleToRawLongBits(p.output(0).value()), "the majority agrees, bit for bit");
        }
        final LanePipeline isolated = quad.cluster.pipeline(0);
        assertEquals(OutputStatus.DIVERGED, isolated.output(0).status(), "it cannot vouch for its value");
        assertTrue((isolated.hypothesisFlags() & HypothesisFlags.MINORITY) != 0);
        assertEquals(0L, isolated.excludedMask(), "one accuser excludes nobody, and a minority changes no state");
        quad.runTo(HEAL + isolated.recoveryBoundFrames() + PipelineConfig.DEFAULT_READMISSION.cleanFrames() + 10);
        quad.assertHealed();
        assertEquals(1, quad.cluster.pipeline(2).readmissionCount(0), "readmitted once");
    }

    @Test
    void aTwoTwoSplitHoldsEveryLaneFlaggedAndHealsToOneState() {
        final Partitioned quad = new Partitioned((s, r) -> (s < 2) != (r < 2) ? 1 : 0, HEAL);
        quad.runTo(20);
        for (int lane = 0; lane < 4; lane++) {
            final LanePipeline p = quad.cluster.pipeline(lane);
            assertEquals(OutputStatus.DIVERGED, p.output(0).status(), "lane " + lane);
            assertTrue((p.hypothesisFlags() & HypothesisFlags.MINORITY) != 0, "lane " + lane);
            assertEquals(0L, p.excludedMask(), "lane " + lane + ": nothing excluded on either side");
        }
        quad.runTo(HEAL + quad.cluster.pipeline(0).recoveryBoundFrames());
        quad.assertHealed();
    }
}
