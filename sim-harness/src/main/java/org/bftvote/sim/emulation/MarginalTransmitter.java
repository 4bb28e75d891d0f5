package org.bftvote.sim.emulation;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * A sender whose signal is marginal over frames {@code [onsetFrame, endFrame)}: each receiver independently, with
 * {@code probability} per message, decodes different bits that still pass the check
 * ({@link DeliveryOutcome#DIVERGENT}). A bus fault that makes the sender look asymmetric.
 *
 * @param lane        the sending lane
 * @param probability chance per message and receiver of a divergent decode
 * @param onsetFrame  first affected frame
 * @param endFrame    first unaffected frame again ({@link ScheduledFailure#PERMANENT} for never)
 */
public record MarginalTransmitter(int lane, double probability, long onsetFrame, long endFrame) {
    /**
     * @param lane        non-negative
     * @param probability 0 to 1
     * @param onsetFrame  non-negative
     * @param endFrame    after {@code onsetFrame}
     */
    public MarginalTransmitter {
        Require.inRange("marginal.lane", lane, 0, Integer.MAX_VALUE);
        LossSpec.probability("marginal.probability", probability);
        if (onsetFrame < 0 || endFrame <= onsetFrame) {
            throw new InvalidConfigException("marginal.endFrame", endFrame, "0 <= marginal.onsetFrame ("
                + onsetFrame + ") < marginal.endFrame");
        }
    }
}
