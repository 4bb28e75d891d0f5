package org.bftvote.testsupport;

import java.util.SplittableRandom;

/**
 * One resynchronisation round of n lane clocks, as the clock-synchronisation tests drive it: the true clock values,
 * the reading error of every (receiver, source) pair, the faulty lanes and what they claim to each receiver, and the
 * readings missing at each receiver. {@link #run} feeds every healthy lane's readings through a
 * {@link Corrector} (the class under test) and returns the corrected clocks; {@link #violation} checks the
 * Welch–Lynch precision and validity bounds on the result.
 *
 * <p>Values are nanoseconds on a common time line. A reading passed to the lane is the source's clock (or the
 * faulty lane's claim) minus the receiver's clock, plus the pair's error. Not thread safe.
 */
public final class ClockRound {
    /** A claim meaning "no reading arrives" from a faulty lane. */
    public static final long MISSING = Long.MIN_VALUE;

    /** What the tests plug in: one lane's correction from its readings. */
    @FunctionalInterface
    public interface Corrector {
        /**
         * @param receiver the lane
         * @param readings per source, the reading (source minus receiver), or {@link #MISSING}; the receiver's own
         *                 entry is 0
         * @return the correction the lane adds to its clock
         */
        long correction(int receiver, long[] readings);
    }

    /** How a faulty lane chooses its claims. */
    public enum Adversary {
        /** Anything within ±range of the healthy clocks' midpoint. */
        RANDOM,
        /** A huge value to lanes below the healthy midpoint, a hugely negative one to those above (pulls apart). */
        SPLIT_EXTREMES,
        /** Just inside what trimming keeps: the far edge of the healthy range ± ε, opposite for each half. */
        PULL_TO_EDGES,
        /** A healthy-looking value, different for each receiver. */
        MIMIC,
        /** Silent. */
        SILENT,
        /** A different strategy per receiver, drawn from the others. */
        MIXED
    }

    private final int lanes;
    /** True clock values. */
    public final long[] clock;
    /** error[receiver][source], applied to healthy sources' readings. */
    public final long[][] error;
    /** claim[receiver][source]: a faulty source's claimed clock value, or {@link #MISSING}. */
    public final long[][] claim;
    /** missing[receiver]: sources whose reading does not reach that receiver. */
    public final long[] missing;
    /** Faulty lanes. */
    public long faulty;
    private final long[] readings;

    /** @param lanes n */
    public ClockRound(final int lanes) {
        this.lanes = lanes;
        this.clock = new long[lanes];
        this.error = new long[lanes][lanes];
        this.claim = new long[lanes][lanes];
        this.missing = new long[lanes];
        this.readings = new long[lanes];
    }

    /** @return n */
    public int lanes() {
        return lanes;
    }

    /** @return the lanes not faulty */
    public long healthy() {
        return ~faulty & (lanes == 64 ? -1L : (1L << lanes) - 1);
    }

    /**
     * Runs the round.
     *
     * @param corrector the lanes' correction
     * @param after     receives every healthy lane's corrected clock (faulty lanes' entries are left as they are)
     */
    public void run(final Corrector corrector, final long[] after) {
        for (int u = 0; u < lanes; u++) {
            if ((faulty & (1L << u)) != 0) {
                continue;
            }
            for (int j = 0; j < lanes; j++) {
                if (j == u) {
                    readings[j] = 0;
                } else if ((missing[u] & (1L << j)) != 0) {
                    readings[j] = MISSING;
                } else if ((faulty & (1L << j)) != 0) {
                    readings[j] = claim[u][j] == MISSING ? MISSING : claim[u][j] - clock[u];
                } else {
                    readings[j] = clock[j] - clock[u] + error[u][j];
                }
            }
            after[u] = clock[u] + corrector.correction(u, readings);
        }
    }

    /**
     * The Welch–Lynch bounds after one round: healthy clocks within δ/2 + 2ε + 1 of each other and each within the
     * healthy range widened by ε (and 1 ns for rounding).
     *
     * @param epsilon the largest reading error used
     * @param after   corrected clocks from {@link #run}
     * @return null if both hold, else what broke
     */
    public String violation(final long epsilon, final long[] after) {
        final long healthy = healthy();
        final long low = min(clock, healthy);
        final long high = max(clock, healthy);
        final long spread = max(after, healthy) - min(after, healthy);
        final double bound = (high - low) / 2.0 + 2.0 * epsilon + 1.0;
        if (spread > bound) {
            return "precision: corrected spread " + spread + " ns > (" + (high - low) + ")/2 + 2*" + epsilon
                + " + 1 = " + bound;
        }
        for (int u = 0; u < lanes; u++) {
            if ((healthy & (1L << u)) != 0 && (after[u] < low - epsilon - 1 || after[u] > high + epsilon + 1)) {
                return "validity: lane " + u + " corrected to " + after[u] + " outside [" + low + " - " + epsilon
                    + ", " + high + " + " + epsilon + "]";
            }
        }
        return null;
    }

    /**
     * Fills the faulty lanes' claims with an adversary.
     *
     * @param adversary the strategy
     * @param epsilon   the reading error bound (for the edge strategy)
     * @param range     how far random claims reach from the healthy midpoint
     * @param random    the generator
     */
    public void claims(final Adversary adversary, final long epsilon, final long range, final SplittableRandom random) {
        final long healthy = healthy();
        final long low = min(clock, healthy);
        final long high = max(clock, healthy);
        final long middle = low + (high - low) / 2;
        for (int j = 0; j < lanes; j++) {
            if ((faulty & (1L << j)) == 0) {
                continue;
            }
            for (int u = 0; u < lanes; u++) {
                Adversary a = adversary;
                if (a == Adversary.MIXED) {
                    a = Adversary.values()[random.nextInt(Adversary.MIXED.ordinal())];
                }
                final boolean lowHalf = clock[u] <= middle;
                claim[u][j] = switch (a) {
                    case RANDOM -> middle + random.nextLong(-range, range + 1);
                    case SPLIT_EXTREMES -> lowHalf ? middle + range : middle - range;
                    case PULL_TO_EDGES -> lowHalf ? high + epsilon : low - epsilon;
                    case MIMIC -> low + (high > low ? random.nextLong(high - low + 1) : 0);
                    case SILENT -> MISSING;
                    case MIXED -> throw new IllegalStateException("resolved above");
                };
            }
        }
    }

    /**
     * @param values values per lane
     * @param mask   lanes to consider (at least one)
     * @return the smallest of them
     */
    public static long min(final long[] values, final long mask) {
        long m = Long.MAX_VALUE;
        for (int i = 0; i < values.length; i++) {
            if ((mask & (1L << i)) != 0) {
                m = Math.min(m, values[i]);
            }
        }
        return m;
    }

    /**
     * @param values values per lane
     * @param mask   lanes to consider (at least one)
     * @return the largest of them
     */
    public static long max(final long[] values, final long mask) {
        long m = Long.MIN_VALUE;
        for (int i = 0; i < values.length; i++) {
            if ((mask & (1L << i)) != 0) {
                m = Math.max(m, values[i]);
            }
        }
        return m;
    }
}
