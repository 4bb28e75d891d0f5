package org.bftvote.sim.run;

import org.bftvote.InvalidConfigException;

/**
 * One voted signal: its name (unique within a run, used as a CSV column prefix and a JSON key) and its unit.
 *
 * @param name signal name, for example {@code pitch_rate}
 * @param unit unit text, for example {@code deg/s}; empty when dimensionless
 */
public record SignalInfo(String name, String unit) {
    /**
     * @param name signal name, not blank
     * @param unit unit, not null
     * @throws InvalidConfigException if the name is blank or either is null
     */
    public SignalInfo {
        if (name == null || name.isBlank()) {
            throw new InvalidConfigException("signal.name", name, "a non-blank name");
        }
        if (unit == null) {
            throw new InvalidConfigException("signal.unit", "null", "a unit (empty when dimensionless)");
        }
    }

    /**
     * @return {@code "name [unit]"}, or just the name when the unit is empty: an axis label
     */
    public String label() {
        return unit.isEmpty() ? name : name + " [" + unit + "]";
    }
}
