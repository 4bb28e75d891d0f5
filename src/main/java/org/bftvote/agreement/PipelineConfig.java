package org.bftvote.agreement;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.PersistencePolicy;

/**
 * Everything a {@link LanePipeline} is built from: n lanes, the round parameter m and the algorithm, K host signals
 * with one {@link ChannelConfig} each (channels = lanes), the persistence policy that turns agreed accusations into
 * lane exclusion, and the policy that readmits excluded lanes. Immutable; checked when built.
 *
 * <pre>{@code
 * PipelineConfig config = PipelineConfig.builder(4, 1, 8)        // 4 lanes, OM(1), 8 host signals
 *     .allSignals(ChannelConfig.builder(4).miscompareThreshold(0.5).build())
 *     .exclusion(PersistencePolicy.consecutive(3))
 *     .readmission(ReadmissionPolicy.afterCleanFrames(100, 3))
 *     .build();
 * }</pre>
 *
 * <p>The agreement it builds ({@link #agreement()}) carries K + {@link #RESERVED_SIGNALS} signals per lane: the K
 * readings, then the pipeline's sync word (index K) and the lane's diagnosis word (K + 1); the host never counts
 * them itself.
 */
public final class PipelineConfig {
    /** Default exclusion persistence: accused in 3 consecutive frames. */
    public static final int DEFAULT_EXCLUSION_FRAMES = 3;

    /** Default readmission: after 100 consecutive clean frames, at most 3 times per lane. */
    public static final ReadmissionPolicy DEFAULT_READMISSION = ReadmissionPolicy.afterCleanFrames(100, 3);

    /** Agreed signals a pipeline reserves beyond its K host signals: the sync word and the diagnosis word. */
    public static final int RESERVED_SIGNALS = 2;

    /** Largest K: readings are flagged valid and fresh by 64-bit masks. */
    public static final int MAX_HOST_SIGNALS = Long.SIZE;

    /** Most lanes: the diagnosis word holds the accusations (one bit a lane) and a 32-bit state tag. */
    public static final int MAX_LANES = AgreementLane.MAX_LANES_WITH_TAG;

    private final AgreementConfig agreement;
    private final ChannelConfig[] channels;
    private final PersistencePolicy exclusion;
    private final ReadmissionPolicy readmission;

    private PipelineConfig(final Builder builder, final AgreementConfig agreement) {
        this.agreement = agreement;
        this.channels = builder.channels.clone();
        this.exclusion = builder.exclusion;
        this.readmission = builder.readmission;
    }

    /**
     * @param lanes       n, 1 to {@link #MAX_LANES}
     * @param m           the round parameter (m + 1 rounds), 0 to n - 1
     * @param hostSignals K, the host's readings per lane, 1 to {@link #MAX_HOST_SIGNALS}
     * @return a builder, by default for OM(m) ({@link AgreementConfig.Mode#OM_CLASSIC})
     * @throws InvalidConfigException naming the argument out of range
     */
    public static Builder builder(final int lanes, final int m, final int hostSignals) {
        return new Builder(lanes, m, hostSignals);
    }

    /** @return the agreement configuration, with K + {@link #RESERVED_SIGNALS} signals */
    public AgreementConfig agreement() {
        return agreement;
    }

    /** @return n, the number of lanes */
    public int lanes() {
        return agreement.lanes();
    }

    /** @return K, the number of host signals */
    public int signals() {
        return channels.length;
    }

    /**
     * @param signal host signal, 0 to K - 1
     * @return its channel configuration
     * @throws InvalidConfigException if {@code signal} is out of range
     */
    public ChannelConfig channel(final int signal) {
        return channels[Require.inRange("signal", signal, 0, channels.length - 1)];
    }

    /** @return the persistence policy applied to agreed accusations before a lane is excluded */
    public PersistencePolicy exclusion() {
        return exclusion;
    }

    /** @return the policy that readmits excluded lanes */
    public ReadmissionPolicy readmission() {
        return readmission;
    }

    @Override
    public String toString() {
        return "PipelineConfig[" + agreement + ", K=" + channels.length + ", exclusion=" + exclusion
            + ", readmission=" + readmission + "]";
    }

    /** Builds a {@link PipelineConfig}; not thread safe. */
    public static final class Builder {
        private final AgreementConfig.Builder agreement;
        private final ChannelConfig[] channels;
        private PersistencePolicy exclusion = PersistencePolicy.consecutive(DEFAULT_EXCLUSION_FRAMES);
        private ReadmissionPolicy readmission = DEFAULT_READMISSION;

        private Builder(final int lanes, final int m, final int hostSignals) {
            Require.inRange("lanes", lanes, 1, MAX_LANES);
            Require.inRange("m", m, 0, lanes - 1);
            Require.inRange("hostSignals", hostSignals, 1, MAX_HOST_SIGNALS);
            this.agreement = AgreementConfig.builder(lanes, m, hostSignals + RESERVED_SIGNALS);
            this.channels = new ChannelConfig[hostSignals];
        }

        /**
         * Selects OM(m), Lamport, Shostak and Pease (the default): any m faulty lanes when {@code n >= 3m + 1}.
         *
         * @return this
         */
        public Builder omClassic() {
            agreement.omClassic();
            return this;
        }

        /**
         * Selects the corrected hybrid algorithm OMH(m) with a promised budget: {@code n > 2a + 2s + b + m},
         * {@code m >= a}.
         *
         * @param asymmetric a, asymmetric faulty lanes
         * @param symmetric  s, symmetric faulty lanes
         * @param benign     b, benign faulty lanes
         * @return this
         */
        public Builder hybrid(final int asymmetric, final int symmetric, final int benign) {
            agreement.hybrid(asymmetric, symmetric, benign);
            return this;
        }

        /**
         * @param config one channel configuration used for every host signal
         * @return this
         */
        public Builder allSignals(final ChannelConfig config) {
            for (int k = 0; k < channels.length; k++) {
                channels[k] = config;
            }
            return this;
        }

        /**
         * @param signal host signal, 0 to K - 1
         * @param config its channel configuration
         * @return this
         * @throws InvalidConfigException if {@code signal} is out of range
         */
        public Builder signal(final int signal, final ChannelConfig config) {
            channels[Require.inRange("signal", signal, 0, channels.length - 1)] = config;
            return this;
        }

        /**
         * @param policy persistence of agreed accusations before exclusion (default consecutive(3))
         * @return this
         */
        public Builder exclusion(final PersistencePolicy policy) {
            this.exclusion = Require.notNull("exclusion", policy);
            return this;
        }

        /**
         * @param policy when excluded lanes are readmitted (default {@link #DEFAULT_READMISSION})
         * @return this
         */
        public Builder readmission(final ReadmissionPolicy policy) {
            this.readmission = Require.notNull("readmission", policy);
            return this;
        }

        /**
         * @return the configuration
         * @throws InvalidConfigException if the agreement is outside its bound (naming the inequality), or a signal
         *                                has no channel configuration or one whose channel count is not n
         */
        public PipelineConfig build() {
            final AgreementConfig built = agreement.build();
            for (int k = 0; k < channels.length; k++) {
                final ChannelConfig c = Require.notNull("channel[" + k + "]", channels[k]);
                if (c.channelCount() != built.lanes()) {
                    throw new InvalidConfigException("channel[" + k + "].channelCount", c.channelCount(),
                        "channelCount == lanes (" + built.lanes() + ")");
                }
            }
            return new PipelineConfig(this, built);
        }
    }
}
