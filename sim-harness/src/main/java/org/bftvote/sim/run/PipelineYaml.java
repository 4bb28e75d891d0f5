package org.bftvote.sim.run;

import java.util.Arrays;
import java.util.List;

import org.bftvote.agreement.AgreementConfig;
import org.bftvote.agreement.FaultBudget;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.PersistencePolicy;
import org.bftvote.vote.FaultTolerantMean;
import org.bftvote.vote.FaultTolerantMidpoint;
import org.bftvote.vote.IntervalFusion;
import org.bftvote.vote.RealVoter;

/**
 * A lane's whole configuration written as the channel-configuration YAML that {@code replay --config} and
 * {@code replay-log --config} read ({@code kind: channels}), with the agreement under {@code agreement}: what a trace
 * records so that the lanes can be re-run from it, and what {@code provenance.json} shows as resolved. Every field
 * that differs from the library's default is written; numbers exactly ({@link Double#toString(double)}).
 */
public final class PipelineYaml {
    private PipelineYaml() {
    }

    /**
     * @param config  the configuration every lane runs
     * @param signals the host signals' names, in index order
     * @return the YAML text
     */
    public static String of(final PipelineConfig config, final List<String> signals) {
        final AgreementConfig a = config.agreement();
        final FaultBudget budget = a.faultBudget();
        final StringBuilder sb = new StringBuilder("kind: channels\n");
        sb.append("agreement:\n  lanes: ").append(a.lanes()).append("\n  m: ").append(a.m())
            .append("\n  mode: ").append(a.mode() == AgreementConfig.Mode.OM_CLASSIC ? "om" : "omh")
            .append("\n  asymmetric: ").append(budget.asymmetric()).append("\n  symmetric: ")
            .append(budget.symmetric()).append("\n  benign: ").append(budget.benign())
            .append("\n  exclusion: ").append(persistence(config.exclusion())).append('\n');
        sb.append("signals:\n");
        for (int s = 0; s < signals.size(); s++) {
            channel(sb, signals.get(s), config.channel(s));
        }
        return sb.toString();
    }

    private static void channel(final StringBuilder sb, final String name, final ChannelConfig c) {
        sb.append("  ").append(name).append(":\n");
        sb.append("    voter: ").append(voter(c.newVoter())).append('\n');
        if (c.rangeMin() != Double.NEGATIVE_INFINITY || c.rangeMax() != Double.POSITIVE_INFINITY) {
            sb.append("    range: [").append(bound(c.rangeMin())).append(", ").append(bound(c.rangeMax()))
                .append("]\n");
        }
        if (c.rateLimit() != Double.POSITIVE_INFINITY) {
            sb.append("    rate_limit: ").append(c.rateLimit()).append('\n');
        }
        if (c.staleLimit() != Integer.MAX_VALUE) {
            sb.append("    stale_limit: ").append(c.staleLimit()).append('\n');
        }
        sb.append("    frozen_frames: ").append(c.frozenFrames()).append('\n');
        sb.append("    miscompare_threshold: ").append(c.miscompareThreshold()).append('\n');
        sb.append("    persistence: ").append(persistence(c.persistence())).append('\n');
        sb.append("    duplex: ").append(c.duplex().isSelectByPriority()
            ? "{select_by_priority: " + Arrays.toString(c.duplex().fullOrder(c.channelCount())) + "}"
            : "{hold_last_good: " + c.duplex().maxHoldFrames() + "}").append('\n');
        sb.append("    reintegration: ").append(c.reintegration().isNever() ? "latch"
            : "{after_good_frames: " + c.reintegration().goodFrames() + ", max: " + c.reintegration().maxTimes()
                + "}").append('\n');
        if (c.statusHoldFrames() != 0) {
            sb.append("    status_hold: ").append(c.statusHoldFrames()).append('\n');
        }
    }

    private static String bound(final double v) {
        return v == Double.NEGATIVE_INFINITY ? "-.inf" : v == Double.POSITIVE_INFINITY ? ".inf" : Double.toString(v);
    }

    private static String persistence(final PersistencePolicy p) {
        return p.isConsecutive() ? "{consecutive: " + p.framesToTrip() + "}"
            : "{leaky: {up: " + p.up() + ", down: " + p.down() + ", trip: " + p.tripLevel() + "}}";
    }

    private static String voter(final RealVoter voter) {
        if (voter instanceof FaultTolerantMidpoint) {
            return "fault_tolerant_midpoint";
        }
        if (voter instanceof FaultTolerantMean) {
            return "fault_tolerant_mean";
        }
        if (voter instanceof IntervalFusion) {
            return "interval_fusion";
        }
        return "mid_value_select";
    }
}
