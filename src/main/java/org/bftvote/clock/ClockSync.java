package org.bftvote.clock;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;
import org.bftvote.vote.FaultTolerantMidpoint;
import org.bftvote.vote.VoteResult;
import org.bftvote.vote.VoteStatus;

/**
 * One lane's side of fault-tolerant clock synchronisation by the fault-tolerant midpoint (Welch &amp; Lynch 1988):
 * in every resynchronisation round the lane reads each other lane's clock as an offset from its own, drops the f
 * highest and the f lowest readings, and corrects its clock by the midpoint of the rest. No clock, socket or thread
 * inside: the host measures and passes the timestamps in, like the agreement lane.
 *
 * <pre>{@code
 * ClockSync sync = new ClockSync(lanes, f, self, maxOffsetNs);
 * // every round (for example every frame):
 * sync.beginRound(round);
 * // for each exchange with peer `link`: t1 request sent, t2 request received by the peer (peer's clock),
 * // t3 reply sent by the peer (peer's clock), t4 reply received, t1 and t4 on this lane's clock
 * sync.onExchange(round, link, t1, t2, t3, t4);          // or onReading(round, link, offsetNs)
 * if (sync.resolve() == ClockSync.OK) localAdjustNs += sync.correctionNs();
 * }</pre>
 *
 * <h2>Readings</h2>
 * A reading is the peer's clock minus this lane's clock, in nanoseconds, as this lane measured it. This lane's own
 * reading is 0 and is always present. From a request–reply exchange, {@link #offsetOf} gives the reading; its error
 * is at most half the exchange's round trip ({@link #roundTripOf}) whatever the two one-way delays are. Each link
 * gives at most one reading per round (the first; later ones are refused as {@link #DUPLICATE}); a reading of
 * magnitude above {@code maxOffsetNs} is refused ({@link #OUT_OF_RANGE}) and counts as missing.
 *
 * <h2>Guarantee (n &gt;= 3f + 1)</h2>
 * Let the healthy lanes' clocks lie within δ of each other when the round's readings are taken, let every reading a
 * healthy lane takes of a healthy lane's clock be within ε of the truth, and let at most f lanes be faulty or have
 * their reading missing at some healthy lane. Then, after each healthy lane adds its {@link #correctionNs()}:
 * <ul>
 *   <li><b>precision</b>: any two healthy clocks are within δ/2 + 2ε + 1 ns of each other (the 1 ns is the rounding
 *       of the corrections to whole nanoseconds);</li>
 *   <li><b>validity</b>: every healthy clock lies within [lowest healthy clock − ε, highest + ε], rounded outwards to
 *       the nanosecond: faulty lanes cannot drag the healthy ones outside their own range.</li>
 * </ul>
 * Why: at most f readings can be wrong, so after trimming f from each end the lowest kept reading is at least the
 * lowest healthy clock − ε and the highest at most the highest + ε; and since at least 2f + 1 readings are healthy,
 * the (f + 1)-th lowest healthy reading lies between the kept extremes, and two healthy lanes' (f + 1)-th lowest
 * healthy readings differ by at most 2ε. Each midpoint is thus within half the healthy range of that shared point.
 *
 * <p>Repeated every P seconds with clock rates within ρ of true time, the healthy clocks stay within
 * {@link #precisionBoundNs precisionBoundNs(ε, ρ, P)} = 4ε + 4ρP + 2 ns of each other at every round once they were
 * (and approach it from any initial spread, halving the excess each round). With n = 3f a Byzantine lane that tells
 * the low healthy lanes a huge offset and the high ones a hugely negative one makes them swap places every round and
 * never come closer: the bound is tight (the package's tests show both).
 *
 * <p>Footprint: the readings and the voter's scratch, n entries each, allocated when built. No call allocates, logs
 * or throws after construction; misuse is reported by status codes. Not thread safe: one thread drives a lane.
 */
public final class ClockSync {
    /** Result: the reading was taken, or {@link #resolve()} computed a correction. */
    public static final int OK = 0;
    /** Result: the link is this lane or not a lane. */
    public static final int BAD_LINK = -1;
    /** Result: no round is open, or the reading belongs to another round (late, or early). */
    public static final int WRONG_ROUND = -2;
    /** Result: the link already gave a reading this round; the first one is kept. */
    public static final int DUPLICATE = -3;
    /** Result: the reading's magnitude exceeds the configured maximum offset; it counts as missing. */
    public static final int OUT_OF_RANGE = -4;
    /** {@link #resolve()} result: fewer than 2f + 1 readings (this lane's included); the correction is 0. */
    public static final int TOO_FEW_READINGS = -5;

    /** Largest accepted maximum offset: 2^52 ns (52 days), so every reading is exact as a double. */
    public static final long MAX_OFFSET_LIMIT_NS = 1L << 52;

