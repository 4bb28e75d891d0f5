package org.bftvote.sim.emulation;

/**
 * The answer of {@link FaultLedger} for one frame: whether the active faults stay within the configured fault
 * hypothesis, and if not the first reason found. Reused by the caller; {@link #describe()} builds text and
 * allocates, so call it only when reporting.
 */
public final class HypothesisVerdict {
    /** Why a hypothesis is exceeded. */
    public enum Reason {
        /** Within the hypothesis. */
        NONE,
        /** The configuration itself breaks its bound ({@code n > 2a + 2s + b + m, m >= a}, or {@code n >= 3f + 1}). */
        CONFIGURATION,
        /** More asymmetric faulty lanes than {@code a}. */
        ASYMMETRIC,
        /** More asymmetric plus symmetric faulty lanes than {@code a + s}. */
        SYMMETRIC,
        /** More faulty lanes of any class than {@code a + s + b} (or {@code f}). */
        TOTAL
    }

    private boolean exceeded;
    private Reason reason = Reason.NONE;
    private int asymmetric;
    private int symmetric;
    private int benign;
    private boolean theoryHolds = true;
    private int n;
    private int m;

    /** Creates an empty verdict. */
    public HypothesisVerdict() {
    }

    void set(final Reason newReason, final int a, final int s, final int b, final boolean holds, final int lanes,
             final int rounds) {
        this.reason = newReason;
        this.exceeded = newReason != Reason.NONE;
        this.asymmetric = a;
        this.symmetric = s;
        this.benign = b;
        this.theoryHolds = holds;
        this.n = lanes;
        this.m = rounds;
    }

    /**
     * @return true if the active faults break the configured budget
     */
    public boolean exceeded() {
        return exceeded;
    }

    /**
     * @return the first reason found, {@link Reason#NONE} if within
     */
    public Reason reason() {
        return reason;
    }

    /**
     * @return active asymmetric faulty lanes
     */
    public int asymmetric() {
        return asymmetric;
    }

    /**
     * @return active symmetric faulty lanes
     */
    public int symmetric() {
        return symmetric;
    }

    /**
     * @return active benign faulty lanes
     */
    public int benign() {
        return benign;
    }

    /**
     * @return whether the active faults satisfy the algorithm's own bound ({@code A <= m} and
     *     {@code n > 2A + 2S + B + m} for the hybrid model, {@code n >= 3F + 1} for OM): agreement is still
     *     guaranteed even when the declared budget is exceeded, if this holds
     */
    public boolean theoryHolds() {
        return theoryHolds;
    }

    /**
     * @return a one-line explanation (allocates)
     */
    public String describe() {
        final String counts = "active faulty lanes: asymmetric " + asymmetric + ", symmetric " + symmetric
            + ", benign " + benign + " (n = " + n + ", m = " + m + ")";
        final String theory = theoryHolds ? "; the algorithm's bound still holds" : "; the algorithm's bound fails";
        return switch (reason) {
            case NONE -> "within the fault hypothesis; " + counts;
            case CONFIGURATION -> "the configured budget itself breaks its bound; " + counts + theory;
            case ASYMMETRIC -> "more asymmetric faults than budgeted; " + counts + theory;
            case SYMMETRIC -> "more asymmetric + symmetric faults than budgeted; " + counts + theory;
            case TOTAL -> "more faulty lanes than budgeted; " + counts + theory;
        };
    }
}
