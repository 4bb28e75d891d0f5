package org.bftvote.sim.revote;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;

import org.bftvote.InvalidConfigException;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.DuplexPolicy;
import org.bftvote.channel.PersistencePolicy;
import org.bftvote.channel.ReintegrationPolicy;
import org.bftvote.vote.FaultTolerantMean;
import org.bftvote.vote.FaultTolerantMidpoint;
import org.bftvote.vote.IntervalFusion;
import org.bftvote.vote.MidValueSelect;
import org.bftvote.vote.RealVoter;

/**
 * One signal's redundancy-management settings as a configuration file gives them: every field may be absent
 * ({@code null}) so that a file can override only what it names ({@link #over}). {@link #toConfig} turns complete
 * settings into the library's {@link ChannelConfig}. Immutable.
 *
 * @param voter          {@code mid_value_select}, {@code median}, {@code fault_tolerant_midpoint},
 *                       {@code fault_tolerant_mean} or {@code interval_fusion}
 * @param rangeMin       smallest valid value
 * @param rangeMax       largest valid value
 * @param rateLimit      largest change per frame
 * @param staleLimit     frames without a fresh sample tolerated
 * @param frozenFrames   bit-identical fresh frames while another channel moves before FROZEN (0: off)
 * @param threshold      miscompare threshold, in the signal's unit
 * @param persistence    {@code consecutive} or {@code leaky}
 * @param persistenceUp  consecutive: frames; leaky: added per bad frame
 * @param persistenceDown leaky: taken per good frame
 * @param persistenceTrip leaky: level that fails the channel
 * @param duplex         {@code hold_last_good} or {@code select_by_priority}
 * @param holdFrames     hold_last_good: frames the last good value is held
 * @param priority       select_by_priority: the channel order
 * @param readmitFrames  good frames after which a failed channel is readmitted; 0 = latch (never)
 * @param readmitMax     readmissions allowed
 * @param statusHold     frames a NORMAL status is held through rejections of channels not declared failed (0: off)
 */
