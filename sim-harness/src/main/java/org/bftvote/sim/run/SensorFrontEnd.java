package org.bftvote.sim.run;

import org.bftvote.sim.emulation.SensorModel;
import org.bftvote.sim.emulation.SensorReading;

/**
 * Each lane's sensor samples for a frame, carried over the sensor links, into the readings and the valid and fresh
 * masks the lanes' pipelines take. A sample that does not arrive leaves the lane's previous reading in place.
 *
 * <p>Allocates at construction only. Not thread safe.
 */
final class SensorFrontEnd {
    private final SensorModel[][] sensors;
    private final SensorLinks links;
    private final int lanes;
    private final int signals;
    private final double[][] readings;
    private final long[] validMasks;
    private final long[] freshMasks;

    /**
     * @param sensors every lane's sensors, {@code [lane][signal]}
     * @param links   the sensor links between the sensors and the lanes
     */
    SensorFrontEnd(final SensorModel[][] sensors, final SensorLinks links) {
        this.sensors = sensors;
        this.links = links;
        this.lanes = sensors.length;
        this.signals = sensors.length == 0 ? 0 : sensors[0].length;
        this.readings = new double[lanes][signals];
        this.validMasks = new long[lanes];
        this.freshMasks = new long[lanes];
    }

    /**
     * Samples every sensor for frame {@code f} against the truth already in {@code sample}, and records what each
     * lane received in the sample.
     *
     * @param f      the frame
     * @param sample the frame's sample, truth filled in
     */
    void sample(final long f, final FrameSample sample) {
        links.beginFrame();
        for (int l = 0; l < lanes; l++) {
            long valid = 0L;
            long fresh = 0L;
            links.beginLane(f, l);
            final long previousValid = validMasks[l];
            for (int s = 0; s < signals; s++) {
                final SensorModel sensor = sensors[l][s];
                final SensorReading r = sensor.sample(f, sample.truth(s));
                final double value = links.receive(l, s, sensor.valueFor(l), r.valid(), r.fresh(), readings[l][s],
                    (previousValid & (1L << s)) != 0);
                readings[l][s] = value;
                if (links.valid()) {
                    valid |= 1L << s;
                }
                if (links.fresh()) {
                    fresh |= 1L << s;
                }
                sample.sensor(l, s, value, links.valid(), links.fresh());
            }
            validMasks[l] = valid;
            freshMasks[l] = fresh;
        }
    }

    /** @return each lane's readings, {@code [lane][signal]}, as of the last {@link #sample} */
    double[][] readings() {
        return readings;
    }

    /** @return each lane's valid mask over signals */
    long[] validMasks() {
        return validMasks;
    }

    /** @return each lane's fresh mask over signals */
    long[] freshMasks() {
        return freshMasks;
    }
}
