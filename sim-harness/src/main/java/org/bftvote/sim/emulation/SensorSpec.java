package org.bftvote.sim.emulation;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * How one healthy sensor measures its quantity. Immutable.
 *
 * <p>A sample taken at time {@code t} (seconds from frame 0) is
 * {@code truth + bias + driftPerSecond * t + noiseSigma * N(0,1)}, then modified by any active failure, then
 * quantised to {@code resolution} and clamped to {@code [rangeMin, rangeMax]} (saturation).
 *
 * @param rangeMin       lowest value the sensor can report
 * @param rangeMax       highest value the sensor can report, above {@code rangeMin}
 * @param resolution     quantisation step (reading = round(x / resolution) * resolution); 0 for none
 * @param noiseSigma     standard deviation of the white noise added to each fresh sample
 * @param bias           constant offset of a healthy unit
 * @param driftPerSecond drift of the offset, units per second (see {@link #perHour(double)})
 * @param updateDivider  a fresh sample every {@code updateDivider} frames (at frames divisible by it); in between
 *                       the last sample is held and reported as not fresh. 1 = every frame
 * @param latencyFrames  the reading of frame {@code f} is the sample prepared at frame {@code f - latencyFrames}
 */
public record SensorSpec(double rangeMin, double rangeMax, double resolution, double noiseSigma, double bias,
                         double driftPerSecond, int updateDivider, int latencyFrames) {
    /** Largest accepted latency, so the delay line stays small. */
    public static final int MAX_LATENCY_FRAMES = 4096;

    /**
     * @param rangeMin       finite
     * @param rangeMax       finite, above {@code rangeMin}
     * @param resolution     finite, non-negative
     * @param noiseSigma     finite, non-negative
     * @param bias           finite
     * @param driftPerSecond finite
     * @param updateDivider  1 to 1,000,000
     * @param latencyFrames  0 to {@link #MAX_LATENCY_FRAMES}
     */
    public SensorSpec {
        Require.finite("sensor.rangeMin", rangeMin);
        Require.finite("sensor.rangeMax", rangeMax);
        if (!(rangeMax > rangeMin)) {
            throw new InvalidConfigException("sensor.rangeMax", rangeMax, "sensor.rangeMax > sensor.rangeMin ("
                + rangeMin + ")");
        }
        Require.finiteNonNegative("sensor.resolution", resolution);
        Require.finiteNonNegative("sensor.noiseSigma", noiseSigma);
        Require.finite("sensor.bias", bias);
        Require.finite("sensor.driftPerSecond", driftPerSecond);
        Require.inRange("sensor.updateDivider", updateDivider, 1, 1_000_000);
        Require.inRange("sensor.latencyFrames", latencyFrames, 0, MAX_LATENCY_FRAMES);
    }

    /**
     * An ideal sensor over a range: no noise, bias, drift, quantisation or latency; fresh every frame.
     *
     * @param rangeMin lowest value
     * @param rangeMax highest value
     * @return the spec
     */
    public static SensorSpec ideal(final double rangeMin, final double rangeMax) {
        return new SensorSpec(rangeMin, rangeMax, 0.0, 0.0, 0.0, 0.0, 1, 0);
    }

    /**
     * @param perHour a rate per hour (datasheets give gyro drift in deg/h)
     * @return the same rate per second
     */
    public static double perHour(final double perHour) {
        return perHour / 3600.0;
    }
}
