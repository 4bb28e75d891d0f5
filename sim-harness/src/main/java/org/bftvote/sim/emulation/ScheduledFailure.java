package org.bftvote.sim.emulation;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * A sensor failure active over the frames {@code [onsetFrame, endFrame)}.
 *
 * @param failure    what happens
 * @param onsetFrame first faulty frame (a sample prepared at this frame is the first affected one)
 * @param endFrame   first healthy frame again, exclusive; {@link #PERMANENT} for never
 */
public record ScheduledFailure(SensorFailure failure, long onsetFrame, long endFrame) {
    /** End frame of a failure that never ends. */
    public static final long PERMANENT = Long.MAX_VALUE;

    /**
     * @param failure    not null
     * @param onsetFrame non-negative
     * @param endFrame   after {@code onsetFrame}
     */
    public ScheduledFailure {
        Require.notNull("failure", failure);
        if (onsetFrame < 0) {
            throw new InvalidConfigException("failure.onsetFrame", onsetFrame, "failure.onsetFrame >= 0");
        }
        if (endFrame <= onsetFrame) {
            throw new InvalidConfigException("failure.endFrame", endFrame, "failure.endFrame > failure.onsetFrame ("
                + onsetFrame + ")");
        }
    }

    /**
     * @param failure    what happens
     * @param onsetFrame first faulty frame
     * @return a failure that never ends
     */
    public static ScheduledFailure from(final SensorFailure failure, final long onsetFrame) {
        return new ScheduledFailure(failure, onsetFrame, PERMANENT);
    }
}
