package org.bftvote.channel;

import java.util.function.IntFunction;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;
import org.bftvote.vote.MidValueSelect;
import org.bftvote.vote.RealVoter;

/**
 * Configuration of the redundancy management of one signal, checked when built and immutable after. Several
 * {@link ChannelManager}s may share one configuration; each builds its own voter from the factory.
 *
 * <pre>{@code
 * ChannelConfig aoa = ChannelConfig.builder(3)
 *     .signalId(7)
 *     .range(-30.0, 60.0)                 // degrees
 *     .rateLimit(5.0)                     // degrees per frame
 *     .staleLimit(4)                      // frames without a fresh sample
 *     .frozenDetection(20)                // identical frames while another channel moved
 *     .miscompareThreshold(1.5)           // degrees from the median-based vote
 *     .persistence(PersistencePolicy.consecutive(10))
 *     .duplex(DuplexPolicy.holdLastGood(5))
 *     .build();
 * }</pre>
 *
 * <p>Defaults: voter mid-value select, no range, rate, stale or frozen check, persistence
 * {@code consecutive(3)}, reintegration {@link ReintegrationPolicy#never()}, duplex
 * {@link DuplexPolicy#holdLastGood(int) holdLastGood(0)}, no status hold. The miscompare threshold has no default and
 * must be given.
 */
public final class ChannelConfig {
    /** Largest frame count accepted for the stale limit and frozen detection. */
    public static final int MAX_FRAMES = 1_000_000;

    private final int channelCount;
    private final int signalId;
    private final IntFunction<RealVoter> voterFactory;
    private final double rangeMin;
    private final double rangeMax;
    private final double rateLimit;
    private final int staleLimit;
    private final int frozenFrames;
    private final double miscompareThreshold;
    private final PersistencePolicy persistence;
    private final ReintegrationPolicy reintegration;
    private final DuplexPolicy duplex;
    private final int statusHoldFrames;

    private ChannelConfig(final Builder b, final double threshold) {
        this.channelCount = b.channelCount;
        this.signalId = b.signalId;
        this.voterFactory = b.voterFactory;
        this.rangeMin = b.rangeMin;
        this.rangeMax = b.rangeMax;
        this.rateLimit = b.rateLimit;
        this.staleLimit = b.staleLimit;
        this.frozenFrames = b.frozenFrames;
        this.miscompareThreshold = threshold;
        this.persistence = b.persistence;
        this.reintegration = b.reintegration;
        this.duplex = b.duplex;
        this.statusHoldFrames = b.statusHoldFrames;
    }

    /**
     * @param channelCount number of redundant channels of the signal, 1 to 64 (checked by {@link Builder#build()})
     * @return a builder with the defaults
     */
    public static Builder builder(final int channelCount) {
        return new Builder(channelCount);
    }

    /**
     * @return number of channels.
     */
    public int channelCount() {
        return channelCount;
    }

    /**
     * @return the id passed to every event, to tell signals apart.
     */
    public int signalId() {
        return signalId;
    }

    /**
     * Builds a new voter for one manager: voters keep scratch arrays, so managers never share one.
     *
     * @return a new voter for {@link #channelCount()} channels
     * @throws InvalidConfigException if the factory returns null or a voter built for fewer channels
     */
    public RealVoter newVoter() {
        final RealVoter v = voterFactory.apply(channelCount);
        if (v == null) {
            throw new InvalidConfigException("voter", "null", "the factory must return a voter");
        }
        if (v.maxChannels() < channelCount) {
            throw new InvalidConfigException("voter.maxChannels", v.maxChannels(),
                "voter.maxChannels >= channelCount (" + channelCount + ")");
        }
        return v;
    }

    /**
     * @return lowest value accepted; {@code -Infinity} when no range is set.
     */
    public double rangeMin() {
        return rangeMin;
    }

    /**
     * @return highest value accepted; {@code +Infinity} when no range is set.
     */
    public double rangeMax() {
        return rangeMax;
    }

    /**
     * @return largest change per frame from the channel's previous valid value; {@code +Infinity} when off.
     */
    public double rateLimit() {
        return rateLimit;
    }

    /**
     * @return frames in a row without a fresh sample that are still accepted; {@link Integer#MAX_VALUE} when off.
     */
    public int staleLimit() {
        return staleLimit;
    }

    /**
     * @return frames of a bit-identical value (while another healthy channel moved) that declare a channel frozen;
     *         0 when off.
     */
    public int frozenFrames() {
        return frozenFrames;
    }

    /**
     * @return largest accepted distance between a channel and the median-based vote (absolute, already converted
     *         from a fraction of the range if given that way).
     */
    public double miscompareThreshold() {
        return miscompareThreshold;
    }

