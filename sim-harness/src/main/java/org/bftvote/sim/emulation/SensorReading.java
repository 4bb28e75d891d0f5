package org.bftvote.sim.emulation;

/**
 * What a sensor reports in one frame. Owned and overwritten by its {@link SensorModel} on every
 * {@link SensorModel#sample(long, double)} call: read it before the next call, copy what must be kept.
 */
public final class SensorReading {
    private double value = Double.NaN;
    private boolean fresh;
    private boolean valid;
    private boolean saturated;

    SensorReading() {
    }

    void set(final double newValue, final boolean newFresh, final boolean newValid, final boolean newSaturated) {
        this.value = newValue;
        this.fresh = newFresh;
        this.valid = newValid;
        this.saturated = newSaturated;
    }

    /**
     * @return the reported value (quantised, within range); NaN when there is no sample yet
     */
    public double value() {
        return value;
    }

    /**
     * @return true if the value is a new sample, false if the last sample is being held
     */
    public boolean fresh() {
        return fresh;
    }

    /**
     * @return the sensor's own validity flag (like an ARINC 429 sign/status matrix): false before the first sample
     *     arrives, when the truth was missing, or while a self-detected failure is active. Silent failures keep it
     *     true.
     */
    public boolean valid() {
        return valid;
    }

    /**
     * @return true if the value was clamped to a range limit (a saturated reading is still reported valid)
     */
    public boolean saturated() {
        return saturated;
    }
}
