package org.bftvote.sim.results;

import java.math.BigDecimal;
import java.math.MathContext;

/** Deterministic number text for the output files: the same double always gives the same characters. */
final class Numbers {
    private static final MathContext SIX_DIGITS = new MathContext(6);

    private Numbers() {
    }

    /**
     * @param value a double
     * @return {@link Double#toString(double)} (shortest text that reads back to the same double), {@code NaN},
     *         {@code Infinity} or {@code -Infinity}: for CSV
     */
    static String exact(final double value) {
        return Double.toString(value);
    }

    /**
     * @param value a double
     * @return a JSON number (as {@link #exact}), or {@code null} when not finite
     */
    static String json(final double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }

    /**
     * @param value a double
     * @return six significant digits without trailing zeros or exponent, {@code n/a} for NaN, {@code inf}/{@code
     *         -inf}: for people
     */
    static String text(final double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0.0) {
            return "0";
        }
        return new BigDecimal(value).round(SIX_DIGITS).stripTrailingZeros().toPlainString();
    }
}
