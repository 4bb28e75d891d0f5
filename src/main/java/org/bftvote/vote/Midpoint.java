package org.bftvote.vote;

/**
 * Overflow-free midpoint of two finite doubles.
 */
final class Midpoint {
    private Midpoint() {
    }

    /**
     * Returns the midpoint of {@code a <= b}, always within {@code [a, b]} and never infinite.
     *
     * <p>{@code (a + b) * 0.5} is the correctly rounded midpoint whenever the sum is finite (halving is exact, or a
     * monotone rounding between the representable {@code a} and {@code b}). The sum overflows only when both are
     * huge and of one sign; halving each first is then exact.
     *
     * @param a lower value, finite
     * @param b upper value, finite, {@code >= a}
     * @return the midpoint
     */
    static double of(final double a, final double b) {
        final double m = (a + b) * 0.5;
        return Double.isFinite(m) ? m : a * 0.5 + b * 0.5;
    }
}
