package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.OutputStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A contradiction flags the lane when no asymmetric lane is tolerated (RCV-11): on a triplex running OMH(1) with a
 * budget of one benign lane, one relay entry altered with a valid CRC makes one receiver decide the default for a
 * healthy source while the other keeps its value; the receiver's own evidence (the source's round-1 reading is not
 * what was decided) shows that some lane told lanes different things, which that budget rules out, so its outputs
 * are DIVERGED in that very frame.
 */
@Tag("RCV-11")
class ContradictionFlagTest {
    private static final long AT = 50;

    @Test
    void aContradictionWithNoAsymmetricBudgetIsFlaggedInTheSameFrame() {
        final IcMessageCodec codec = new IcMessageCodec();
        final MessageInterceptor alterOneRelay = (frame, round, sender, receiver, buffer, offset, length, capacity) -> {
            if (frame == AT && round == 2 && sender == 2 && receiver == 1) {
                // The first entry of lane 2's relay to lane 1: lane 0's first reading, as lane 2 received it.
                final int at = IcMessage.entryOffset(offset, 0);
                IcMessage.putEntryWord(buffer, at, Double.doubleToRawLongBits(77.0));
                return codec.seal(buffer, offset);
            }
            return length;
        };
        final PipelineCluster system = new PipelineCluster(RecoveryCampaignTest.config(
            PipelineConfig.builder(3, 1, 2).hybrid(0, 0, 1), 3), alterOneRelay);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(3, 2, 12);
        for (long frame = 0; frame <= AT; frame++) {
            inputs.run(system, frame, false);
        }
        final LanePipeline misled = system.pipeline(1);
        assertEquals(1L, misled.lane().contradictionMask(), "lane 0's reading decided otherwise than it sent");
        assertTrue((misled.hypothesisFlags() & HypothesisFlags.LOCAL_EVIDENCE) != 0);
        assertEquals(OutputStatus.DIVERGED, misled.output(0).status());
    }
}
