package org.bftvote.sim.profile;

import java.util.List;

import org.bftvote.sim.yaml.Unit;

/**
 * One voted signal of a platform.
 *
 * @param name          signal name, e.g. {@code "pitch_rate"}
 * @param unit          the unit the signal is reported in (values are stored canonical)
 * @param rangeMin      lowest valid value, canonical unit
 * @param rangeMax      highest valid value, canonical unit
 * @param sensorsByLane the sensor profile each lane reads the signal with, indexed like the platform's lanes
 * @param channel       the channel manager's settings for this signal
 */
public record SignalSpec(String name, Unit unit, double rangeMin, double rangeMax, List<SensorProfile> sensorsByLane,
                         ChannelSettings channel) {

    /**
     * Copies the sensor list so the record is immutable.
     *
     * @param name          see the record description
     * @param unit          see the record description
     * @param rangeMin      see the record description
     * @param rangeMax      see the record description
     * @param sensorsByLane see the record description
     * @param channel       see the record description
     */
    public SignalSpec {
        sensorsByLane = List.copyOf(sensorsByLane);
    }
}
