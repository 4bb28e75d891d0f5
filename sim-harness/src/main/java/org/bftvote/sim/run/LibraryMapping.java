package org.bftvote.sim.run;

import java.util.function.IntFunction;

import org.bftvote.InvalidConfigException;
import org.bftvote.agreement.AgreementConfig;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.agreement.ReadmissionPolicy;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.DuplexPolicy;
import org.bftvote.channel.PersistencePolicy;
import org.bftvote.channel.ReintegrationPolicy;
import org.bftvote.sim.profile.AgreementMode;
import org.bftvote.sim.profile.AgreementSettings;
import org.bftvote.sim.profile.ChannelSettings;
import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.profile.SensorProfile;
import org.bftvote.sim.profile.SignalSpec;
import org.bftvote.sim.yaml.ProfileException;
import org.bftvote.vote.FaultTolerantMean;
import org.bftvote.vote.FaultTolerantMidpoint;
import org.bftvote.vote.IntervalFusion;
import org.bftvote.vote.MidValueSelect;
import org.bftvote.vote.RealVoter;

/**
 * Translates a platform profile's own vocabulary (its voter, duplex-policy, persistence, reintegration and
 * agreement enums) into the library's configuration objects. The one place where profile names meet library API.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>profile</th><th>library</th></tr>
 *   <tr><td>{@code mid_value_select}, {@code median}</td><td>{@link MidValueSelect}</td></tr>
 *   <tr><td>{@code fault_tolerant_midpoint}, {@code fault_tolerant_mean}</td>
 *       <td>{@link FaultTolerantMidpoint}, {@link FaultTolerantMean} with {@link #voterFaults(int)} faults</td></tr>
 *   <tr><td>{@code interval_fusion}</td><td>{@link IntervalFusion}, each channel ± half the miscompare
 *       threshold</td></tr>
 *   <tr><td>{@code majority}</td><td>refused: the library's majority voters vote discrete words, not real
 *       signals</td></tr>
 *   <tr><td>{@code average}, {@code fail_safe}</td><td>{@link DuplexPolicy#holdLastGood(int) holdLastGood(0)}: an
 *       agreeing pair is averaged by the manager itself; a split pair gives no value</td></tr>
 *   <tr><td>{@code select_by_self_test}</td><td>{@link DuplexPolicy#selectByPriority(int...)} in lane order (no
 *       self-test is modelled, so the lower lane of a split pair wins)</td></tr>
 *   <tr><td>{@code consecutive}, {@code leaky}</td><td>{@link PersistencePolicy#consecutive(int)},
 *       {@link PersistencePolicy#leaky(int, int, int)}</td></tr>
 *   <tr><td>{@code latch}, {@code after_good_frames}</td><td>{@link ReintegrationPolicy#never()},
 *       {@link ReintegrationPolicy#afterGoodFrames(int, int)} at most {@link #MAX_READMISSIONS} times</td></tr>
 *   <tr><td>{@code rate_threshold_per_s}</td><td>{@code rateLimit} per frame = rate / frame rate</td></tr>
 *   <tr><td>{@code frozen_detection.window_frames}</td><td>{@code frozenDetection(frames)} ({@code min_change} is
 *       not used: the library counts bit-identical repeats)</td></tr>
 *   <tr><td>(no profile field) the sensors' update rates</td><td>{@code staleLimit} =
 *       {@link #STALE_UPDATE_PERIODS} × the slowest sensor's update period in frames (a healthy 20 Hz sensor in a
 *       100 Hz frame is not fresh 4 frames of 5; it is rejected as {@code STALE} only after more than 15 frames in
 *       a row without a sample)</td></tr>
 *   <tr><td>{@code agreement.lane_readmission}: {@code never}, {@code after_clean_frames}</td>
 *       <td>{@link ReadmissionPolicy#never()}, {@link ReadmissionPolicy#afterCleanFrames(int, int)}; absent: the
 *       library's default</td></tr>
 *   <tr><td>{@code om}, {@code omh}</td><td>{@link AgreementConfig.Builder#omClassic()},
 *       {@link AgreementConfig.Builder#hybrid(int, int, int)}, with K + 2 agreed signals (the last two carry
 *       the freshness and accusation words)</td></tr>
 * </table>
 */
