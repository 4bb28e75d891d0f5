package org.bftvote.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bftvote.agreement.AgreementConfig;
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
 * signal, messages dropped from frame 10. If the library's behaviour changes, this fails and the page must change
 * with it.
 */
class DesignChoicesTest {
    private static final int CUT = 10;

    /** A quad whose messages across the cut are dropped from frame {@link #CUT}; lanes read 10.00, 10.01, ... */
    private static PipelineCluster partitioned(final java.util.function.IntBinaryOperator across, final int frames) {
        final PipelineConfig config = PipelineConfig.builder(
                AgreementConfig.builder(4, 1, PipelineConfig.agreementSignals(1)).omClassic().build())
            .allSignals(ChannelConfig.builder(4).miscompareThreshold(0.5).build())
            .build();
        final MessageInterceptor cut = (frame, round, sender, receiver, buffer, offset, length, capacity) ->
            frame >= CUT && across.applyAsInt(sender, receiver) != 0 ? MessageInterceptor.DROP : length;
        final PipelineCluster cluster = new PipelineCluster(config, cut);
        final double[][] readings = new double[4][1];
        for (int lane = 0; lane < 4; lane++) {
            readings[lane][0] = 10.0 + 0.01 * lane;
        }
        for (long frame = 0; frame < frames; frame++) {
            cluster.runFrame(frame, readings, new long[] {1, 1, 1, 1});
        }
        return cluster;
    }

    @Test
    void oneLaneCutOffIsExcludedByTheOthersAndFallsBackToItsOwnReading() {
        final PipelineCluster cluster = partitioned((s, r) -> s == 0 || r == 0 ? 1 : 0, 20);
        for (int lane = 1; lane < 4; lane++) {
            final LanePipeline p = cluster.pipeline(lane);
            assertEquals(OutputStatus.NORMAL, p.output(0).status(), "lane " + lane);
            assertEquals(RedundancyLevel.TRIPLEX, p.output(0).level(), "lane " + lane);
            assertEquals(13, p.exclusionFrame(0), "lane " + lane);
            assertEquals(Double.doubleToRawLongBits(cluster.pipeline(1).output(0).value()),
                Double.doubleToRawLongBits(p.output(0).value()), "the majority agrees, bit for bit");
        }
        final LanePipeline isolated = cluster.pipeline(0);
        assertEquals(OutputStatus.DEGRADED, isolated.output(0).status());
        assertEquals(RedundancyLevel.SIMPLEX, isolated.output(0).level());
        assertEquals(10.0, isolated.output(0).value(), "its own reading");
        assertEquals(0L, isolated.excludedMask(), "one accuser excludes nobody");
    }

    @Test
    void aTwoTwoSplitLeavesEveryLaneOnItsOwnReadingFlaggedDegraded() {
        final PipelineCluster cluster = partitioned((s, r) -> (s < 2) != (r < 2) ? 1 : 0, 20);
        for (int lane = 0; lane < 4; lane++) {
            final LanePipeline p = cluster.pipeline(lane);
            assertEquals(OutputStatus.DEGRADED, p.output(0).status(), "lane " + lane);
            assertEquals(RedundancyLevel.SIMPLEX, p.output(0).level(), "lane " + lane);
            assertEquals(10.0 + 0.01 * lane, p.output(0).value(), "lane " + lane + ": its own reading");
            assertEquals(0L, p.excludedMask(), "lane " + lane + ": nobody has f + 1 accusers");
        }
    }
}
