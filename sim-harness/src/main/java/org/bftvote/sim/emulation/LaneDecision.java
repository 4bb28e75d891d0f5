package org.bftvote.sim.emulation;

/**
 * The decision for one lane's message to one receiver in the current frame, written by
 * {@link LaneFaultModel#decide} into an object the caller owns and reuses.
 */
public final class LaneDecision {
    private LaneAction action = LaneAction.SEND;
    private double value;
    private long seed;
    private int extraMessages;
    private long frameOffset;
    private double delayUs;

    /** Creates a decision holder (initially {@link LaneAction#SEND}). */
    public LaneDecision() {
    }

    void set(final LaneAction newAction, final double newValue, final long newSeed, final int newExtra,
             final long newFrameOffset, final double newDelayUs) {
        this.action = newAction;
        this.value = newValue;
        this.seed = newSeed;
        this.extraMessages = newExtra;
        this.frameOffset = newFrameOffset;
        this.delayUs = newDelayUs;
    }

    /**
     * @return how late the message leaves the lane, µs (slightly-off-specification timing): the bus's transfer
     *         time is added to it before the deadline check; 0 normally
     */
    public double delayUs() {
        return delayUs;
    }

    /**
     * @return what to do with the message
     */
    public LaneAction action() {
        return action;
    }

    /**
     * @return the offset ({@link LaneAction#OFFSET}) or value ({@link LaneAction#REPLACE}); else 0
     */
    public double value() {
        return value;
    }

    /**
     * @return the garbage seed for {@link LaneAction#GARBAGE}; else 0
     */
    public long seed() {
        return seed;
    }

    /**
     * @return extra (babbled) messages to send to this receiver besides the decided one; 0 normally
     */
    public int extraMessages() {
        return extraMessages;
    }

    /**
     * @return frame stamp offset of the extra messages (for example +1: next frame's number)
     */
    public long frameOffset() {
        return frameOffset;
    }
}
