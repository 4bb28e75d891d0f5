package org.bftvote.sim.reliability;

/**
 * Where a flight's faults fall in the simulated window that judges them. A flight hour holds minutes between
 * faults in which nothing changes once the system has settled, so the window keeps a gap as it is when it is
 * short, and shortens it otherwise to the settle time plus whatever remains of a transient fault still active:
 * <pre>
 *   onset_0     = warm-up
 *   onset_j+1   = onset_j + min(real gap, settle + longest remaining transient at onset_j)
 *   end         = onset_last + min(rest of the flight, settle + longest remaining transient)
 * </pre>
 * The assumption (stated in the reliability reference): once every fault has been detected and isolated or has
 * ended, the state the next fault meets does not depend on how long it waited (latched exclusions stay latched;
 * a drift that was not detected within the settle time keeps drifting, which the window understates).
 *
 * @param onsetSeconds each fault's onset in the window, seconds
 * @param endSeconds   the window's length, seconds
 */
public record WindowTimeline(double[] onsetSeconds, double endSeconds) {

    /**
     * Copies the array.
     *
     * @param onsetSeconds see the record description
     * @param endSeconds   see the record description
     */
    public WindowTimeline {
        onsetSeconds = onsetSeconds.clone();
    }

    /**
     * @param sequence       the faults
     * @param catalog        their modes (transient durations)
     * @param warmupSeconds  time before the first fault
     * @param settleSeconds  settle time after a fault
     * @param missionHours   the flight's length
     * @param frameSeconds   one frame, the least the window runs after the last onset
     * @return the window
     */
    public static WindowTimeline of(final FaultSequence sequence, final FailureCatalog catalog,
        final double warmupSeconds, final double settleSeconds, final double missionHours, final double frameSeconds) {
        final int k = sequence.size();
        final double[] onset = new double[k];
        for (int j = 0; j < k; j++) {
            if (j == 0) {
                onset[j] = warmupSeconds;
            } else {
                final double gap = (sequence.hour(j) - sequence.hour(j - 1)) * 3600.0;
                onset[j] = onset[j - 1] + Math.min(gap, cap(sequence, catalog, onset, j - 1, settleSeconds));
            }
        }
        final double rest = (missionHours - sequence.hour(k - 1)) * 3600.0;
        final double end = onset[k - 1] + Math.max(2.0 * frameSeconds,
            Math.min(rest, cap(sequence, catalog, onset, k - 1, settleSeconds)));
        return new WindowTimeline(onset, end);
    }

    /** Settle time plus the longest time a transient fault active at {@code onset[at]} still lasts. */
    private static double cap(final FaultSequence sequence, final FailureCatalog catalog, final double[] onset,
        final int at, final double settleSeconds) {
        double remaining = 0.0;
        for (int i = 0; i <= at; i++) {
            final FailureEvent e = catalog.events().get(sequence.event(i));
            if (e.isTransient()) {
                remaining = Math.max(remaining, onset[i] + e.transientSeconds() - onset[at]);
            }
        }
        return settleSeconds + remaining;
    }
}
