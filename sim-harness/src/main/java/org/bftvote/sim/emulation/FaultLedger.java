package org.bftvote.sim.emulation;

import java.util.Arrays;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * Which units are faulty, of which class, over which frames: the oracle's ground truth. Entries are recorded when
 * faults are scheduled or struck ({@link #record}; grows its arrays, so not a per-frame call) and, for faults that
 * last one frame (a bus outcome that made a sender look faulty in this frame), with {@link #markTransient}
 * (allocation-free, remembered for that frame only).
 *
 * <p>A lane's class in a frame is the worst class of its active {@link FaultUnit#LANE} and {@link FaultUnit#BUS}
 * entries and its transient mark; each faulty lane counts once. Sensor entries never count against the agreement
 * budget. The checks ({@link #checkHybrid}, {@link #checkOm}) are allocation-free and O(entries + lanes).
 * Not thread safe.
 */
public final class FaultLedger {
    private static final int NONE = -1;

    private final int lanes;
    private FaultUnit[] unit = new FaultUnit[16];
    private int[] lane = new int[16];
    private int[] signal = new int[16];
    private FaultClass[] faultClass = new FaultClass[16];
    private long[] onset = new long[16];
    private long[] end = new long[16];
    private String[] what = new String[16];
    private int size;

    private final long[] transientFrame;
    private final int[] transientClass;
    private final int[] laneClass;
    private final HypothesisVerdict verdict = new HypothesisVerdict();

    /**
     * @param lanes number of lanes, 1 to 64
     */
    public FaultLedger(final int lanes) {
        this.lanes = Require.inRange("lanes", lanes, 1, 64);
        this.transientFrame = new long[lanes];
        Arrays.fill(transientFrame, Long.MIN_VALUE);
        this.transientClass = new int[lanes];
        this.laneClass = new int[lanes];
    }

    /**
     * Records a fault. Not for the per-frame path (it may grow the ledger).
     *
     * @param faultUnit  kind of unit
     * @param faultyLane the lane (for a sensor: the lane it feeds; for a bus fault: the sender it is charged to)
     * @param faultySignal the signal index for a sensor, else -1
     * @param cls        the fault's class
     * @param onsetFrame first faulty frame
     * @param endFrame   first healthy frame again ({@link ScheduledFailure#PERMANENT} for never)
     * @param description short text for reports, for example {@code "AoA sensor 2 stuck"}
     */
    public void record(final FaultUnit faultUnit, final int faultyLane, final int faultySignal, final FaultClass cls,
                       final long onsetFrame, final long endFrame, final String description) {
        Require.notNull("fault unit", faultUnit);
        Require.inRange("fault lane", faultyLane, 0, lanes - 1);
        Require.notNull("fault class", cls);
        if (endFrame <= onsetFrame) {
            throw new InvalidConfigException("fault endFrame", endFrame, "fault endFrame > onsetFrame ("
                + onsetFrame + ")");
        }
        if (size == unit.length) {
            final int capacity = size * 2;
            unit = Arrays.copyOf(unit, capacity);
            lane = Arrays.copyOf(lane, capacity);
            signal = Arrays.copyOf(signal, capacity);
            faultClass = Arrays.copyOf(faultClass, capacity);
            onset = Arrays.copyOf(onset, capacity);
            end = Arrays.copyOf(end, capacity);
            what = Arrays.copyOf(what, capacity);
        }
        unit[size] = faultUnit;
        lane[size] = faultyLane;
        signal[size] = faultySignal;
        faultClass[size] = cls;
        onset[size] = onsetFrame;
        end[size] = endFrame;
        what[size] = description == null ? "" : description;
        size++;
    }

    /**
     * Marks a lane faulty for one frame only (for example: a bus delivered its message to some receivers but not
     * others in this frame). Several marks in one frame keep the worst class. Allocation-free.
     *
     * @param frame      the frame
     * @param faultyLane the lane charged
     * @param cls        the class
     */
    public void markTransient(final long frame, final int faultyLane, final FaultClass cls) {
        if (faultyLane < 0 || faultyLane >= lanes || cls == null) {
            return;
        }
        if (transientFrame[faultyLane] != frame) {
            transientFrame[faultyLane] = frame;
            transientClass[faultyLane] = cls.ordinal();
        } else if (cls.ordinal() > transientClass[faultyLane]) {
            transientClass[faultyLane] = cls.ordinal();
        }
    }

    /**
     * @return number of recorded entries
     */
    public int size() {
        return size;
    }

    /**
     * @param index entry index, below {@link #size()}
     * @return that entry's description
     */
    public String description(final int index) {
        return what[index];
    }

    /**
     * @param frame     a frame
     * @param sigIndex  a signal index
     * @return the number of distinct sensors of that signal with an active fault in that frame
     */
    public int activeSensorFaults(final long frame, final int sigIndex) {
        int count = 0;
        long seen = 0L;
        for (int i = 0; i < size; i++) {
            if (unit[i] == FaultUnit.SENSOR && signal[i] == sigIndex && frame >= onset[i] && frame < end[i]
                && (seen & (1L << lane[i])) == 0) {
                seen |= 1L << lane[i];
                count++;
            }
        }
        return count;
    }

    /**
     * Checks the hybrid fault hypothesis of OMH(m) (Lincoln and Rushby): the configuration must satisfy
     * {@code n > 2a + 2s + b + m} with {@code m >= a}, and the active faulty lanes (A asymmetric, S symmetric,
     * B benign) must fit the budget, a worse class taking a worse slot: {@code A <= a}, {@code A + S <= a + s},
     * {@code A + S + B <= a + s + b}. Fitting the budget implies {@code n > 2A + 2S + B + m}.
     *
     * @param frame the frame
     * @param n     lanes
     * @param m     rounds parameter
     * @param a     budgeted asymmetric faults
     * @param s     budgeted symmetric faults
     * @param b     budgeted benign faults
     * @param out   receives the verdict
     * @return {@code out}
     */
    public HypothesisVerdict checkHybrid(final long frame, final int n, final int m, final int a, final int s,
                                         final int b, final HypothesisVerdict out) {
        return checkHybrid(frame, n, m, a, s, b, 0L, out);
    }

    /**
     * {@link #checkHybrid(long, int, int, int, int, int, HypothesisVerdict)} with some lanes' faults left out: lanes
     * every healthy lane has excluded, whose messages no longer count (the caller checks what their exclusion costs
     * the budget).
     *
     * @param frame   the frame
     * @param n       lanes
     * @param m       rounds parameter
     * @param a       budgeted asymmetric faults
     * @param s       budgeted symmetric faults
     * @param b       budgeted benign faults
     * @param ignored lanes whose faults are not counted (bit l = lane l)
     * @param out     receives the verdict
     * @return {@code out}
     */
    public HypothesisVerdict checkHybrid(final long frame, final int n, final int m, final int a, final int s,
                                         final int b, final long ignored, final HypothesisVerdict out) {
        classify(frame, ignored);
        int countA = 0;
        int countS = 0;
        int countB = 0;
        for (int i = 0; i < lanes; i++) {
            if (laneClass[i] == FaultClass.ASYMMETRIC.ordinal()) {
                countA++;
            } else if (laneClass[i] == FaultClass.SYMMETRIC.ordinal()) {
                countS++;
            } else if (laneClass[i] == FaultClass.BENIGN.ordinal()) {
                countB++;
            }
        }
        final boolean holds = countA <= m && n > 2 * countA + 2 * countS + countB + m;
        final HypothesisVerdict.Reason reason;
        if (!(n > 2 * a + 2 * s + b + m) || m < a || a < 0 || s < 0 || b < 0 || m < 0) {
            reason = HypothesisVerdict.Reason.CONFIGURATION;
        } else if (countA > a) {
            reason = HypothesisVerdict.Reason.ASYMMETRIC;
        } else if (countA + countS > a + s) {
            reason = HypothesisVerdict.Reason.SYMMETRIC;
        } else if (countA + countS + countB > a + s + b) {
            reason = HypothesisVerdict.Reason.TOTAL;
        } else {
            reason = HypothesisVerdict.Reason.NONE;
        }
        out.set(reason, countA, countS, countB, holds, n, m);
        return out;
    }

    /**
     * Checks the OM(f) hypothesis (Lamport, Shostak, Pease): {@code n >= 3f + 1} and at most {@code f} faulty
     * lanes of any class.
     *
     * @param frame the frame
     * @param n     lanes
     * @param f     budgeted faulty lanes (also the rounds parameter m)
     * @param out   receives the verdict
     * @return {@code out}
     */
    public HypothesisVerdict checkOm(final long frame, final int n, final int f, final HypothesisVerdict out) {
        return checkOm(frame, n, f, 0L, out);
    }

    /**
     * {@link #checkOm(long, int, int, HypothesisVerdict)} with some lanes' faults left out, as for
     * {@link #checkHybrid(long, int, int, int, int, int, long, HypothesisVerdict)}.
     *
     * @param frame   the frame
     * @param n       lanes
     * @param f       budgeted faulty lanes (also the rounds parameter m)
     * @param ignored lanes whose faults are not counted (bit l = lane l)
     * @param out     receives the verdict
     * @return {@code out}
     */
    public HypothesisVerdict checkOm(final long frame, final int n, final int f, final long ignored,
                                     final HypothesisVerdict out) {
        checkHybrid(frame, n, f, 0, 0, 0, ignored, out);
        final int faulty = out.asymmetric() + out.symmetric() + out.benign();
        final boolean holds = n >= 3 * faulty + 1;
        final HypothesisVerdict.Reason reason;
        if (f < 0 || n < 3 * f + 1) {
            reason = HypothesisVerdict.Reason.CONFIGURATION;
        } else if (faulty > f) {
            reason = HypothesisVerdict.Reason.TOTAL;
        } else {
            reason = HypothesisVerdict.Reason.NONE;
        }
        out.set(reason, out.asymmetric(), out.symmetric(), out.benign(), holds, n, f);
        return out;
    }

    /**
     * Convenience form of {@link #checkHybrid} using a verdict owned by the ledger.
     *
     * @param frame the frame
     * @param n     lanes
     * @param m     rounds parameter
     * @param a     budgeted asymmetric faults
     * @param s     budgeted symmetric faults
     * @param b     budgeted benign faults
     * @return whether the active faults break the budget
     */
    public boolean exceedsHypothesis(final long frame, final int n, final int m, final int a, final int s,
                                     final int b) {
        return checkHybrid(frame, n, m, a, s, b, verdict).exceeded();
    }

    private void classify(final long frame, final long ignored) {
        for (int i = 0; i < lanes; i++) {
            laneClass[i] = transientFrame[i] == frame ? transientClass[i] : NONE;
        }
        for (int i = 0; i < size; i++) {
            if (unit[i] != FaultUnit.SENSOR && frame >= onset[i] && frame < end[i]
                && faultClass[i].ordinal() > laneClass[lane[i]]) {
                laneClass[lane[i]] = faultClass[i].ordinal();
            }
        }
        for (int i = 0; i < lanes; i++) {
            if ((ignored >>> i & 1L) != 0) {
                laneClass[i] = NONE;
            }
        }
    }
}
