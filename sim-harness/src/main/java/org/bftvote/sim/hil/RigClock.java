package org.bftvote.sim.hil;

import org.bftvote.clock.ClockSync;
import org.bftvote.vote.FaultTolerantMidpoint;
import org.bftvote.vote.VoteResult;
import org.bftvote.vote.VoteStatus;

/**
 * The rig's estimate of the lanes' synchronised clock. The rig takes no part in the lanes' synchronisation (it only
 * listens): every round it sends each lane a clock request from its control socket and reads the lane's clock
 * against its own from the reply ({@link ClockSync#offsetOf}). Per lane it keeps the last {@value #FILTER} readings
 * and uses the one whose exchange had the shortest round trip (its error bound is the smallest); the lanes' clock is
 * then the fault-tolerant midpoint of the lanes' readings, f = (n - 1) / 3 of them trimmed from each end, so a lane
 * whose clock is wrong cannot move the rig's view. Main thread only.
 */
final class RigClock {
    static final int FILTER = 8;

    private final int lanes;
    private final long[] sentT1;
    private final long[] sentRound;
    private final long[][] offset;
    private final long[][] roundTrip;
    private final int[] filled;
    private final int[] next;
    private final double[] chosen;
    private final FaultTolerantMidpoint midpoint;
    private final VoteResult vote = new VoteResult();
    private long estimate;
    private long spread;
    private boolean known;

    RigClock(final int lanes) {
        this.lanes = lanes;
        this.sentT1 = new long[lanes];
        this.sentRound = new long[lanes];
        this.offset = new long[lanes][FILTER];
        this.roundTrip = new long[lanes][FILTER];
        this.filled = new int[lanes];
        this.next = new int[lanes];
        this.chosen = new double[lanes];
        this.midpoint = new FaultTolerantMidpoint(lanes, (lanes - 1) / 3);
        java.util.Arrays.fill(sentRound, Long.MIN_VALUE);
    }

    /** A request to {@code lane} for {@code round} left at raw time {@code t1}. */
    void requested(final int lane, final long round, final long t1) {
        sentRound[lane] = round;
        sentT1[lane] = t1;
    }

    /**
     * A reply from {@code lane}.
     *
     * @return whether it answered the lane's last request
     */
    boolean reply(final int lane, final long round, final long t1, final long t2, final long t3, final long t4) {
        if (round != sentRound[lane] || t1 != sentT1[lane]) {
            return false;
        }
        final int at = next[lane];
        offset[lane][at] = ClockSync.offsetOf(t1, t2, t3, t4);
        roundTrip[lane][at] = ClockSync.roundTripOf(t1, t2, t3, t4);
        next[lane] = (at + 1) % FILTER;
        filled[lane] = Math.min(filled[lane] + 1, FILTER);
        sentRound[lane] = Long.MIN_VALUE;
        return true;
    }

    /**
     * Recomputes the estimate from the lanes' best recent readings.
     *
     * @param laneMask lanes to use (those the rig expects to be synchronised)
     * @return whether enough lanes gave readings
     */
    boolean update(final long laneMask) {
        long valid = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int l = 0; l < lanes; l++) {
            if ((laneMask & (1L << l)) == 0 || filled[l] == 0) {
                continue;
            }
            int best = 0;
            for (int i = 1; i < filled[l]; i++) {
                if (roundTrip[l][i] < roundTrip[l][best]) {
                    best = i;
                }
            }
            chosen[l] = offset[l][best];
            valid |= 1L << l;
            min = Math.min(min, offset[l][best]);
            max = Math.max(max, offset[l][best]);
        }
        if (midpoint.vote(chosen, valid, lanes, vote) != VoteStatus.VOTED) {
            return false;
        }
        estimate = Math.round(vote.value());
        spread = max - min;
        known = true;
        return true;
    }

    /** Forgets a lane's readings (it restarted: its clock is another one now). */
    void forget(final int lane) {
        filled[lane] = 0;
        next[lane] = 0;
        sentRound[lane] = Long.MIN_VALUE;
    }

    /** @return the lanes' clock minus the rig's raw clock, ns (0 until known) */
    long offsetNs() {
        return estimate;
    }

    /** @return whether an estimate exists */
    boolean known() {
        return known;
    }

    /** @return the spread of the lanes' readings used in the last update, ns */
    long spreadNs() {
        return spread;
    }

    /** @return the smallest round trip among the lane's kept readings, ns, or -1 */
    long bestRoundTrip(final int lane) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < filled[lane]; i++) {
            best = Math.min(best, roundTrip[lane][i]);
        }
        return filled[lane] == 0 ? -1 : best;
    }
}