    /**
     * @return the persistence policy for miscompares and input-check rejections.
     */
    public PersistencePolicy persistence() {
        return persistence;
    }

    /**
     * @return the reintegration policy.
     */
    public ReintegrationPolicy reintegration() {
        return reintegration;
    }

    /**
     * @return the policy for a disagreement that cannot be voted out.
     */
    public DuplexPolicy duplex() {
        return duplex;
    }

    /**
     * @return frames for which a {@link OutputStatus#NORMAL} output keeps that status while channels that are not
     *         declared failed are only rejected for a moment; 0 when off.
     */
    public int statusHoldFrames() {
        return statusHoldFrames;
    }

    @Override
    public String toString() {
        return "ChannelConfig{signal=" + signalId + ", channels=" + channelCount + ", range=[" + rangeMin + ", "
            + rangeMax + "], rateLimit=" + rateLimit + ", staleLimit=" + staleLimit + ", frozenFrames="
            + frozenFrames + ", threshold=" + miscompareThreshold + ", persistence=" + persistence
            + ", reintegration=" + reintegration + ", duplex=" + duplex + ", statusHold=" + statusHoldFrames + "}";
    }

    /**
     * Collects the settings; {@link #build()} checks them all. Not thread safe; reusable.
     */
    public static final class Builder {
        private final int channelCount;
        private int signalId;
        private IntFunction<RealVoter> voterFactory = MidValueSelect::new;
        private double rangeMin = Double.NEGATIVE_INFINITY;
        private double rangeMax = Double.POSITIVE_INFINITY;
        private boolean rangeSet;
        private double rateLimit = Double.POSITIVE_INFINITY;
        private int staleLimit = Integer.MAX_VALUE;
        private int frozenFrames;
        private double threshold = Double.NaN;
        private double thresholdFraction = Double.NaN;
        private boolean thresholdSet;
        private boolean fractionSet;
        private PersistencePolicy persistence = PersistencePolicy.consecutive(3);
        private ReintegrationPolicy reintegration = ReintegrationPolicy.never();
        private DuplexPolicy duplex = DuplexPolicy.holdLastGood(0);
        private int statusHoldFrames;

        private Builder(final int channelCount) {
            this.channelCount = channelCount;
        }

        /**
         * @param id any number identifying the signal in events (default 0)
         * @return this builder
         */
        public Builder signalId(final int id) {
            this.signalId = id;
            return this;
        }

        /**
         * Sets how each manager gets its own voter. The factory is called with the channel count, once when the
         * configuration is built (to check it) and once per {@link ChannelManager}; it must return a new instance
         * each time, built for at least that many channels. Default {@code MidValueSelect::new}.
         *
         * <p>Whatever the output voter, channels are condemned by comparing them with the median of the
         * available channels, so a faulty channel cannot drag the reference that condemns healthy ones.
         *
         * @param factory channel count to new voter
         * @return this builder
         */
        public Builder voter(final IntFunction<RealVoter> factory) {
            this.voterFactory = factory;
            return this;
        }

        /**
         * @param min lowest accepted value, finite
         * @param max highest accepted value, finite, {@code >= min}
         * @return this builder
         */
        public Builder range(final double min, final double max) {
            this.rangeMin = min;
            this.rangeMax = max;
            this.rangeSet = true;
            return this;
        }

        /**
         * @param perFrame largest accepted change from the channel's previous valid value per frame elapsed since
         *                 it, finite and {@code > 0}
         * @return this builder
         */
        public Builder rateLimit(final double perFrame) {
            this.rateLimit = perFrame;
            return this;
        }

        /**
         * @param frames frames in a row without a fresh sample still accepted, 0 to {@link #MAX_FRAMES}; the next
         *               one is rejected as {@link ExclusionReason#STALE}
         * @return this builder
         */
        public Builder staleLimit(final int frames) {
            this.staleLimit = frames;
            return this;
        }

        /**
         * @param frames fresh frames with a bit-identical value, counted while another healthy channel moved, that
         *               declare a channel {@link ExclusionReason#FROZEN}, 1 to {@link #MAX_FRAMES}. Choose it
         *               well above the longest repeat a quantised healthy sensor shows.
         * @return this builder
         */
        public Builder frozenDetection(final int frames) {
            this.frozenFrames = frames;
            return this;
        }

        /**
         * @param absolute largest accepted distance from the median-based vote, finite and {@code > 0}
         * @return this builder
         */
        public Builder miscompareThreshold(final double absolute) {
            this.threshold = absolute;
            this.thresholdSet = true;
            this.fractionSet = false;
            return this;
        }

