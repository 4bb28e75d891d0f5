package org.bftvote.agreement;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.PersistencePolicy;

/**
 * Everything a {@link LanePipeline} is built from: the agreement configuration (n lanes, m, and K + 2 signals: K host
 * readings, then two reserved ones, the freshness word at index K and the accusation word at K + 1), one
 * {@link ChannelConfig} per host signal (channels = lanes), and the persistence policy that turns agreed
 * accusations into lane exclusion. Immutable; checked when built.
 *
 * <pre>{@code
 * PipelineConfig config = PipelineConfig.builder(
 *         AgreementConfig.builder(4, 1, PipelineConfig.agreementSignals(8)).omClassic().build())   // 8 + 2
 *     .allSignals(ChannelConfig.builder(4).miscompareThreshold(0.5).build())
 *     .exclusion(PersistencePolicy.consecutive(3))
 *     .build();
 * }</pre>
 */
public final class PipelineConfig {
    /** Default exclusion persistence: accused in 3 consecutive frames. */
    public static final int DEFAULT_EXCLUSION_FRAMES = 3;

    /** Agreed signals a pipeline reserves beyond its K host signals: the freshness word and the accusation word. */
    public static final int RESERVED_SIGNALS = 2;

    /** Largest K: readings and freshness are flagged by 64-bit masks. */
    public static final int MAX_HOST_SIGNALS = Long.SIZE;

    private final AgreementConfig agreement;
    private final ChannelConfig[] channels;
    private final PersistencePolicy exclusion;

    private PipelineConfig(final Builder builder) {
        this.agreement = builder.agreement;
        this.channels = builder.channels.clone();
        this.exclusion = builder.exclusion;
    }

    /**
     * The signal count the agreement configuration of a pipeline with K host signals must have.
     *
     * @param hostSignals K
     * @return K + {@link #RESERVED_SIGNALS}
     */
    public static int agreementSignals(final int hostSignals) {
        return hostSignals + RESERVED_SIGNALS;
    }

    /**
     * @param agreement agreement configuration; {@code signals()} counts the two reserved signals (freshness and
     *                  accusation words), i.e. {@link #agreementSignals(int) agreementSignals(K)}
     * @return a builder
     */
    public static Builder builder(final AgreementConfig agreement) {
        return new Builder(agreement);
    }

    /** @return the agreement configuration */
    public AgreementConfig agreement() {
        return agreement;
    }

    /** @return K, the number of host signals */
    public int signals() {
        return channels.length;
    }

    /**
     * @param signal host signal, 0 to K - 1
     * @return its channel configuration
     */
    public ChannelConfig channel(final int signal) {
        return channels[signal];
    }

    /** @return the persistence policy applied to agreed accusations before a lane is excluded */
    public PersistencePolicy exclusion() {
        return exclusion;
    }

    /** Builds a {@link PipelineConfig}; not thread safe. */
    public static final class Builder {
        private final AgreementConfig agreement;
        private final ChannelConfig[] channels;
        private PersistencePolicy exclusion = PersistencePolicy.consecutive(DEFAULT_EXCLUSION_FRAMES);

        private Builder(final AgreementConfig agreement) {
            this.agreement = Require.notNull("agreement", agreement);
            // K host signals plus the freshness and accusation words; K <= 64 because readings are validated and
            // flagged fresh by 64-bit masks.
            Require.inRange("agreement.signals", agreement.signals(), agreementSignals(1),
                agreementSignals(MAX_HOST_SIGNALS));
            this.channels = new ChannelConfig[agreement.signals() - RESERVED_SIGNALS];
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
         */
        public Builder signal(final int signal, final ChannelConfig config) {
            channels[Require.inRange("signal", signal, 0, channels.length - 1)] = config;
            return this;
        }

        /**
         * @param policy persistence of agreed accusations before exclusion
         * @return this
         */
        public Builder exclusion(final PersistencePolicy policy) {
            this.exclusion = Require.notNull("exclusion", policy);
            return this;
        }

        /**
         * @return the configuration
         * @throws InvalidConfigException if a signal has no channel configuration or its channel count is not n
         */
        public PipelineConfig build() {
            for (int k = 0; k < channels.length; k++) {
                final ChannelConfig c = Require.notNull("channel[" + k + "]", channels[k]);
                if (c.channelCount() != agreement.lanes()) {
                    throw new InvalidConfigException("channel[" + k + "].channelCount", c.channelCount(),
                        "channelCount == lanes (" + agreement.lanes() + ")");
                }
            }
            return new PipelineConfig(this);
        }
    }
}
