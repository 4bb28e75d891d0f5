package org.bftvote.sim.cli;

/**
 * How a scenario run ended, and the process exit code that reports it.
 */
public enum RunOutcome {
    /** The run completed and every expectation was met (or there were none). */
    PASSED(ExitCodes.OK),
    /** The run completed and at least one expectation was not met. */
    EXPECTATIONS_NOT_MET(ExitCodes.EXPECTATIONS_NOT_MET),
    /** The scenario was loaded and validated, but no simulation was run. */
    NOT_RUN(ExitCodes.OK);

    private final int exitCode;

    RunOutcome(final int exitCode) {
        this.exitCode = exitCode;
    }

    /**
     * Returns the process exit code for this outcome.
     *
     * @return the exit code
     */
    public int exitCode() {
        return exitCode;
    }
}