public record SignalSettings(String voter, Double rangeMin, Double rangeMax, Double rateLimit, Integer staleLimit,
                             Integer frozenFrames, Double threshold, String persistence, Integer persistenceUp,
                             Integer persistenceDown, Integer persistenceTrip, String duplex, Integer holdFrames,
                             int[] priority, Integer readmitFrames, Integer readmitMax, Integer statusHold) {
    /** Settings with nothing given. */
    public static final SignalSettings NONE = new SignalSettings(null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null);

    /**
     * @param override settings whose given fields win
     * @return these settings with every field {@code override} gives replaced
     */
    public SignalSettings over(final SignalSettings override) {
        final boolean persistenceGiven = override.persistence != null;
        final boolean duplexGiven = override.duplex != null;
        return new SignalSettings(pick(override.voter, voter), pick(override.rangeMin, rangeMin),
            pick(override.rangeMax, rangeMax), pick(override.rateLimit, rateLimit),
            pick(override.staleLimit, staleLimit), pick(override.frozenFrames, frozenFrames),
            pick(override.threshold, threshold), persistenceGiven ? override.persistence : persistence,
            persistenceGiven ? override.persistenceUp : persistenceUp,
            persistenceGiven ? override.persistenceDown : persistenceDown,
            persistenceGiven ? override.persistenceTrip : persistenceTrip,
            duplexGiven ? override.duplex : duplex, duplexGiven ? override.holdFrames : holdFrames,
            duplexGiven ? override.priority : priority, pick(override.readmitFrames, readmitFrames),
            pick(override.readmitMax, readmitMax), pick(override.statusHold, statusHold));
    }

    private static <T> T pick(final T first, final T second) {
        return first != null ? first : second;
    }

    /**
     * @param channels the signal's channel count
     * @param signalId the signal's index
     * @return the library's configuration
     * @throws InvalidConfigException if a value is missing or out of its bounds (the parameter named)
     */
    public ChannelConfig toConfig(final int channels, final int signalId) {
        if (threshold == null) {
            throw new InvalidConfigException("miscompare_threshold", "missing", "a threshold for every signal");
        }
        final ChannelConfig.Builder b = ChannelConfig.builder(channels).signalId(signalId).voter(voterFactory())
            .miscompareThreshold(threshold);
        if (rangeMin != null || rangeMax != null) {
            b.range(rangeMin == null ? Double.NEGATIVE_INFINITY : rangeMin,
                rangeMax == null ? Double.POSITIVE_INFINITY : rangeMax);
        }
        if (rateLimit != null) {
            b.rateLimit(rateLimit);
        }
        if (staleLimit != null) {
            b.staleLimit(staleLimit);
        }
        if (frozenFrames != null) {
            b.frozenDetection(frozenFrames);
        }
        if (persistence != null) {
            b.persistence("leaky".equals(persistence) ? PersistencePolicy.leaky(persistenceUp, persistenceDown,
                persistenceTrip) : PersistencePolicy.consecutive(persistenceUp));
        }
        if (duplex != null) {
            b.duplex("select_by_priority".equals(duplex) ? DuplexPolicy.selectByPriority(priority)
                : DuplexPolicy.holdLastGood(holdFrames));
        }
        if (readmitFrames != null && readmitFrames > 0) {
            b.reintegration(ReintegrationPolicy.afterGoodFrames(readmitFrames, readmitMax == null ? 3 : readmitMax));
        }
        if (statusHold != null) {
            b.statusHold(statusHold);
        }
        return b.build();
    }

    private IntFunction<RealVoter> voterFactory() {
        final double accuracy = threshold / 2.0;
        return switch (voter == null ? "mid_value_select" : voter) {
            case "fault_tolerant_midpoint" -> c -> new FaultTolerantMidpoint(c, faults(c));
            case "fault_tolerant_mean" -> c -> new FaultTolerantMean(c, faults(c));
            case "interval_fusion" -> c -> new IntervalFusion(c, faults(c), accuracy);
            default -> MidValueSelect::new;
        };
    }

    private static int faults(final int channels) {
        return channels >= 3 ? Math.max((channels - 1) / 3, 1) : 0;
    }

    /**
     * @param name the signal's name
     * @return these settings as the configuration file writes them (one YAML mapping entry, two-space indent)
     */
    public String toYaml(final String name) {
        final StringBuilder sb = new StringBuilder("  ").append(name).append(":\n");
        line(sb, "voter", voter == null ? "mid_value_select" : voter);
        if (rangeMin != null || rangeMax != null) {
            line(sb, "range", "[" + num(rangeMin, "-.inf") + ", " + num(rangeMax, ".inf") + "]");
        }
        line(sb, "rate_limit", rateLimit == null ? null : Double.toString(rateLimit));
        line(sb, "stale_limit", staleLimit == null ? null : staleLimit.toString());
        line(sb, "frozen_frames", frozenFrames == null ? null : frozenFrames.toString());
        line(sb, "miscompare_threshold", threshold == null ? null : Double.toString(threshold));
        if (persistence != null) {
            line(sb, "persistence", "leaky".equals(persistence) ? String.format(Locale.ROOT,
                "{leaky: {up: %d, down: %d, trip: %d}}", persistenceUp, persistenceDown, persistenceTrip)
                : "{consecutive: " + persistenceUp + "}");
        }
        if (duplex != null) {
            line(sb, "duplex", "select_by_priority".equals(duplex) ? "{select_by_priority: "
                + Arrays.toString(priority) + "}" : "{hold_last_good: " + holdFrames + "}");
        }
        line(sb, "reintegration", readmitFrames == null || readmitFrames == 0 ? "latch"
            : "{after_good_frames: " + readmitFrames + ", max: " + (readmitMax == null ? 3 : readmitMax) + "}");
        line(sb, "status_hold", statusHold == null || statusHold == 0 ? null : statusHold.toString());
        return sb.toString();
    }

    private static String num(final Double value, final String none) {
        return value == null ? none : Double.toString(value);
    }

    private static void line(final StringBuilder sb, final String key, final String value) {
        if (value != null) {
            sb.append("    ").append(key).append(": ").append(value).append('\n');
        }
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof SignalSettings s && toYaml("").equals(s.toYaml(""))
            && java.util.Objects.equals(threshold, s.threshold);
    }

    @Override
    public int hashCode() {
        return toYaml("").hashCode();
    }

    @Override
    public String toString() {
        return toYaml("signal");
    }
}