public final class LibraryMapping {
    /** Readmissions allowed to a channel whose profile says {@code after_good_frames}. */
    public static final int MAX_READMISSIONS = 3;

    /**
     * Update periods of the slowest sensor of a signal without a new sample before its channel is {@code STALE}:
     * a healthy sensor slower than the frame is legitimately not fresh between its samples, so the limit is counted
     * in its periods, not in frames; two missed samples in a row are tolerated.
     */
    public static final int STALE_UPDATE_PERIODS = 3;

    private LibraryMapping() {
    }

    /**
     * Builds the pipeline configuration every lane of the platform runs.
     *
     * @param platform the platform
     * @return the configuration
     * @throws ProfileException if the profile asks for something the library refuses, naming the field
     */
    public static PipelineConfig pipeline(final PlatformProfile platform) throws ProfileException {
        final int n = platform.lanes().size();
        final int k = platform.signals().size();
        // Checked here first so that a platform outside the agreement's bound is reported against its agreement.
        agreement(platform, n, k + PipelineConfig.RESERVED_SIGNALS);
        final AgreementSettings a = platform.agreement();
        final PipelineConfig.Builder builder = PipelineConfig.builder(n, a.m(), k);
        if (a.mode() == AgreementMode.OMH) {
            builder.hybrid(a.asymmetric(), a.symmetric(), a.benign());
        }
        a.laneReadmission().ifPresent(r -> builder.readmission(readmission(r)));
        for (int s = 0; s < k; s++) {
            builder.signal(s, channel(platform, s));
        }
        try {
            return builder.build();
        } catch (final InvalidConfigException e) {
            throw new ProfileException(platform.file(), 0, "signals", e.getMessage());
        }
    }

    /**
     * @param channels channels available to a trimming voter
     * @return arbitrary channels it tolerates: {@code max(floor((c - 1) / 3), 1)} when {@code c >= 3}, else 0
     */
    public static int voterFaults(final int channels) {
        return channels >= 3 ? Math.max((channels - 1) / 3, 1) : 0;
    }

    static AgreementConfig agreement(final PlatformProfile platform, final int n, final int signals)
        throws ProfileException {
        final AgreementSettings a = platform.agreement();
        try {
            final AgreementConfig.Builder builder = AgreementConfig.builder(n, a.m(), signals);
            switch (a.mode()) {
                case OM -> builder.omClassic();
                case OMH -> builder.hybrid(a.asymmetric(), a.symmetric(), a.benign());
                default -> throw new IllegalStateException("unhandled agreement mode " + a.mode());
            }
            return builder.build();
        } catch (final InvalidConfigException e) {
            throw new ProfileException(platform.file(), 0, "agreement", e.getMessage());
        }
    }

    static ChannelConfig channel(final PlatformProfile platform, final int signal) throws ProfileException {
        final SignalSpec spec = platform.signals().get(signal);
        final ChannelSettings c = spec.channel();
        final String field = "signals[" + signal + "].channel";
        final int n = platform.lanes().size();
        try {
            final ChannelConfig.Builder b = ChannelConfig.builder(n)
                .signalId(signal)
                .voter(voter(platform, spec, field))
                .range(spec.rangeMin(), spec.rangeMax())
                .miscompareThreshold(c.miscompareThreshold())
                .persistence(persistence(c.persistence()))
                .reintegration(reintegration(c.reintegration()))
                .duplex(duplex(c, n))
                .staleLimit(staleLimit(platform, spec));
            if (Double.isFinite(c.rateThreshold()) && c.rateThreshold() > 0.0) {
                b.rateLimit(c.rateThreshold() / platform.frameRate());
            }
            if (c.frozenDetection() != null) {
                b.frozenDetection(c.frozenDetection().windowFrames());
            }
            return b.build();
        } catch (final InvalidConfigException e) {
            throw new ProfileException(platform.file(), 0, field, e.getMessage());
        }
    }

