package org.bftvote.sim.hil;

/**
 * A lane's recent clock readings of each other lane, for NTP's clock filter: per link the last {@code history}
 * exchanges (clock round, offset, round trip, and this lane's total clock adjustment when the reading was taken).
 * {@link #best} picks, among the readings of the last {@code age} rounds, the one with the shortest round trip;
 * {@link #offset} gives it corrected for the adjustments this lane has made since (the other lane's own
 * adjustments since are not known; they are the small steady corrections of a settled clock). Allocation-free.
 * Not thread safe.
 */
final class ClockReadings {
    private final int history;
    private final int age;
    private final long[][] round;
    private final long[][] offset;
    private final long[][] roundTrip;
    private final long[][] adjustment;
    private final int[] next;
    private long chosenOffset;
    private long chosenAdjustment;

    /**
     * @param lanes   n
     * @param history readings kept per link
     * @param age     clock rounds a reading may be old to be chosen
     */
    ClockReadings(final int lanes, final int history, final int age) {
        this.history = history;
        this.age = age;
        this.round = new long[lanes][history];
        this.offset = new long[lanes][history];
        this.roundTrip = new long[lanes][history];
        this.adjustment = new long[lanes][history];
        this.next = new int[lanes];
        for (final long[] r : round) {
            java.util.Arrays.fill(r, Long.MIN_VALUE);
        }
    }

    /** @return false if the link already gave a reading this round (the first is kept) */
    boolean add(final int link, final long k, final long offsetNs, final long roundTripNs, final long adjustmentNs) {
        final int last = (next[link] + history - 1) % history;
        if (round[link][last] == k) {
            return false;
        }
        final int at = next[link];
        round[link][at] = k;
        offset[link][at] = offsetNs;
        roundTrip[link][at] = roundTripNs;
        adjustment[link][at] = adjustmentNs;
        next[link] = (at + 1) % history;
        return true;
    }

    /** Chooses the link's best reading of rounds {@code k - age + 1 .. k}; @return whether there is one */
    boolean best(final int link, final long k) {
        int best = -1;
        for (int i = 0; i < history; i++) {
            if (round[link][i] > k - age && round[link][i] <= k && roundTrip[link][i] >= 0
                && (best < 0 || roundTrip[link][i] < roundTrip[link][best])) {
                best = i;
            }
        }
        if (best < 0) {
            return false;
        }
        chosenOffset = offset[link][best];
        chosenAdjustment = adjustment[link][best];
        return true;
    }

    /** @return the chosen reading, corrected for this lane's adjustments since it was taken */
    long offset(final long adjustmentNowNs) {
        return chosenOffset - (adjustmentNowNs - chosenAdjustment);
    }
}
