package org.bftvote.vote;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * Build-time checks shared by the voters that tolerate a fixed number f of arbitrary inputs.
 */
final class TrimmingConfig {
    /** Widest mask, and so the most channels any voter takes. */
    static final int MAX_CHANNELS = 64;

    private TrimmingConfig() {
    }

    static int maxChannels(final int maxChannels) {
        return Require.inRange("maxChannels", maxChannels, 1, MAX_CHANNELS);
    }

    /**
     * @throws InvalidConfigException unless {@code 0 <= f} and {@code 2f + 1 <= maxChannels}
     */
    static int faults(final int f, final int maxChannels) {
        if (f < 0) {
            throw new InvalidConfigException("f", f, "0 <= f");
        }
        if (2L * f + 1 > maxChannels) {
            throw new InvalidConfigException("f", f, "2f + 1 <= maxChannels (maxChannels = " + maxChannels + ")");
        }
        return f;
    }
}