    /**
     * @param platform the platform
     * @param spec     a signal
     * @return frames without a fresh sample tolerated: {@link #STALE_UPDATE_PERIODS} update periods, in frames, of
     *         the signal's slowest sensor
     */
    static int staleLimit(final PlatformProfile platform, final SignalSpec spec) throws ProfileException {
        long slowest = 1;
        for (final SensorProfile sensor : spec.sensorsByLane()) {
            final long divider = EmulationMapping.updateDivider(sensor, platform.frameRate());
            if (STALE_UPDATE_PERIODS * divider > ChannelConfig.MAX_FRAMES) {
                // Say it in the profile's terms: the internal limits are in frames, the profile in Hz.
                throw new ProfileException(platform.file(), 0, "frame_rate", "frame_rate "
                    + hz(platform.frameRate()) + " Hz and sensor '" + sensor.name() + "' of signal '"
                    + spec.name() + "' (update_rate " + hz(sensor.updateRate()) + " Hz) give one sample every "
                    + divider + " frames; at most " + ChannelConfig.MAX_FRAMES / STALE_UPDATE_PERIODS
                    + " (its stale limit, " + STALE_UPDATE_PERIODS + " sample periods, must stay within "
                    + ChannelConfig.MAX_FRAMES + " frames)");
            }
            slowest = Math.max(slowest, divider);
        }
        return (int) (STALE_UPDATE_PERIODS * slowest);
    }

    /** A frequency as a user writes it: 1000000000, 400, 0.5 (no exponent, no trailing zeros). */
    private static String hz(final double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static IntFunction<RealVoter> voter(final PlatformProfile platform, final SignalSpec spec,
        final String field) throws ProfileException {
        final double accuracy = spec.channel().miscompareThreshold() / 2.0;
        return switch (spec.channel().voter()) {
            case MID_VALUE_SELECT, MEDIAN -> MidValueSelect::new;
            case FAULT_TOLERANT_MIDPOINT -> c -> new FaultTolerantMidpoint(c, voterFaults(c));
            case FAULT_TOLERANT_MEAN -> c -> new FaultTolerantMean(c, voterFaults(c));
            case INTERVAL_FUSION -> c -> new IntervalFusion(c, voterFaults(c), accuracy);
            case MAJORITY -> throw new ProfileException(platform.file(), 0, field + ".voter",
                "majority votes discrete words; signal '" + spec.name() + "' is real-valued (use mid_value_select)");
        };
    }

    private static PersistencePolicy persistence(final ChannelSettings.Persistence p) {
        return switch (p.kind()) {
            case CONSECUTIVE -> PersistencePolicy.consecutive(p.frames());
            case LEAKY -> PersistencePolicy.leaky(p.increment(), p.decrement(), p.trip());
        };
    }

    private static ReintegrationPolicy reintegration(final ChannelSettings.Reintegration r) {
        return switch (r.policy()) {
            case LATCH -> ReintegrationPolicy.never();
            case AFTER_GOOD_FRAMES -> ReintegrationPolicy.afterGoodFrames(r.goodFrames(), MAX_READMISSIONS);
        };
    }

    private static ReadmissionPolicy readmission(final AgreementSettings.LaneReadmission r) {
        return switch (r.policy()) {
            case NEVER -> ReadmissionPolicy.never();
            case AFTER_CLEAN_FRAMES -> ReadmissionPolicy.afterCleanFrames(r.cleanFrames(), r.maxTimes());
        };
    }

    private static DuplexPolicy duplex(final ChannelSettings c, final int n) {
        return switch (c.duplexPolicy()) {
            case AVERAGE, FAIL_SAFE -> DuplexPolicy.holdLastGood(0);
            case SELECT_BY_SELF_TEST -> {
                final int[] order = new int[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                yield DuplexPolicy.selectByPriority(order);
            }
        };
    }
}
