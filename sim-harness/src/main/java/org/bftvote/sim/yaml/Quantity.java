package org.bftvote.sim.yaml;

/**
 * A number with an explicit unit, as written in YAML: {@code {value: 150, unit: us}}.
 *
 * @param value the number as written
 * @param unit  the unit it was written in
 */
public record Quantity(double value, Unit unit) {

    /**
     * Returns the value converted to the canonical unit of its dimension (see {@link Dimension}).
     *
     * @return the canonical value
     */
    public double canonical() {
        return unit.toCanonical(value);
    }

    @Override
    public String toString() {
        return value + " " + unit.symbol();
    }
}
