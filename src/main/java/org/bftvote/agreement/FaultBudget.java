package org.bftvote.agreement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A fault hypothesis: at most {@code a} asymmetric (Byzantine), {@code s} symmetric and {@code b} benign faulty
 * lanes at the same time. Immutable value object.
 *
 * <p>Which budgets an algorithm survives ({@link #holds}):
 * <ul>
 *   <li>corrected hybrid OMH(m) (Lincoln and Rushby 1993): {@code n - k > 2a + 2s + b + m} and {@code m >= a};</li>
 *   <li>classic OM(m): a missing message becomes the same default value at every healthy lane, so a benign lane
 *       acts as a symmetric one; excluded lanes are dropped from the tree, so the lanes left run OM among
 *       themselves: {@code n - k > 2a + 2(s + b) + m} and {@code m >= a}. With {@code k = 0}, {@code s = b = 0} and
 *       {@code a = m} this is Lamport's {@code n >= 3m + 1}.</li>
 * </ul>
 * Here {@code k} is the number of lanes excluded with {@link EigEngine#excludeLane(int)}: every node through an
 * excluded lane is dropped at every healthy lane alike, so it uses one slot of the budget in either algorithm.
 */
public final class FaultBudget {
    private final int asymmetric;
    private final int symmetric;
    private final int benign;

    /**
     * @param asymmetric a, the number of asymmetric (Byzantine) faulty lanes, &gt;= 0
     * @param symmetric  s, the number of symmetric faulty lanes, &gt;= 0
     * @param benign     b, the number of benign (manifest) faulty lanes, &gt;= 0
     * @throws org.bftvote.InvalidConfigException if a count is negative
     */
    public FaultBudget(final int asymmetric, final int symmetric, final int benign) {
        this.asymmetric = org.bftvote.Require.inRange("a", asymmetric, 0, Integer.MAX_VALUE);
        this.symmetric = org.bftvote.Require.inRange("s", symmetric, 0, Integer.MAX_VALUE);
        this.benign = org.bftvote.Require.inRange("b", benign, 0, Integer.MAX_VALUE);
    }

    /**
     * @return a, asymmetric faulty lanes
     */
    public int asymmetric() {
        return asymmetric;
    }

    /**
     * @return s, symmetric faulty lanes
     */
    public int symmetric() {
        return symmetric;
    }

    /**
     * @return b, benign faulty lanes
     */
    public int benign() {
        return benign;
    }

    /**
     * @return a + s + b
     */
    public int total() {
        return asymmetric + symmetric + benign;
    }

    /**
     * Whether an algorithm with {@code lanes} lanes and parameter {@code m}, after {@code excluded} lanes have been
     * excluded, still guarantees agreement and validity under a budget.
     *
     * @param mode     the algorithm
     * @param lanes    n, all lanes including the excluded ones
     * @param m        the round parameter (rounds = m + 1)
     * @param excluded k, lanes excluded so far
     * @param a        asymmetric faults
     * @param s        symmetric faults
     * @param b        benign faults (besides the excluded lanes)
     * @return true if the bound holds
     */
    public static boolean holds(final AgreementConfig.Mode mode, final int lanes, final int m, final int excluded,
                                final int a, final int s, final int b) {
        if (a < 0 || s < 0 || b < 0 || excluded < 0 || a > m) {
            return false;
        }
        if (mode == AgreementConfig.Mode.HYBRID_CORRECTED) {
            return lanes - excluded > 2 * a + 2 * s + b + m;
        }
        return lanes - excluded > 2 * a + 2 * (s + b) + m;
    }

    /**
     * @param mode     the algorithm
     * @param lanes    n
     * @param m        the round parameter
     * @param excluded k, lanes excluded
     * @return every maximal budget (no other holding budget is at least as large in all three counts), ordered by
     *     a, then s; empty if not even the empty budget holds. Allocates; not for the frame path.
     */
    public static List<FaultBudget> maximal(final AgreementConfig.Mode mode, final int lanes, final int m,
                                            final int excluded) {
        final List<FaultBudget> result = new ArrayList<>();
        for (int a = 0; a <= m; a++) {
            for (int s = 0; s <= lanes; s++) {
                for (int b = 0; b <= lanes; b++) {
                    // The holding set is closed downwards, so a point is maximal iff no single step up holds.
                    if (holds(mode, lanes, m, excluded, a, s, b)
                        && !holds(mode, lanes, m, excluded, a + 1, s, b)
                        && !holds(mode, lanes, m, excluded, a, s + 1, b)
                        && !holds(mode, lanes, m, excluded, a, s, b + 1)) {
                        result.add(new FaultBudget(a, s, b));
                    }
                }
            }
        }
        return Collections.unmodifiableList(result);
    }

    @Override
    public boolean equals(final Object other) {
        if (!(other instanceof FaultBudget)) {
            return false;
        }
        final FaultBudget that = (FaultBudget) other;
        return asymmetric == that.asymmetric && symmetric == that.symmetric && benign == that.benign;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(asymmetric, symmetric, benign);
    }

    @Override
    public String toString() {
        return "(a=" + asymmetric + ", s=" + symmetric + ", b=" + benign + ")";
    }
}
