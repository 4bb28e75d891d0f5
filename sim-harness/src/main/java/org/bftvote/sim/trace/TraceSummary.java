package org.bftvote.sim.trace;

/**
 * What a complete read of a trace found.
 *
 * @param frames     frame documents read (and handed on)
 * @param exclusions exclusion documents read (and handed on)
 * @param truncated  whether the trace has no end document: the run stopped before it finished, and everything it
 *                   appended up to then was read
 */
public record TraceSummary(long frames, long exclusions, boolean truncated) {
}