    private final int lanes;
    private final int faults;
    private final int self;
    private final long maxOffsetNs;
    private final FaultTolerantMidpoint midpoint;
    private final VoteResult vote = new VoteResult();
    private final double[] readings;

    private long round;
    private boolean open;
    private long present;
    private long correctionNs;
    private long keptMask;

    /**
     * @param lanes       n, 1 to 64
     * @param faults      f, lanes whose clocks may be arbitrarily wrong (Byzantine); {@code 3f + 1 <= n}
     * @param self        this lane, 0 to n - 1
     * @param maxOffsetNs largest reading magnitude accepted, 1 to {@link #MAX_OFFSET_LIMIT_NS}
     * @throws InvalidConfigException if a bound is broken (the message names the parameter and the bound)
     */
    public ClockSync(final int lanes, final int faults, final int self, final long maxOffsetNs) {
        this(lanes, faults, self, maxOffsetNs, 3);
    }

    private ClockSync(final int lanes, final int faults, final int self, final long maxOffsetNs,
        final int lanesPerFault) {
        this.lanes = Require.inRange("lanes", lanes, 1, Long.SIZE);
        this.faults = Require.inRange("faults", faults, 0, Long.SIZE);
        if (lanes < lanesPerFault * faults + 1) {
            throw new InvalidConfigException("faults", faults, lanesPerFault + "f + 1 <= lanes (lanes = " + lanes
                + ")");
        }
        this.self = Require.inRange("self", self, 0, lanes - 1);
        if (maxOffsetNs < 1 || maxOffsetNs > MAX_OFFSET_LIMIT_NS) {
            throw new InvalidConfigException("maxOffsetNs", maxOffsetNs,
                "1 <= maxOffsetNs <= " + MAX_OFFSET_LIMIT_NS);
        }
        this.maxOffsetNs = maxOffsetNs;
        this.midpoint = new FaultTolerantMidpoint(lanes, faults);
        this.readings = new double[lanes];
    }

    /**
     * A lane for configurations outside the bound ({@code 2f + 1 <= n < 3f + 1}), where a correction is still
     * within the healthy range but precision is not guaranteed: only the package's tests build these, to show the
     * bound is tight.
     */
    static ClockSync outsideBound(final int lanes, final int faults, final int self, final long maxOffsetNs) {
        return new ClockSync(lanes, faults, self, maxOffsetNs, 2);
    }

    /** @return n */
    public int lanes() {
        return lanes;
    }

    /** @return f, the Byzantine clocks tolerated */
    public int faults() {
        return faults;
    }

    /** @return this lane */
    public int self() {
        return self;
    }

    /**
     * Opens a round: forgets the previous round's readings and correction; this lane's own reading (0) is present.
     *
     * @param newRound round number, carried by the host's messages (for example the frame number)
     */
    public void beginRound(final long newRound) {
        round = newRound;
        open = true;
        present = 1L << self;
        java.util.Arrays.fill(readings, 0.0);
        correctionNs = 0;
        keptMask = 0;
    }

    /**
     * Takes one peer's reading.
     *
     * @param readingRound the round the reading belongs to
     * @param link         the lane the host knows the reading came from
     * @param offsetNs     the peer's clock minus this lane's clock, as measured
     * @return {@link #OK}, {@link #BAD_LINK}, {@link #WRONG_ROUND}, {@link #DUPLICATE} or {@link #OUT_OF_RANGE}
     */
    public int onReading(final long readingRound, final int link, final long offsetNs) {
        if (link < 0 || link >= lanes || link == self) {
            return BAD_LINK;
        }
        if (!open || readingRound != round) {
            return WRONG_ROUND;
        }
        if ((present & (1L << link)) != 0) {
            return DUPLICATE;
        }
        if (offsetNs > maxOffsetNs || offsetNs < -maxOffsetNs) {
            return OUT_OF_RANGE;
        }
        readings[link] = offsetNs;
        present |= 1L << link;
        return OK;
    }

    /**
     * Takes one peer's reading from a request–reply exchange: {@code onReading(round, link, offsetOf(t1, t2, t3,
     * t4))}.
     *
     * @param readingRound the round
     * @param link         the peer
     * @param t1           request sent, this lane's clock
     * @param t2           request received, the peer's clock
     * @param t3           reply sent, the peer's clock
     * @param t4           reply received, this lane's clock
     * @return as {@link #onReading}
     */
    public int onExchange(final long readingRound, final int link, final long t1, final long t2, final long t3,
        final long t4) {
        return onReading(readingRound, link, offsetOf(t1, t2, t3, t4));
    }

