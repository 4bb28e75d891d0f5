package org.bftvote.sim.results;

import org.bftvote.sim.run.InjectedFault;

/**
 * What became of one injected fault (see {@link RunMetrics} for the definition of detection).
 *
 * @param fault               the injection
 * @param status              detected, undetected, not started (onset after the last frame run), or no unit (a bus
 *                            fault: nothing to isolate)
 * @param detectionFrame      frame at which every healthy lane had excluded the unit, -1 if not detected
 * @param latencyFrames       {@code detectionFrame - onset}, -1 if not detected
 * @param latencySeconds      latency in seconds, NaN if not detected
 * @param firstExclusionFrame per observing lane, first frame at or after onset it excluded the unit (-1 never);
 *                            the caller owns this copy
 */
public record FaultOutcome(InjectedFault fault, Status status, long detectionFrame, long latencyFrames,
    double latencySeconds, long[] firstExclusionFrame) {

    /** Whether the fault was detected. */
    public enum Status {
        /** Every healthy lane excluded the faulty unit. */
        DETECTED,
        /** Active, but not excluded by every healthy lane by the end of the run. */
        UNDETECTED,
        /** Its onset lies after the last frame run. */
        NOT_STARTED,
        /** A fault with no unit the lanes could isolate (a bus fault): its effect shows in the message counts. */
        NO_UNIT
    }

    /**
     * @return whether {@link #status()} is {@link Status#DETECTED}
     */
    public boolean detected() {
        return status == Status.DETECTED;
    }
}
