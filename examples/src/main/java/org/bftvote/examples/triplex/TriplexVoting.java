package org.bftvote.examples.triplex;

import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.DuplexPolicy;
import org.bftvote.channel.PersistencePolicy;
import org.bftvote.channel.Slf4jChannelEventListener;

/**
 * One computer voting three angle-of-attack vanes: the whole of what an embedder writes around one
 * {@link ChannelManager}. {@link #main} flies 30 s at 20 Hz with the right vane reading 21° high from 10 s (as on
 * Lion Air 610) and prints what happened.
 */
public final class TriplexVoting {
    /** The embedder's sensor input: fills one value per vane, returns the validity bits (bit i: vane i valid). */
    public interface Vanes {
        /**
         * @param frame  frame number
         * @param values one value per vane, written by the call
         * @return bit i set iff vane i's sample is valid (its own status, e.g. an ARINC 429 SSM)
         */
        long read(long frame, double[] values);
    }

    /** The embedder's output: where the voted value goes. */
    public interface Actuator {
        /** @param angle the voted angle of attack, degrees */
        void command(double angle);

        /** No trustworthy value this frame. */
        void failSafe();
    }

    private TriplexVoting() {
    }

    /**
     * Votes the vanes for {@code frames} frames.
     *
     * @param vanes    sensor input
     * @param actuator output
     * @param frames   frames to run
     * @return the manager's last output, to inspect
     */
    public static ChannelOutput fly(final Vanes vanes, final Actuator actuator, final long frames) {
        // tag::embed[]
        // tag::configure[]
        ChannelConfig aoa = ChannelConfig.builder(3)          // three channels: the three vanes
            .range(-30.0, 60.0)                               // degrees; outside is rejected for the frame
            .rateLimit(2.0)                                   // degrees per frame; a faster move is a spike
            .staleLimit(4)                                    // frames without a fresh sample before STALE
            .frozenDetection(40)                              // identical samples while another vane moved
            .miscompareThreshold(1.5)                         // degrees from the median
            .persistence(PersistencePolicy.consecutive(20))   // 20 bad frames in a row latch a vane failed
            .duplex(DuplexPolicy.holdLastGood(5))             // two left and they split: hold 5 frames, then INVALID
            .build();                                         // a wrong value throws InvalidConfigException naming it
        ChannelManager manager = new ChannelManager(aoa, new Slf4jChannelEventListener());
        ChannelOutput out = manager.newOutput();              // reused every frame
        double[] values = new double[3];
        // end::configure[]

        // tag::frame[]
        for (long frame = 0; frame < frames; frame++) {
            long validMask = vanes.read(frame, values);       // every vane sampled this frame: fresh = valid
            manager.update(frame, values, validMask, validMask, out);   // allocates nothing, logs only changes
            if (out.status().hasValue()) {
                actuator.command(out.value());                // NORMAL, DEGRADED or NO_MAJORITY: a finite value
            } else {
                actuator.failSafe();                          // INVALID: NaN, never a made-up number
            }
        }
        // end::frame[]
        // end::embed[]
        return out;
    }

    /**
     * Flies 30 s with the right vane biased from 10 s and prints the outcome.
     *
     * @param args none
     */
    public static void main(final String[] args) {
        final SimulatedVanes vanes = new SimulatedVanes(200, 2, 21.0);
        final RecordingActuator actuator = new RecordingActuator(vanes);
        final ChannelOutput last = fly(vanes, actuator, 600);
        System.out.printf("600 frames: %d commanded, %d fail-safe; largest distance from the true angle %.3f deg%n",
            actuator.commanded(), actuator.failSafes(), actuator.worstDistance());
        System.out.printf("right vane: %s (%s); output %s, %s%n", last.isFailed(2) ? "failed" : "in use",
            last.failureReason(2), last.status(), last.level());
    }
}
