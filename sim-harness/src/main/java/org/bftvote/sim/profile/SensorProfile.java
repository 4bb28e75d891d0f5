package org.bftvote.sim.profile;

import java.util.List;

import org.bftvote.sim.yaml.Unit;

/**
 * One sensor module with its measurement figures and failure modes. Values are in the canonical unit of the
 * output's dimension (deg, deg/s, m/s^2, Pa, m, m/s), times in seconds, rates in hertz. Loaded from
 * {@code hw-profiles/sensors/NAME.yaml}.
 *
 * @param name                profile name, equal to the file name without {@code .yaml}
 * @param file                the file it was loaded from, as shown in messages
 * @param description         one line saying what the profile models
 * @param outputUnit          the unit the sensor reports in; its dimension is the measured quantity's
 * @param rangeMin            lowest value the sensor can report
 * @param rangeMax            highest value the sensor can report
 * @param resolution          quantisation step of the output, &gt;= 0
 * @param noiseRms            white noise RMS per sample at the update rate (given, or derived as density times
 *                            the square root of the update rate)
 * @param bias                turn-on bias, one standard deviation
 * @param biasInstability     in-run bias instability (slow drift of the bias), one standard deviation
 * @param updateRate          samples per second, Hz
 * @param latencySeconds      delay from the physical quantity to the reported sample, seconds
 * @param failureModes        the failure modes with their rates, in file order
 */
public record SensorProfile(String name, String file, String description, Unit outputUnit, double rangeMin,
                            double rangeMax, double resolution, double noiseRms, double bias,
                            double biasInstability, double updateRate, double latencySeconds,
                            List<RatedFailure> failureModes) {

    /**
     * Copies the failure-mode list so the record is immutable.
     *
     * @param name            see the record description
     * @param file            see the record description
     * @param description     see the record description
     * @param outputUnit      see the record description
     * @param rangeMin        see the record description
     * @param rangeMax        see the record description
     * @param resolution      see the record description
     * @param noiseRms        see the record description
     * @param bias            see the record description
     * @param biasInstability see the record description
     * @param updateRate      see the record description
     * @param latencySeconds  see the record description
     * @param failureModes    see the record description
     */
    public SensorProfile {
        failureModes = List.copyOf(failureModes);
    }

    /**
     * Returns the summed rate of all failure modes.
     *
     * @return failures per flight hour
     */
    public double totalFailureRatePerFlightHour() {
        double sum = 0.0;
        for (final RatedFailure mode : failureModes) {
            sum += mode.ratePerFlightHour();
        }
        return sum;
    }
}
