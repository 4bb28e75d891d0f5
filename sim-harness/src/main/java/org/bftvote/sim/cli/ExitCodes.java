package org.bftvote.sim.cli;

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
}
