package org.bftvote.agreement;

/**
 * Why a lane knows the configured fault hypothesis is exceeded in a frame ({@link LanePipeline#hypothesisFlags()}):
 * bit flags, so that the frame path reports them without allocating. The first three are decided from agreed data,
 * so every healthy lane reports them alike ({@link #AGREED}); the last two are this lane's own knowledge.
 */
public final class HypothesisFlags {
    /** More lanes accused at once (by f + 1 lanes each) than the fault budget left after the exclusions allows. */
    public static final int ACCUSED_BEYOND_BUDGET = 1;
    /**
     * The lanes' state digests disagree in a way at most the budgeted faulty lanes cannot explain: more lanes differ
     * from the most common digest than the budget allows, or that digest is not held by more lanes than differ.
     */
    public static final int DIGESTS_DISAGREE = 1 << 1;
    /**
     * The lanes that hold the most common state digest (heard, not excluded, not syncing) are no majority of the
     * configured lanes: too few confirm the state for it to be told from one side of a split (a majority of the
     * lanes excluded, or not yet back in step).
     */
    public static final int UNCONFIRMED = 1 << 2;
    /** This lane heard fewer than a majority of the configured lanes (itself counted) this frame. */
    public static final int MINORITY = 1 << 3;
    /**
     * This lane's own evidence this frame names more lanes than the fault budget left allows, or holds a
     * contradiction (a lane's round-1 reading is not the value decided for it) while the budget left tolerates no
     * asymmetric lane: within such a budget no lane can tell lanes different things.
     */
    public static final int LOCAL_EVIDENCE = 1 << 4;

    /** The flags every healthy lane decides from the same agreed data. */
    public static final int AGREED = ACCUSED_BEYOND_BUDGET | DIGESTS_DISAGREE | UNCONFIRMED;

    private HypothesisFlags() {
    }

    /**
     * @param flags a combination of the flags
     * @return their names joined with {@code |}, or {@code none}; for messages and logs, not the frame path
     */
    public static String describe(final int flags) {
        if (flags == 0) {
            return "none";
        }
        final StringBuilder text = new StringBuilder();
        append(text, flags, ACCUSED_BEYOND_BUDGET, "accused beyond budget");
        append(text, flags, DIGESTS_DISAGREE, "state digests disagree");
        append(text, flags, UNCONFIRMED, "no majority of lanes confirms the state");
        append(text, flags, MINORITY, "hears fewer than a majority of lanes");
        append(text, flags, LOCAL_EVIDENCE, "own evidence beyond budget");
        return text.toString();
    }

    private static void append(final StringBuilder text, final int flags, final int flag, final String name) {
        if ((flags & flag) != 0) {
            text.append(text.length() == 0 ? "" : " | ").append(name);
        }
    }
}
