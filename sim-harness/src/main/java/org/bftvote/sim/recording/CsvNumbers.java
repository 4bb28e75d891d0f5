package org.bftvote.sim.recording;

import java.nio.charset.StandardCharsets;

/**
 * Parses a decimal number from bytes in place, giving exactly what {@link Double#parseDouble} gives: the common case
 * (at most 15 significant digits, a power of ten within ±22) is one exact IEEE multiplication or division of two
 * exactly representable numbers, hence correctly rounded; anything else goes to {@link Double#parseDouble}. Accepts
 * {@code nan}, {@code inf}, {@code -inf} in any case as NaN and the infinities.
 */
final class CsvNumbers {
    /** Returned by {@link #parse} for text that is not a number (a NaN with a payload no parser produces). */
    static final double NOT_A_NUMBER = Double.longBitsToDouble(0x7ff8_dead_beef_0001L);

    private static final double[] POWERS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22};
    private static final int MAX_FAST_DIGITS = 15;

    private CsvNumbers() {
    }

    /**
     * @param b     the bytes
     * @param from  first byte of the field
     * @param to    one past its last byte
     * @return the number, or {@link #NOT_A_NUMBER} (compare with {@link #isBad}) when the text is not one
     */
    static double parse(final byte[] b, final int from, final int to) {
        int i = from;
        final boolean negative = i < to && b[i] == '-';
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int exponent = 0;
        boolean any = false;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            any = true;
            if (digits > 0 || b[i] != '0') {
                mantissa = digits < 18 ? mantissa * 10 + (b[i] - '0') : mantissa;
                exponent += digits < 18 ? 0 : 1;
                digits++;
            }
            i++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                any = true;
                if (digits > 0 || b[i] != '0') {
                    if (digits < 18) {
                        mantissa = mantissa * 10 + (b[i] - '0');
                        exponent--;
                    }
                    digits++;
                } else {
                    exponent--;
                }
                i++;
            }
        }
        if (!any) {
            return special(b, from, to);
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            final boolean negativeExp = i < to && b[i] == '-';
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            int e = 0;
            final int start = i;
            while (i < to && b[i] >= '0' && b[i] <= '9' && e < 100_000) {
                e = e * 10 + (b[i] - '0');
                i++;
            }
            if (i == start) {
                return NOT_A_NUMBER;
            }
            exponent += negativeExp ? -e : e;
        }
        if (i != to) {
            return NOT_A_NUMBER;
        }
        return value(b, from, to, negative, mantissa, digits, exponent);
    }

    /**
     * The value of a well-formed number: by double arithmetic when mantissa and power of ten are both exact doubles
     * (so is their product or quotient, correctly rounded), else by the JDK's parser.
     */
    private static double value(final byte[] b, final int from, final int to, final boolean negative,
        final long mantissa, final int digits, final int exponent) {
        if (digits <= MAX_FAST_DIGITS && exponent >= -22 && exponent <= 22) {
            final double m = mantissa;
            final double v = exponent >= 0 ? m * POWERS[exponent] : m / POWERS[-exponent];
            return negative ? -v : v;
        }
        return slow(b, from, to);
    }

    /** @return whether {@code value} is the "not a number" marker of {@link #parse} */
    static boolean isBad(final double value) {
        return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(NOT_A_NUMBER);
    }

    private static double special(final byte[] b, final int from, final int to) {
        final String text = new String(b, from, to - from, StandardCharsets.ISO_8859_1).trim();
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "+nan", "-nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return NOT_A_NUMBER;
        }
    }

    private static double slow(final byte[] b, final int from, final int to) {
        try {
            return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        } catch (final NumberFormatException e) {
            return NOT_A_NUMBER;
        }
    }
}
