package org.bftvote.sim.cli;

import org.bftvote.sim.execution.RunOutcome;

/**
 * The process exit codes of {@code bftvote-sim}.
 */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A run completed but its scenario's expectations were not met. */
    public static final int EXPECTATIONS_NOT_MET = 1;
    /** Bad usage, or an invalid profile, scenario or argument; the message is on standard error. */
    public static final int BAD_INPUT = 2;
    /** The run failed for another reason (an I/O error writing results, an internal error). */
    public static final int FAILED = 3;

    private ExitCodes() {
    }

    /**
     * Maps how a run ended to the exit code that reports it.
     *
     * @param outcome how the run ended
     * @return {@link #EXPECTATIONS_NOT_MET} when an expectation was not met, else {@link #OK}
     */
    public static int of(final RunOutcome outcome) {
        return outcome == RunOutcome.EXPECTATIONS_NOT_MET ? EXPECTATIONS_NOT_MET : OK;
    }
}
