package org.bftvote.sim.hil;

import java.util.Arrays;

/**
 * What the lanes' STATUS datagrams show before the session: per clock round, when each lane started it (raw clock;
 * lanes on the rig's host share it, so the spread is their true skew), the correction it applied and the longest
 * round trip of its clock exchanges. From the last {@value #ROUNDS} rounds the rig decides that the clocks have
 * settled ({@value #SETTLED_ROUNDS} complete rounds in a row with small corrections), and from those settled rounds it
 * derives the round window: {@value #GUARD_FACTOR} times (the largest one-way transfer, half the
 * largest round trip, plus the largest skew), within {@code [minimum, 70 % of the period / rounds]}.
 * Main thread only.
 */
final class RigCalibration {
    /** Rounds looked at. */
    static final int ROUNDS = 100;
    /** Rounds that must be settled before the session starts. */
    static final int SETTLED_ROUNDS = 50;
    /** A settled lane's corrections stay below this, ns. */
    static final long SETTLED_CORRECTION_NS = 200_000L;
    /** The round window is this multiple of the measured worst transfer plus skew. */
    static final int GUARD_FACTOR = 4;
    /** Smallest round window, ns. */
    static final long MIN_WINDOW_NS = 1_000_000L;
    /** Share of the period the rounds may take at most, percent. */
    static final int ROUND_SHARE_PERCENT = 70;

    private static final int SLOTS = 128;
    private final int lanes;
    private final long[] round = new long[SLOTS];
    private final long[] reported = new long[SLOTS];
    private final long[][] rawStart;
    private final long[][] correction;
    private final long[][] roundTrip;
    private long latest = Long.MIN_VALUE;

    RigCalibration(final int lanes) {
        this.lanes = lanes;
        this.rawStart = new long[SLOTS][lanes];
        this.correction = new long[SLOTS][lanes];
        this.roundTrip = new long[SLOTS][lanes];
        Arrays.fill(round, Long.MIN_VALUE);
    }

    void onStatus(final int lane, final long k, final long raw, final long corr, final long rtt) {
        final int at = (int) Math.floorMod(k, (long) SLOTS);
        if (round[at] != k) {
            round[at] = k;
            reported[at] = 0;
        }
        reported[at] |= 1L << lane;
        rawStart[at][lane] = raw;
        correction[at][lane] = corr;
        roundTrip[at][lane] = rtt;
        latest = Math.max(latest, k);
    }

    /** @return rounds among the last {@value #ROUNDS} that every lane of {@code mask} reported */
    private int complete(final long mask, final boolean settledOnly) {
        int n = 0;
        for (long k = latest - 1; k > latest - 1 - ROUNDS && k > Long.MIN_VALUE + SLOTS; k--) {
            final int at = (int) Math.floorMod(k, (long) SLOTS);
            if (round[at] != k || (reported[at] & mask) != mask) {
                continue;
            }
            if (settledOnly) {
                for (int l = 0; l < lanes; l++) {
                    if ((mask & (1L << l)) != 0 && Math.abs(correction[at][l]) > SETTLED_CORRECTION_NS) {
                        return n;
                    }
                }
            }
            n++;
        }
        return n;
    }

    /** @return whether the last {@value #SETTLED_ROUNDS} complete rounds of the lanes had small corrections */
    boolean settled(final long mask) {
        return mask != 0 && complete(mask, true) >= SETTLED_ROUNDS;
    }

    /** @return the largest round trip in the last settled rounds, ns */
    long maxRoundTrip(final long mask) {
        long max = 0;
        for (int at = 0; at < SLOTS; at++) {
            if (inWindow(at, mask)) {
                for (int l = 0; l < lanes; l++) {
                    if ((mask & (1L << l)) != 0) {
                        max = Math.max(max, roundTrip[at][l]);
                    }
                }
            }
        }
        return max;
    }

    /** @return the largest spread of round starts between the lanes in the last settled rounds, ns */
    long maxSkew(final long mask) {
        long worst = 0;
        for (int at = 0; at < SLOTS; at++) {
            if (!inWindow(at, mask)) {
                continue;
            }
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int l = 0; l < lanes; l++) {
                if ((mask & (1L << l)) != 0) {
                    min = Math.min(min, rawStart[at][l]);
                    max = Math.max(max, rawStart[at][l]);
                }
            }
            worst = Math.max(worst, max - min);
        }
        return worst;
    }

    private boolean inWindow(final int at, final long mask) {
        return round[at] != Long.MIN_VALUE && round[at] < latest && round[at] > latest - 1 - SETTLED_ROUNDS
            && (reported[at] & mask) == mask;
    }

    /**
     * @param mask   the lanes measured
     * @param period frame period, ns
     * @param rounds agreement rounds per frame
     * @return the round window: {@value #GUARD_FACTOR} × (max round trip / 2 + max skew), within bounds
     */
    long window(final long mask, final long period, final int rounds) {
        final long worst = maxRoundTrip(mask) / 2 + maxSkew(mask);
        final long most = period * ROUND_SHARE_PERCENT / 100 / rounds;
        return Math.max(Math.min(MIN_WINDOW_NS, most), Math.min(most, GUARD_FACTOR * worst));
    }
}
