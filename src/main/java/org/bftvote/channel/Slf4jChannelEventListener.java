package org.bftvote.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs channel events through SLF4J: failures and losses of redundancy or output at WARN, readmissions and
 * recoveries at INFO. This is the only place the library logs; it is called on transitions only, never on a
 * normal frame.
 */
public final class Slf4jChannelEventListener implements ChannelEventListener {
    private final Logger logger;

    /**
     * Logs to the logger named after {@link ChannelManager}.
     */
    public Slf4jChannelEventListener() {
        this(LoggerFactory.getLogger(ChannelManager.class));
    }

    /**
     * @param loggerName name of the SLF4J logger to write to, for example one per signal
     */
    public Slf4jChannelEventListener(final String loggerName) {
        this(LoggerFactory.getLogger(org.bftvote.Require.notNull("loggerName", loggerName)));
    }

    private Slf4jChannelEventListener(final Logger logger) {
        this.logger = logger;
    }

    @Override
    public void onChannelFailed(final int signal, final long frame, final int channel, final ExclusionReason reason) {
        logger.warn("signal {} frame {}: channel {} declared failed ({})", signal, frame, channel, reason);
    }

    @Override
    public void onChannelReintegrated(final int signal, final long frame, final int channel) {
        logger.info("signal {} frame {}: channel {} readmitted", signal, frame, channel);
    }

    @Override
    public void onRedundancyChanged(
        final int signal, final long frame, final RedundancyLevel from, final RedundancyLevel to) {
        // Enum order runs from most to least redundancy, so a higher ordinal is a loss.
        if (to.ordinal() > from.ordinal()) {
            logger.warn("signal {} frame {}: redundancy {} -> {}", signal, frame, from, to);
        } else {
            logger.info("signal {} frame {}: redundancy {} -> {}", signal, frame, from, to);
        }
    }

    @Override
    public void onOutputStatusChanged(
        final int signal, final long frame, final OutputStatus from, final OutputStatus to) {
        if (to.ordinal() > from.ordinal()) {
            logger.warn("signal {} frame {}: output {} -> {}", signal, frame, from, to);
        } else {
            logger.info("signal {} frame {}: output {} -> {}", signal, frame, from, to);
        }
    }
}
