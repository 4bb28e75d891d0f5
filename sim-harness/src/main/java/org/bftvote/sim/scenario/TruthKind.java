package org.bftvote.sim.scenario;

import org.bftvote.sim.yaml.YamlName;

/**
 * The kind of true-value model of a signal.
 */
public enum TruthKind implements YamlName {
    /** A constant value. */
    CONSTANT("constant"),
    /** An offset plus a sum of sines. */
    SUM_OF_SINES("sum_of_sines"),
    /** initial until at, then final. */
    STEP("step"),
    /** baseline, then +amplitude for half_period from start, then -amplitude for half_period, then baseline. */
    DOUBLET("doublet"),
    /** A Gaussian random walk from initial, clamped to the signal range. */
    RANDOM_WALK("random_walk"),
    /** Values read from a CSV file, linearly interpolated in time. */
    CSV("csv");

    private final String yamlName;

    TruthKind(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
