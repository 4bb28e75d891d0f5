package org.bftvote.examples.reference;

import java.util.function.DoubleConsumer;

import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.DuplexPolicy;
import org.bftvote.channel.OutputStatus;
import org.bftvote.channel.PersistencePolicy;
import org.bftvote.channel.ReintegrationPolicy;
import org.bftvote.channel.Slf4jChannelEventListener;
import org.bftvote.vote.MidValueSelect;

/** The redundancy management reference's example (docs/reference/redundancy-management.md), compiled by the build. */
public final class ChannelManagerSnippets {
    private ChannelManagerSnippets() {
    }

    /**
     * Builds the documented manager and runs one frame.
     *
     * @param frame     frame number
     * @param validMask valid channels
     * @param freshMask fresh channels
     * @param ch        a channel to inspect
     * @param use       where the value goes
     * @return the output
     */
    public static ChannelOutput frame(final long frame, final long validMask, final long freshMask, final int ch,
                                      final DoubleConsumer use) {
        // tag::manager[]
        ChannelConfig aoa = ChannelConfig.builder(3)          // channelCount 1..64
            .signalId(7)                                      // passed to every event
            .range(-30.0, 60.0)                               // degrees
            .rateLimit(5.0)                                   // degrees per frame
            .staleLimit(4)                                    // frames without a fresh sample
            .frozenDetection(10)                              // identical frames while another channel moved
            .miscompareThreshold(1.5)                         // or .miscompareThresholdFractionOfRange(0.02)
            .persistence(PersistencePolicy.consecutive(20))   // 1 s at 20 Hz
            .reintegration(ReintegrationPolicy.never())
            .duplex(DuplexPolicy.holdLastGood(5))
            .voter(MidValueSelect::new)                       // factory: each manager builds its own voter
            .build();                                         // InvalidConfigException naming parameter, value, bound

        ChannelManager manager = new ChannelManager(aoa, new Slf4jChannelEventListener());
        ChannelOutput out = manager.newOutput();              // reused every frame
        double[] values = new double[3];
        // each frame:
        OutputStatus status = manager.update(frame, values, validMask, freshMask, out);
        if (status.hasValue()) { use.accept(out.value()); }   // INVALID always carries NaN
        out.level(); out.usedMask(); out.failedMask(); out.rejectedMask(); out.miscompareMask(); out.spread();
        out.isFailed(ch); out.failureReason(ch);              // latched
        out.reason(ch); out.frameReason(ch);                  // this frame (input check / miscompare) or latched
        // end::manager[]
        return out;
    }
}