        /**
         * @param fraction the threshold as a fraction of {@code max - min} of {@link #range}, {@code 0 < f <= 1};
         *                 needs the range set
         * @return this builder
         */
        public Builder miscompareThresholdFractionOfRange(final double fraction) {
            this.thresholdFraction = fraction;
            this.fractionSet = true;
            this.thresholdSet = false;
            return this;
        }

        /**
         * @param policy persistence policy (default {@code consecutive(3)})
         * @return this builder
         */
        public Builder persistence(final PersistencePolicy policy) {
            this.persistence = policy;
            return this;
        }

        /**
         * @param policy reintegration policy (default {@link ReintegrationPolicy#never()})
         * @return this builder
         */
        public Builder reintegration(final ReintegrationPolicy policy) {
            this.reintegration = policy;
            return this;
        }

        /**
         * @param policy duplex policy (default {@code holdLastGood(0)})
         * @return this builder
         */
        public Builder duplex(final DuplexPolicy policy) {
            this.duplex = policy;
            return this;
        }

        /**
         * Holds a {@link OutputStatus#NORMAL} status through short rejections, so that a sensor that drops single
         * samples does not flap the status: while enough channels are not declared failed to vote normally, an
         * output that would be {@link OutputStatus#DEGRADED} only because channels failed an input check or
         * miscompared this frame stays {@code NORMAL} for up to {@code frames} frames in a row (its value is the vote
         * of the channels available, as without the hold). A longer shortfall, a latched failure, or a frame that
         * votes no value reports what the vote gives.
         *
         * @param frames 0 (off, the default) to {@link #MAX_FRAMES}
         * @return this builder
         */
        public Builder statusHold(final int frames) {
            this.statusHoldFrames = frames;
            return this;
        }

        /**
         * @return the checked configuration
         * @throws InvalidConfigException naming the first parameter out of bounds, its value and the bound
         */
        public ChannelConfig build() {
            Require.inRange("channelCount", channelCount, 1, 64);
            Require.notNull("voter", voterFactory);
            if (rangeSet) {
                Require.finite("range.min", rangeMin);
                Require.finite("range.max", rangeMax);
                if (rangeMin > rangeMax) {
                    throw new InvalidConfigException("range.min", rangeMin,
                        "range.min <= range.max (" + rangeMax + ")");
                }
            }
            if (!(rateLimit > 0.0)) {
                throw new InvalidConfigException("rateLimit", rateLimit, "0 < rateLimit (finite)");
            }
            if (rateLimit != Double.POSITIVE_INFINITY) {
                Require.finite("rateLimit", rateLimit);
            }
            if (staleLimit != Integer.MAX_VALUE) {
                Require.inRange("staleLimit", staleLimit, 0, MAX_FRAMES);
            }
            if (frozenFrames != 0) {
                Require.inRange("frozenDetection.frames", frozenFrames, 1, MAX_FRAMES);
            }
            Require.inRange("statusHold", statusHoldFrames, 0, MAX_FRAMES);
            final double absolute = checkedThreshold();
            Require.notNull("persistence", persistence);
            Require.notNull("reintegration", reintegration);
            Require.notNull("duplex", duplex).checkAgainst(channelCount);
            final ChannelConfig config = new ChannelConfig(this, absolute);
            config.newVoter();
            return config;
        }

        private double checkedThreshold() {
            if (fractionSet) {
                if (!(thresholdFraction > 0.0 && thresholdFraction <= 1.0)) {
                    throw new InvalidConfigException("miscompareThresholdFraction", thresholdFraction,
                        "0 < miscompareThresholdFraction <= 1");
                }
                if (!rangeSet) {
                    throw new InvalidConfigException("miscompareThresholdFraction", thresholdFraction,
                        "needs range(min, max) set");
                }
                final double absolute = thresholdFraction * (rangeMax - rangeMin);
                if (!(absolute > 0.0) || !Double.isFinite(absolute)) {
                    throw new InvalidConfigException("miscompareThresholdFraction", thresholdFraction,
                        "fraction * (range.max - range.min) finite and > 0");
                }
                return absolute;
            }
            if (!thresholdSet) {
                throw new InvalidConfigException("miscompareThreshold", "unset",
                    "must be given: miscompareThreshold(abs) or miscompareThresholdFractionOfRange(f)");
            }
            if (!(threshold > 0.0) || !Double.isFinite(threshold)) {
                throw new InvalidConfigException("miscompareThreshold", threshold,
                    "0 < miscompareThreshold < infinity");
            }
            return threshold;
        }
    }
}
