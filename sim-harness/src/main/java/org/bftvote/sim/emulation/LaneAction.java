package org.bftvote.sim.emulation;

/** What the runner does to one lane's message to one receiver; see {@link LaneDecision}. */
public enum LaneAction {
    /** Send it as the lane computed it. */
    SEND,
    /** Do not send it (crash or omission). */
    DROP,
    /** Rewrite every value entry to entry + {@link LaneDecision#value()} (two-faced, through the interceptor). */
    OFFSET,
    /** Rewrite every value entry to {@link LaneDecision#value()} (two-faced with fixed values). */
    REPLACE,
    /** Overwrite the bytes with {@link ByteCorruption#fillRandom} from {@link LaneDecision#seed()}. */
    GARBAGE,
    /** Deliver it after the round deadline (slightly-off-specification timing). */
    LATE
}
