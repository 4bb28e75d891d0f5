package org.bftvote.sim.revote;

/** The median of the channels of a mask, for reporting (margins and the healthy reference); never a vote. */
final class Medians {
    private Medians() {
    }

    /**
     * @param values  channel values, from {@code offset}
     * @param offset  first channel's index
     * @param count   channels
     * @param mask    channels to take (bit c); non-finite values are left out
     * @param scratch at least {@code count} entries
     * @return the median (the mean of the two middle values for an even count), NaN for none
     */
    static double of(final double[] values, final int offset, final int count, final long mask,
        final double[] scratch) {
        int n = 0;
        for (int c = 0; c < count; c++) {
            final double v = values[offset + c];
            if ((mask & (1L << c)) != 0 && Double.isFinite(v)) {
                int i = n++;
                while (i > 0 && scratch[i - 1] > v) {
                    scratch[i] = scratch[i - 1];
                    i--;
                }
                scratch[i] = v;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return (n & 1) == 1 ? scratch[n / 2] : (scratch[n / 2 - 1] + scratch[n / 2]) / 2.0;
    }
}