    /**
     * Closes the round and computes the correction: the fault-tolerant midpoint of the readings present, f dropped
     * from each end.
     *
     * @return {@link #OK}; {@link #TOO_FEW_READINGS} (correction 0) with fewer than 2f + 1 readings; or
     *         {@link #WRONG_ROUND} if no round is open
     */
    public int resolve() {
        if (!open) {
            return WRONG_ROUND;
        }
        open = false;
        if (midpoint.vote(readings, present, lanes, vote) != VoteStatus.VOTED) {
            return TOO_FEW_READINGS;
        }
        correctionNs = Math.round(vote.value());
        keptMask = vote.usedMask();
        return OK;
    }

    /** @return the correction of the last resolved round, ns, to add to this lane's clock (0 if none) */
    public long correctionNs() {
        return correctionNs;
    }

    /** @return lanes whose reading is present in the open or last round (this lane always) */
    public long readingMask() {
        return present;
    }

    /** @return lanes whose readings the last resolved round kept after trimming (0 if it did not resolve) */
    public long keptMask() {
        return keptMask;
    }

    /**
     * @param link a lane, 0 to n - 1
     * @return its reading of the open or last round, ns (0 when absent)
     * @throws IndexOutOfBoundsException if {@code link} is not a lane (the message names it and the range)
     */
    public long readingNs(final int link) {
        return (long) readings[Require.index("lane", link, lanes, "lanes")];
    }

    /**
     * One line naming a code {@link #onReading}, {@link #onExchange} or {@link #resolve} returned, for logs and
     * messages, for example {@code "DUPLICATE (-3): the link already gave a reading this round; the first one is
     * kept"}. Not meant for the frame path (it may build the line for a number no call returns).
     *
     * @param code a value one of those calls returned
     * @return its name, number and meaning
     */
    public static String describe(final int code) {
        switch (code) {
            case OK:
                return "OK (0): the reading was taken, or resolve computed a correction";
            case BAD_LINK:
                return "BAD_LINK (-1): the link given is this lane or not a lane; nothing was taken";
            case WRONG_ROUND:
                return "WRONG_ROUND (-2): no round is open (beginRound not called, or the round already resolved),"
                    + " or the reading belongs to another round; nothing was taken";
            case DUPLICATE:
                return "DUPLICATE (-3): the link already gave a reading this round; the first one is kept";
            case OUT_OF_RANGE:
                return "OUT_OF_RANGE (-4): the reading's magnitude exceeds maxOffsetNs; it counts as missing";
            case TOO_FEW_READINGS:
                return "TOO_FEW_READINGS (-5): fewer than 2f + 1 readings (this lane's included); the correction"
                    + " is 0";
            default:
                return code + ": not a code clock synchronisation returns";
        }
    }

    /**
     * The peer's clock minus this lane's clock from one request–reply exchange:
     * {@code ((t2 - t1) + (t3 - t4)) / 2}, rounded down, without overflow. Exact when the two one-way delays are
     * equal; otherwise off by half their difference, so by at most half the {@link #roundTripOf round trip}.
     *
     * @param t1 request sent, this lane's clock
     * @param t2 request received, the peer's clock
     * @param t3 reply sent, the peer's clock
     * @param t4 reply received, this lane's clock
     * @return the offset, ns
     */
    public static long offsetOf(final long t1, final long t2, final long t3, final long t4) {
        return floorAverage(t2 - t1, t3 - t4);
    }

    /**
     * @param t1 request sent, this lane's clock
     * @param t2 request received, the peer's clock
     * @param t3 reply sent, the peer's clock
     * @param t4 reply received, this lane's clock
     * @return the time the exchange spent on the wire, {@code (t4 - t1) - (t3 - t2)}, ns: twice the bound on the
     *         reading's error
     */
    public static long roundTripOf(final long t1, final long t2, final long t3, final long t4) {
        return (t4 - t1) - (t3 - t2);
    }

    /**
     * The precision the healthy lanes keep when they resynchronise every {@code periodNs} (see the class comment):
     * {@code 4ε + 4ρP + 2} ns, rounded up.
     *
     * @param readingErrorNs ε, the largest error of a healthy lane's reading of a healthy clock, ns, &gt;= 0
     * @param driftRate      ρ, the largest rate error of a healthy clock (for example 50e-6), &gt;= 0
     * @param periodNs       P, the time between rounds, ns, &gt;= 0
     * @return the bound, ns
     */
    public static long precisionBoundNs(final long readingErrorNs, final double driftRate, final long periodNs) {
        return 4 * readingErrorNs + (long) Math.ceil(4.0 * driftRate * periodNs) + 2;
    }

    /** {@code floor((a + b) / 2)} for any two longs, without overflow. */
    private static long floorAverage(final long a, final long b) {
        return (a & b) + ((a ^ b) >> 1);
    }
}
