package org.bftvote.sim.baseline;

import org.bftvote.sim.baseline.px4.DataValidator;
import org.bftvote.sim.baseline.px4.DataValidatorGroup;

/**
 * Drives the PX4 {@link DataValidatorGroup} port as PX4's sensors module does: each instance's new sample is put
 * into the group with its timestamp, error count 0 and an equal priority, then {@code get_best} picks one instance
 * and the output is that instance's own value. Scalars go in as {@code {value, 0, 0}}, as the scalar
 * {@code DataValidator::put} overload does. Timestamps are the caller's (microseconds), no clock. Not thread safe.
 */
public final class Px4Selector {
    /** 20 Hz, the period of {@link #select(long, double[])}. */
    public static final long PERIOD_US = 50_000;
    /** Every instance at the same priority: nothing prefers one sensor over another. */
    public static final int PRIORITY = 50;

    private final DataValidatorGroup group;
    private final int channels;
    private final float[] sample = new float[DataValidator.DIMENSIONS];
    private final int[] index = {-1};

    /** @param channels the instances */
    public Px4Selector(final int channels) {
        this.channels = channels;
        this.group = new DataValidatorGroup(channels);
    }

    /**
     * One frame at 20 Hz, every instance with a new sample.
     *
     * @param frame  frame number, from 0
     * @param values one reading per instance
     * @return the selected instance's value (as float, widened), NaN if none is selected
     */
    public double select(final long frame, final double[] values) {
        return select((frame + 1) * PERIOD_US, values, -1L);
    }

    /**
     * One frame at a given time; only the instances with a new sample are put.
     *
     * @param timestampUs the frame's time, microseconds, increasing
     * @param values      one reading per instance
     * @param freshMask   bit i set iff instance i has a new sample
     * @return the selected instance's value (as float, widened), NaN if none is selected
     */
    public double select(final long timestampUs, final double[] values, final long freshMask) {
        return select(timestampUs, values, freshMask, null);
    }

    /**
     * One frame at a given time with each instance's driver error count; only the instances with a new sample are
     * put.
     *
     * @param timestampUs the frame's time, microseconds, increasing
     * @param values      one reading per instance
     * @param freshMask   bit i set iff instance i has a new sample
     * @param errorCounts per instance its cumulative error count (PX4's {@code error_count}), or {@code null} for 0
     * @return the selected instance's value (as float, widened), NaN if none is selected
     */
    public double select(final long timestampUs, final double[] values, final long freshMask,
        final int[] errorCounts) {
        for (int i = 0; i < channels; i++) {
            if ((freshMask & (1L << i)) != 0) {
                sample[0] = (float) values[i];
                group.put(i, timestampUs, sample, errorCounts == null ? 0 : errorCounts[i], PRIORITY);
            }
        }
        final float[] best = group.getBest(timestampUs, index);
        return best == null ? Double.NaN : best[0];
    }

    /** @return the index selected by the last {@code select}, -1 if none */
    public int selected() {
        return index[0];
    }

    /** @return the group's failover count */
    public int failovers() {
        return group.failoverCount();
    }
}
