package org.bftvote.vote;

import java.util.SplittableRandom;

/**
 * Generators for real-valued voter inputs, shared by the property and contract tests.
 */
final class RealInputs {
    /** Values that stress ties, signed zeros, rounding and overflow. */
    private static final double[] PALETTE = {
        -0.0, 0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1e308, -1e308, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
        -Double.MIN_VALUE, 3.0,
    };

    private RealInputs() {
    }

    /** @return any finite double: uniform bits, a palette value or a modest number. */
    static double anyFinite(final SplittableRandom r) {
        switch (r.nextInt(4)) {
            case 0: {
                double v;
                do {
                    v = Double.longBitsToDouble(r.nextLong());
                } while (!Double.isFinite(v));
                return v;
            }
            case 1:
                return PALETTE[r.nextInt(PALETTE.length)];
            case 2:
                return r.nextDouble(-1e6, 1e6);
            default:
                return r.nextInt(-3, 4);
        }
    }

    /** @return any double, including NaN and infinities. */
    static double anyDouble(final SplittableRandom r) {
        switch (r.nextInt(8)) {
            case 0:
                return Double.NaN;
            case 1:
                return r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            default:
                return anyFinite(r);
        }
    }

    /**
     * An adversary's value: colluding at an extreme, at a huge random value, or anywhere finite.
     *
     * @param collude the value the faulty channels share this frame when they collude
     */
    static double adversary(final SplittableRandom r, final double collude) {
        switch (r.nextInt(4)) {
            case 0:
                return collude;
            case 1:
                return r.nextBoolean() ? 1e308 : -1e308;
            default:
                return anyFinite(r);
        }
    }

    /** @return a random permutation of 0..n-1. */
    static int[] permutation(final SplittableRandom r, final int n) {
        final int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            final int j = r.nextInt(i + 1);
            final int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** @return {@code mask} with bit i moved to bit {@code perm[i]}. */
    static long permuteMask(final long mask, final int[] perm) {
        long out = 0L;
        for (int i = 0; i < perm.length; i++) {
            if ((mask & (1L << i)) != 0) {
                out |= 1L << perm[i];
            }
        }
        return out;
    }
}
