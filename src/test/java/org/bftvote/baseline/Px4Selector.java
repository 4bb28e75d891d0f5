package org.bftvote.baseline;

import org.bftvote.baseline.px4.DataValidator;
import org.bftvote.baseline.px4.DataValidatorGroup;

/**
 * Drives the PX4 {@link DataValidatorGroup} port as PX4's sensors module does: every frame each instance's sample
 * is put into the group with its timestamp, error count and priority, then {@code get_best} picks one instance
 * and the output is that instance's own value. Scalars go in as {@code {value, 0, 0}}, as the scalar
 * {@code DataValidator::put} overload does. Timestamps are microseconds from the frame number, no clock.
 */
final class Px4Selector {
    /** 20 Hz. */
    static final long PERIOD_US = 50_000;
    /** Every instance at the same priority: nothing prefers one sensor over another. */
    static final int PRIORITY = 50;

    private final DataValidatorGroup group;
    private final int channels;
    private final float[] sample = new float[DataValidator.DIMENSIONS];
    private final int[] index = {-1};

    Px4Selector(final int channels) {
        this.channels = channels;
        this.group = new DataValidatorGroup(channels);
    }

    /**
     * @param frame frame number, from 0
     * @param values one reading per instance
     * @return the selected instance's value (as float, widened), NaN if none is selected
     */
    double select(final long frame, final double[] values) {
        final long timestamp = (frame + 1) * PERIOD_US;
        for (int i = 0; i < channels; i++) {
            sample[0] = (float) values[i];
            group.put(i, timestamp, sample, 0, PRIORITY);
        }
        final float[] best = group.getBest(timestamp, index);
        return best == null ? Double.NaN : best[0];
    }

    /** @return the index selected by the last {@link #select}, -1 if none */
    int selected() {
        return index[0];
    }

    /** @return the group's failover count */
    int failovers() {
        return group.failoverCount();
    }
}
