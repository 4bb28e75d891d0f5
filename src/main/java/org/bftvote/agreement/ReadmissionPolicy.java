package org.bftvote.agreement;

import org.bftvote.Require;

/**
 * When an excluded lane is taken back, the lane counterpart of {@link org.bftvote.channel.ReintegrationPolicy}:
 * never, or after a number of consecutive <em>clean</em> frames, at most a number of times per lane. A frame is clean
 * for an excluded lane when fewer than f + 1 lanes accuse it in their agreed accusation words; a lane accuses an
 * excluded lane when its round-1 message is missing or malformed, when its state digest is not the accuser's own,
 * or when it declares itself syncing (see {@link LanePipeline}). Every healthy lane judges from the same agreed
 * accusations, so a lane is readmitted at the same frame everywhere. Immutable.
 */
public final class ReadmissionPolicy {
    /** Largest clean-frame count and readmission count accepted. */
    public static final int MAX_COUNT = 1_000_000;

    private static final ReadmissionPolicy NEVER = new ReadmissionPolicy(0, 0);

    private final int cleanFrames;
    private final int maxTimes;

    private ReadmissionPolicy(final int cleanFrames, final int maxTimes) {
        this.cleanFrames = cleanFrames;
        this.maxTimes = maxTimes;
    }

    /**
     * @return the policy that never readmits: lane exclusion is final
     */
    public static ReadmissionPolicy never() {
        return NEVER;
    }

    /**
     * @param cleanFrames consecutive clean frames needed, 1 to {@link #MAX_COUNT}
     * @param maxTimes    readmissions allowed per lane, 1 to {@link #MAX_COUNT}; a lane excluded once more after
     *                    its last readmission stays out (a flapping lane)
     * @return the policy
     * @throws org.bftvote.InvalidConfigException naming the parameter out of bounds
     */
    public static ReadmissionPolicy afterCleanFrames(final int cleanFrames, final int maxTimes) {
        Require.inRange("readmission.cleanFrames", cleanFrames, 1, MAX_COUNT);
        Require.inRange("readmission.maxTimes", maxTimes, 1, MAX_COUNT);
        return new ReadmissionPolicy(cleanFrames, maxTimes);
    }

    /** @return true for {@link #never()} */
    public boolean isNever() {
        return maxTimes == 0;
    }

    /** @return consecutive clean frames needed (0 for {@link #never()}) */
    public int cleanFrames() {
        return cleanFrames;
    }

    /** @return readmissions allowed per lane (0 for {@link #never()}) */
    public int maxTimes() {
        return maxTimes;
    }

    @Override
    public String toString() {
        return isNever() ? "never" : "afterCleanFrames(" + cleanFrames + ", maxTimes " + maxTimes + ")";
    }
}
