package org.bftvote.sim.run;

import java.util.Arrays;
import java.util.Locale;

import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.ExclusionReason;
import org.bftvote.channel.OutputStatus;

/**
 * Reports each lane's outputs into the frame's sample, and every exclusion that took effect in the frame (a channel
 * newly failed, a lane newly excluded) to the observers, before the frame itself. A lane that did not run the frame
 * (stopped) has no output: INVALID, no value. A lane that restarted is a new pipeline: what it excludes is new.
 *
 * <p>Used by the simulation and by a re-run of a trace's lanes, so both report alike. Allocates at construction
 * only. Not thread safe.
 */
public final class OutputReport {
    private static final OutputStatusCode[] STATUS_CODE = statusCodes();
    private static final String LANE_EXCLUDED = "lane excluded (agreed accusations)";

    private final PipelineCluster cluster;
    private final int lanes;
    private final int signals;
    private final long[][] previousFailed;
    private final long[] previousExcluded;
    /** The pipeline each lane had at the last report: another one means the lane restarted. */
    private final LanePipeline[] previousPipeline;
    private final String[] reasonText;

    /**
     * @param cluster the lanes' pipelines
     * @param lanes   number of lanes
     * @param signals number of signals
     */
    public OutputReport(final PipelineCluster cluster, final int lanes, final int signals) {
        this.cluster = cluster;
        this.lanes = lanes;
        this.signals = signals;
        this.previousFailed = new long[lanes][signals];
        this.previousExcluded = new long[lanes];
        this.previousPipeline = new LanePipeline[lanes];
        this.reasonText = new String[ExclusionReason.values().length];
        for (final ExclusionReason r : ExclusionReason.values()) {
            reasonText[r.ordinal()] = r.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Reads every lane's outputs after frame {@code f}, every lane having run it.
     *
     * @param f         the frame
     * @param sample    the frame's sample
     * @param observers who is told of the exclusions, in this order
     */
    public void report(final long f, final FrameSample sample, final FrameObserver[] observers) {
        report(f, sample, observers, -1L);
    }

    /**
     * Reads every lane's outputs after frame {@code f}.
     *
     * @param f         the frame
     * @param sample    the frame's sample
     * @param observers who is told of the exclusions, in this order
     * @param running   the lanes that ran the frame (bit l = lane l); the others show no output
     */
    public void report(final long f, final FrameSample sample, final FrameObserver[] observers, final long running) {
        for (int l = 0; l < lanes; l++) {
            final LanePipeline p = cluster.pipeline(l);
            if (p != previousPipeline[l]) {
                previousPipeline[l] = p;
                previousExcluded[l] = 0L;
                Arrays.fill(previousFailed[l], 0L);
            }
            final long excluded = p.excludedMask();
            long newLanes = excluded & ~previousExcluded[l];
            previousExcluded[l] = excluded;
            while (newLanes != 0L) {
                final int j = Long.numberOfTrailingZeros(newLanes);
                newLanes &= newLanes - 1;
                exclusion(observers, f, l, InjectedFault.ALL_SIGNALS, j, LANE_EXCLUDED);
            }
            sample.excludedLanes(l, excluded);
            for (int s = 0; s < signals; s++) {
                final ChannelOutput out = p.output(s);
                final long failed = out.failedMask();
                long newFailed = failed & ~previousFailed[l][s];
                previousFailed[l][s] = failed;
                while (newFailed != 0L) {
                    final int c = Long.numberOfTrailingZeros(newFailed);
                    newFailed &= newFailed - 1;
                    exclusion(observers, f, l, s, c, reasonText[out.failureReason(c).ordinal()]);
                }
                if ((running >>> l & 1L) != 0) {
                    sample.output(l, s, out.value(), STATUS_CODE[out.status().ordinal()].code(), out.healthyMask());
                } else {
                    sample.output(l, s, Double.NaN, OutputStatusCode.INVALID.code(), out.healthyMask());
                }
            }
        }
    }

    private static void exclusion(final FrameObserver[] observers, final long f, final int lane, final int signal,
        final int channel, final String reason) {
        for (final FrameObserver o : observers) {
            o.onExclusion(f, lane, signal, channel, reason);
        }
    }

    private static OutputStatusCode[] statusCodes() {
        final OutputStatusCode[] codes = new OutputStatusCode[OutputStatus.values().length];
        for (final OutputStatus s : OutputStatus.values()) {
            codes[s.ordinal()] = switch (s) {
                case NORMAL -> OutputStatusCode.NORMAL;
                case DEGRADED -> OutputStatusCode.DEGRADED;
                case NO_MAJORITY -> OutputStatusCode.NO_MAJORITY;
                case INVALID -> OutputStatusCode.INVALID;
                case DIVERGED -> OutputStatusCode.DIVERGED;
                case SYNCING -> OutputStatusCode.SYNCING;
            };
        }
        return codes;
    }
}
