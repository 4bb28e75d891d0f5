package org.bftvote.agreement;

import java.util.List;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * Configuration of interactive consistency among n lanes: n parallel Byzantine broadcasts (one per source lane)
 * of K signals each, over m + 1 synchronous rounds. Immutable; built with {@link #builder(int, int, int)}.
 *
 * <p>Two algorithms (see {@link EigEngine} for the rules):
 * <ul>
 *   <li>{@link Mode#OM_CLASSIC} — OM(m), Lamport, Shostak and Pease 1982: any m faulty lanes when
 *       {@code n >= 3m + 1}. A missing message counts as the default value.</li>
 *   <li>{@link Mode#HYBRID_CORRECTED} — OMH(m) as corrected by Lincoln and Rushby (FTCS-23, 1993): a asymmetric,
 *       s symmetric and b benign faulty lanes at once when {@code n > 2a + 2s + b + m} and {@code m >= a}.</li>
 * </ul>
 *
 * <table>
 *   <caption>Smallest n for common budgets</caption>
 *   <tr><th>algorithm</th><th>m</th><th>budget (a, s, b)</th><th>smallest n</th></tr>
 *   <tr><td>OM</td><td>1</td><td>any 1</td><td>4</td></tr>
 *   <tr><td>OM</td><td>2</td><td>any 2</td><td>7</td></tr>
 *   <tr><td>OMH</td><td>1</td><td>(1, 0, 1)</td><td>5</td></tr>
 *   <tr><td>OMH</td><td>1</td><td>(1, 1, 0)</td><td>6</td></tr>
 *   <tr><td>OMH</td><td>1</td><td>(0, 0, 2)</td><td>4</td></tr>
 *   <tr><td>OMH</td><td>0</td><td>(0, 0, b)</td><td>b + 1</td></tr>
 * </table>
 */
public final class AgreementConfig {
    /** Largest number of signals per lane. */
    public static final int MAX_SIGNALS = 256;

    /** The agreement algorithm. */
    public enum Mode {
        /** OM(m), Lamport, Shostak, Pease 1982; n &gt;= 3m + 1. */
        OM_CLASSIC,
        /** OMH(m) as corrected by Lincoln and Rushby 1993; n &gt; 2a + 2s + b + m, m &gt;= a. */
        HYBRID_CORRECTED
    }

    private final int lanes;
    private final int m;
    private final int signals;
    private final Mode mode;
    private final FaultBudget budget;
    private final long defaultWord;
    private final boolean withinBound;
    /**
     * The EIG tree numbering, built on first use by {@link #paths()} and then shared by every engine and lane built
     * from this configuration. Not built eagerly: configurations are also built only to be checked (bound checks,
     * budgets after exclusion), and a tree can be large.
     */
    private EigPaths paths;

    private AgreementConfig(final Builder builder, final boolean withinBound) {
        this.lanes = builder.lanes;
        this.m = builder.m;
        this.signals = builder.signals;
        this.mode = builder.mode;
        this.budget = new FaultBudget(builder.a, builder.s, builder.b);
        this.defaultWord = builder.defaultWord;
        this.withinBound = withinBound;
    }

    /**
     * @param lanes   n, the number of lanes, 1 to {@link EigPaths#MAX_LANES}
     * @param roundsM m, the round parameter (m + 1 rounds), 0 to n - 1
     * @param signals K, signals per lane, 1 to {@link #MAX_SIGNALS}
     * @return a builder, by default for {@link Mode#OM_CLASSIC} promising any m faults
     */
    public static Builder builder(final int lanes, final int roundsM, final int signals) {
        return new Builder(lanes, roundsM, signals);
    }

    /**
     * @return n, the number of lanes
     */
    public int lanes() {
        return lanes;
    }

    /**
     * @return m, the round parameter
     */
    public int m() {
        return m;
    }

    /**
     * @return K, signals per lane
     */
    public int signals() {
        return signals;
    }

    /**
     * @return m + 1, the number of message rounds per frame
     */
    public int rounds() {
        return m + 1;
    }

    /**
     * @return the algorithm
     */
    public Mode mode() {
        return mode;
    }

    /**
     * @return the promised fault budget: (m, 0, 0) for OM, (a, s, b) as given for the hybrid algorithm
     */
    public FaultBudget faultBudget() {
        return budget;
    }

    /**
     * @return the value word decided (with {@link EntryStatus#DEFAULT}) when there is no majority, and reported
     *     with {@link EntryStatus#MISSING} decisions
     */
    public long defaultWord() {
        return defaultWord;
    }

    /**
     * @return false only for configurations built outside the bound by the package's own tests, which show that
     *     the bound is tight
     */
    public boolean withinBound() {
        return withinBound;
    }

    /**
     * Which budgets still hold after {@code excluded} lanes have been excluded ({@link EigEngine#excludeLane}),
     * see {@link FaultBudget#holds}. Allocates; not for the frame path.
     *
     * @param excluded k, 0 to n
     * @return the maximal budgets (a, s, b) that still hold with the remaining n - k lanes; empty if none
     */
    public List<FaultBudget> budgetsAfterExcluding(final int excluded) {
        Require.inRange("excluded", excluded, 0, lanes);
        return FaultBudget.maximal(mode, lanes, m, excluded);
    }

    /**
     * @param excluded k, lanes excluded so far
     * @param budget   a fault budget
     * @return true if agreement and validity are still guaranteed under {@code budget}
     */
    public boolean holds(final int excluded, final FaultBudget budget) {
        return FaultBudget.holds(mode, lanes, m, excluded, budget.asymmetric(), budget.symmetric(),
            budget.benign());
    }

    /**
     * The EIG tree numbering for (n, m), one instance per configuration, so that the n engines and lanes built from
     * it do not each hold a copy. Safe to share between threads without locking: {@link EigPaths} is immutable with
     * only final fields, so a thread that reads a non-null reference sees it fully built (JLS 17.5); two threads
     * racing on the first call may each build one, and both are identical, so either may be kept.
     *
     * @return the tree numbering of this configuration's n and m
     */
    EigPaths paths() {
        EigPaths tree = paths;
        if (tree == null) {
            tree = new EigPaths(lanes, m);
            paths = tree;
        }
        return tree;
    }

    /**
     * @return the number of entries a lane emits to one receiver in {@code round}, summed over rounds
     */
    int entriesPerMessage(final int round) {
        return (int) (signals * arrangements(lanes - 2, round - 1));
    }

    /**
     * @param from a count
     * @param take how many to take
     * @return from · (from-1) · … · (from-take+1), the number of ordered selections; 1 for take = 0
     */
    static long arrangements(final int from, final int take) {
        long result = 1;
        for (int i = 0; i < take; i++) {
            result *= Math.max(0, from - i);
        }
        return result;
    }

    @Override
    public String toString() {
        return "AgreementConfig[n=" + lanes + ", m=" + m + ", K=" + signals + ", " + mode + ", budget=" + budget
            + ", defaultWord=" + defaultWord + (withinBound ? "" : ", OUTSIDE BOUND") + "]";
    }

    /** Builds and validates an {@link AgreementConfig}. Not thread safe. */
    public static final class Builder {
        private final int lanes;
        private final int m;
        private final int signals;
        private Mode mode = Mode.OM_CLASSIC;
        private int a;
        private int s;
        private int b;
        private long defaultWord;

        private Builder(final int lanes, final int m, final int signals) {
            this.lanes = lanes;
            this.m = m;
            this.signals = signals;
            this.a = m;
        }

        /**
         * Selects classic OM(m), which survives any m faulty lanes when {@code n >= 3m + 1}.
         *
         * @return this builder
         */
        public Builder omClassic() {
            this.mode = Mode.OM_CLASSIC;
            this.a = m;
            this.s = 0;
            this.b = 0;
            return this;
        }

        /**
         * Selects the corrected hybrid algorithm OMH(m) with a promised budget.
         *
         * @param asymmetric a, asymmetric faulty lanes
         * @param symmetric  s, symmetric faulty lanes
         * @param benign     b, benign faulty lanes
         * @return this builder
         */
        public Builder hybrid(final int asymmetric, final int symmetric, final int benign) {
            this.mode = Mode.HYBRID_CORRECTED;
            this.a = asymmetric;
            this.s = symmetric;
            this.b = benign;
            return this;
        }

        /**
         * @param word the word decided when there is no majority (default 0)
         * @return this builder
         */
        public Builder defaultWord(final long word) {
            this.defaultWord = word;
            return this;
        }

        /**
         * @return the configuration
         * @throws InvalidConfigException naming the inequality that does not hold
         */
        public AgreementConfig build() {
            checkRanges();
            if (mode == Mode.OM_CLASSIC) {
                if (lanes < 3 * m + 1) {
                    throw new InvalidConfigException("n", lanes,
                        "n >= 3m + 1 (n = " + lanes + ", m = " + m + ")");
                }
            } else {
                if (m < a) {
                    throw new InvalidConfigException("m", m, "m >= a (m = " + m + ", a = " + a + ")");
                }
                if (lanes <= 2 * a + 2 * s + b + m) {
                    throw new InvalidConfigException("n", lanes, "n > 2a + 2s + b + m (n = " + lanes + ", a = " + a
                        + ", s = " + s + ", b = " + b + ", m = " + m + ": needs n >= " + (2 * a + 2 * s + b + m + 1)
                        + ")");
                }
            }
            return new AgreementConfig(this, true);
        }

        /**
         * Builds without checking the fault bound (only the ranges that keep the arrays valid). Package-private:
         * used by this package's tests to show that the checker finds violations just outside the bound.
         */
        AgreementConfig buildOutsideBound() {
            checkRanges();
            return new AgreementConfig(this, false);
        }

        private void checkRanges() {
            Require.inRange("n", lanes, 1, EigPaths.MAX_LANES);
            Require.inRange("m", m, 0, lanes - 1);
            Require.inRange("K", signals, 1, MAX_SIGNALS);
            Require.inRange("a", a, 0, lanes);
            Require.inRange("s", s, 0, lanes);
            Require.inRange("b", b, 0, lanes);
            final long nodes = EigPaths.nodeCount(lanes, m);
            if (nodes > EigPaths.MAX_NODES) {
                throw new InvalidConfigException("n, m", "(" + lanes + ", " + m + ")",
                    "EIG tree nodes <= " + EigPaths.MAX_NODES + " (this tree has " + nodes + ")");
            }
        }
    }
}
