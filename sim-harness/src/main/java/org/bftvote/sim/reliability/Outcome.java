package org.bftvote.sim.reliability;

/**
 * What a flight's faults led to, per {@link Condition} (indexed by ordinal).
 *
 * @param firstFrame  per condition, the window frame in which it first showed, or -1 when it did not
 * @param signals     per condition, bit s set = it showed on signal s in that frame
 * @param cutSet      per condition, bit j set = the sequence's fault j had struck by then and touches one of those
 *                    signals (a sensor of it, or a lane's computer): the fault combination it is charged to
 * @param onsetFrames each fault's onset frame in the window
 * @param frames      frames simulated (the cost of the sample)
 */
public record Outcome(long[] firstFrame, long[] signals, long[] cutSet, long[] onsetFrames, long frames) {

    /** No fault, nothing simulated. */
    public static final Outcome NOTHING = new Outcome(none(), new long[Condition.values().length],
        new long[Condition.values().length], new long[0], 0);

    /**
     * Copies the arrays.
     *
     * @param firstFrame  see the record description
     * @param signals     see the record description
     * @param cutSet      see the record description
     * @param onsetFrames see the record description
     * @param frames      see the record description
     */
    public Outcome {
        firstFrame = firstFrame.clone();
        signals = signals.clone();
        cutSet = cutSet.clone();
        onsetFrames = onsetFrames.clone();
    }

    /**
     * @param c a condition
     * @return whether it showed
     */
    public boolean occurred(final Condition c) {
        return firstFrame[c.ordinal()] >= 0;
    }

    /**
     * @param c a condition
     * @return bit j set = fault j is part of what it is charged to
     */
    public long cutSet(final Condition c) {
        return cutSet[c.ordinal()];
    }

    /**
     * @param c a condition
     * @return bit s set = it showed on signal s
     */
    public long signals(final Condition c) {
        return signals[c.ordinal()];
    }

    /**
     * @param c a condition
     * @return the frame it first showed in, or -1
     */
    public long firstFrame(final Condition c) {
        return firstFrame[c.ordinal()];
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Outcome other && frames == other.frames
            && java.util.Arrays.equals(firstFrame, other.firstFrame) && java.util.Arrays.equals(signals, other.signals)
            && java.util.Arrays.equals(cutSet, other.cutSet) && java.util.Arrays.equals(onsetFrames, other.onsetFrames);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(firstFrame) * 31 + Long.hashCode(frames);
    }

    @Override
    public String toString() {
        return "Outcome[first=" + java.util.Arrays.toString(firstFrame) + ", frames=" + frames + "]";
    }

    private static long[] none() {
        final long[] f = new long[Condition.values().length];
        java.util.Arrays.fill(f, -1L);
        return f;
    }
}
