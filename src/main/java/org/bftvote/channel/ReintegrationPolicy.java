package org.bftvote.channel;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * Whether a channel declared failed may come back. Immutable.
 *
 * <p>{@link #never()} (the default) latches every failure until a maintenance reset. With
 * {@link #afterGoodFrames(int, int) afterGoodFrames(m, k)}, a failed channel stays monitored: it is still
 * input-checked and compared against the vote of the healthy channels while excluded, and after m consecutive
 * good frames it is readmitted, at most k times in its life (until a reset). Only failures whose reason the
 * policy {@link #readmits(ExclusionReason) readmits} come back; by default that is {@link ExclusionReason#MISCOMPARE}
 * alone, so a channel latched for an input-check reason or for {@link ExclusionReason#FROZEN} stays out
 * (a unit known to be broken must not be used again after another unit fails, as happened on Malaysia 124)
 * unless {@link #readmitting(ExclusionReason...)} says otherwise.
 */
public final class ReintegrationPolicy {
    /** Largest good-frame count or readmission count accepted. */
    public static final int MAX_COUNT = 1_000_000;

    private static final ReintegrationPolicy NEVER = new ReintegrationPolicy(0, 0, 0L);

    private final int goodFrames;
    private final int maxTimes;
    private final long reasonMask;

    private ReintegrationPolicy(final int goodFrames, final int maxTimes, final long reasonMask) {
        this.goodFrames = goodFrames;
        this.maxTimes = maxTimes;
        this.reasonMask = reasonMask;
    }

    /**
     * @return the policy that never readmits: every failure holds until a maintenance reset.
     */
    public static ReintegrationPolicy never() {
        return NEVER;
    }

    /**
     * @param goodFrames consecutive good frames needed, 1 to {@link #MAX_COUNT}
     * @param maxTimes   readmissions allowed per channel, 1 to {@link #MAX_COUNT}
     * @return a policy readmitting channels failed for {@link ExclusionReason#MISCOMPARE}
     * @throws InvalidConfigException naming the parameter out of bounds
     */
    public static ReintegrationPolicy afterGoodFrames(final int goodFrames, final int maxTimes) {
        Require.inRange("reintegration.goodFrames", goodFrames, 1, MAX_COUNT);
        Require.inRange("reintegration.maxTimes", maxTimes, 1, MAX_COUNT);
        return new ReintegrationPolicy(goodFrames, maxTimes, 1L << ExclusionReason.MISCOMPARE.ordinal());
    }

    /**
     * @param reasons the failure reasons after which a channel may be readmitted (replacing the default); at least
     *                one, none of them {@link ExclusionReason#NONE}
     * @return a copy of this policy readmitting exactly those reasons
     * @throws InvalidConfigException if this is {@link #never()}, or a reason is missing or {@code NONE}
     */
    public ReintegrationPolicy readmitting(final ExclusionReason... reasons) {
        if (isNever()) {
            throw new InvalidConfigException("reintegration.readmitting", "never()", "needs afterGoodFrames(m, k)");
        }
        if (reasons == null || reasons.length == 0) {
            throw new InvalidConfigException("reintegration.readmitting", "no reasons", "at least one reason");
        }
        long mask = 0L;
        for (final ExclusionReason r : reasons) {
            if (r == null || r == ExclusionReason.NONE) {
                throw new InvalidConfigException("reintegration.readmitting", r, "a failure reason other than NONE");
            }
            mask |= 1L << r.ordinal();
        }
        return new ReintegrationPolicy(goodFrames, maxTimes, mask);
    }

    /**
     * @return {@code true} iff this policy never readmits.
     */
    public boolean isNever() {
        return goodFrames == 0;
    }

    /**
     * @return consecutive good frames a failed channel needs to come back; 0 for {@link #never()}.
     */
    public int goodFrames() {
        return goodFrames;
    }

    /**
     * @return readmissions allowed per channel; 0 for {@link #never()}.
     */
    public int maxTimes() {
        return maxTimes;
    }

    /**
     * @param reason the reason a channel was declared failed
     * @return {@code true} iff a channel failed for {@code reason} may be readmitted.
     */
    public boolean readmits(final ExclusionReason reason) {
        return (reasonMask & (1L << reason.ordinal())) != 0;
    }

    @Override
    public String toString() {
        return isNever() ? "never()" : "afterGoodFrames(" + goodFrames + ", maxTimes " + maxTimes + ")";
    }
}
