package org.bftvote.examples.reference;

import org.bftvote.vote.BitwiseMajority;
import org.bftvote.vote.DiscreteVoter;
import org.bftvote.vote.FaultTolerantMidpoint;
import org.bftvote.vote.IntervalFusion;
import org.bftvote.vote.RealVoter;
import org.bftvote.vote.VoteResult;
import org.bftvote.vote.VoteStatus;

/** The voters reference's example (docs/reference/voters.md), compiled and run by the build. */
public final class VoterSnippets {
    private VoterSnippets() {
    }

    /** @return the fault-tolerant midpoint's result for the documented inputs */
    public static VoteResult vote() {
        // tag::voters[]
        // Built once, at configuration time.
        RealVoter ftm = new FaultTolerantMidpoint(4, 1);      // quadruplex, tolerates one arbitrary channel
        VoteResult result = new VoteResult();                  // reused every frame

        // Every frame: no allocation.
        double[] values = {10.02, 9.98, 1e308, 10.01};
        VoteStatus status = ftm.vote(values, 0b1111, 4, result);
        if (status == VoteStatus.VOTED) {
            double v = result.value();        // about 10.015: 9.98 and 1e308 trimmed, midpoint of 10.01 and 10.02
            long used = result.usedMask();    // 0b1001
        }

        IntervalFusion fusion = new IntervalFusion(7, 2, 0.5); // seven channels, ±0.5 each, f = 2
        fusion.setAccuracy(6, 2.0);                            // a coarser seventh sensor
        DiscreteVoter bits = new BitwiseMajority(5, BitwiseMajority.TiePolicy.NO_MAJORITY);
        // end::voters[]
        return result;
    }
}
