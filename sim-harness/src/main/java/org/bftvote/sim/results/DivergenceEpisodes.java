package org.bftvote.sim.results;

/**
 * The divergence episodes of a run: each maximal run of consecutive frames in which the healthy lanes were not
 * bit-identical ({@link Divergence}), with three frames a reader of the run wants to see:
 * <ul>
 *   <li><b>first</b>: its first frame;</li>
 *   <li><b>flagged everywhere</b>: the first frame of it in which every healthy lane flagged its outputs (DIVERGED or
 *       SYNCING, {@link Divergence#flaggedEverywhere}); none when the lanes never all owned up to it (for example a
 *       lane that is syncing while the others are right: only that lane flags, and rightly);</li>
 *   <li><b>identical again</b>: the frame after its last; none while it lasts to the end of the run.</li>
 * </ul>
 * The flag latency of an episode is (flagged everywhere − first) frames. Every episode counts in the totals; the
 * first {@link #KEPT} are kept for the summary and the plots.
 *
 * <p>Footprint: three arrays of {@link #KEPT}; {@link #onFrame} allocates nothing. Not thread safe.
 */
final class DivergenceEpisodes {
    /** Episodes kept with their frames. */
    static final int KEPT = 64;
    /** A frame that did not happen. */
    static final long NONE = -1L;

    private final long[] first = new long[KEPT];
    private final long[] flagged = new long[KEPT];
    private final long[] identicalAgain = new long[KEPT];
    private long episodes;
    private long flaggedEverywhere;
    private long maxFlagLatency = NONE;
    private boolean open;
    private long openFirst;
    private boolean openFlagged;

    /**
     * @param frame             the frame, increasing
     * @param diverged          whether the healthy lanes were not bit-identical in it
     * @param flaggedByEveryone whether every healthy lane flagged its outputs in it
     */
    void onFrame(final long frame, final boolean diverged, final boolean flaggedByEveryone) {
        if (!diverged) {
            if (open) {
                open = false;
                keep(episodes - 1, identicalAgain, frame);
            }
            return;
        }
        if (!open) {
            open = true;
            openFirst = frame;
            openFlagged = false;
            episodes++;
            keep(episodes - 1, first, frame);
            keep(episodes - 1, flagged, NONE);
            keep(episodes - 1, identicalAgain, NONE);
        }
        if (flaggedByEveryone && !openFlagged) {
            openFlagged = true;
            flaggedEverywhere++;
            keep(episodes - 1, flagged, frame);
            maxFlagLatency = Math.max(maxFlagLatency, frame - openFirst);
        }
    }

    private static void keep(final long episode, final long[] column, final long frame) {
        if (episode < KEPT) {
            column[(int) episode] = frame;
        }
    }

    /** @return true if the last frame given was a divergence frame (an episode still lasts) */
    boolean open() {
        return open;
    }

    /** @return divergence episodes */
    long episodes() {
        return episodes;
    }

    /** @return episodes in which every healthy lane flagged its outputs at some frame */
    long flaggedEverywhere() {
        return flaggedEverywhere;
    }

    /** @return the longest flag latency over the episodes flagged everywhere, frames; {@link #NONE} if none was */
    long maxFlagLatency() {
        return maxFlagLatency;
    }

    /** @return episodes kept with their frames: the first ones, at most {@link #KEPT} */
    int kept() {
        return (int) Math.min(episodes, KEPT);
    }

    /**
     * @param episode an episode kept, from 0
     * @return its first frame
     */
    long first(final int episode) {
        return first[episode];
    }

    /**
     * @param episode an episode kept, from 0
     * @return its first frame in which every healthy lane flagged, or {@link #NONE}
     */
    long flagged(final int episode) {
        return flagged[episode];
    }

    /**
     * @param episode an episode kept, from 0
     * @return the first frame after it (healthy lanes bit-identical again), or {@link #NONE} if it lasts
     */
    long identicalAgain(final int episode) {
        return identicalAgain[episode];
    }
}
