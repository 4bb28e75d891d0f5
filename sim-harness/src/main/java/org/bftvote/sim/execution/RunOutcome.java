package org.bftvote.sim.execution;

/**
 * How a scenario run ended (the command line maps it to its exit code).
 */
public enum RunOutcome {
    /** The run completed and every expectation was met (or there were none). */
    PASSED,
    /** The run completed and at least one expectation was not met. */
    EXPECTATIONS_NOT_MET,
    /** The scenario was loaded and validated, but no simulation was run. */
    NOT_RUN
}
