package org.bftvote;

/**
 * Checks used while building configurations, and the index check of accessors. Each configuration check throws
 * {@link InvalidConfigException} naming the parameter, the value and the bound; {@link #index} throws
 * {@link IndexOutOfBoundsException} saying what the index counts and how many there are. Never used on the frame
 * path.
 */
public final class Require {
    private Require() {
    }

    /**
     * @param name  parameter name
     * @param value value to check
     * @param min   smallest allowed value
     * @param max   largest allowed value
     * @return {@code value}
     * @throws InvalidConfigException if {@code value} is outside {@code [min, max]}
     */
    public static int inRange(final String name, final int value, final int min, final int max) {
        if (value < min || value > max) {
            throw new InvalidConfigException(name, value, min + " <= " + name + " <= " + max);
        }
        return value;
    }

    /**
     * @param name  parameter name
     * @param value value to check
     * @return {@code value}
     * @throws InvalidConfigException if {@code value} is NaN, infinite or negative
     */
    public static double finiteNonNegative(final String name, final double value) {
        if (!Double.isFinite(value) || value < 0.0) {
            throw new InvalidConfigException(name, value, "0 <= " + name + " < infinity");
        }
        return value;
    }

    /**
     * @param name  parameter name
     * @param value value to check
     * @return {@code value}
     * @throws InvalidConfigException if {@code value} is NaN or infinite
     */
    public static double finite(final String name, final double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidConfigException(name, value, name + " finite (not NaN or infinite)");
        }
        return value;
    }

    /**
     * @param <T>   the value's type
     * @param name  parameter name
     * @param value value to check
     * @return {@code value}
     * @throws InvalidConfigException if {@code value} is null
     */
    public static <T> T notNull(final String name, final T value) {
        if (value == null) {
            throw new InvalidConfigException(name, "null", name + " must be given");
        }
        return value;
    }

    /**
     * @param name  what the index counts, for example {@code "signal"}
     * @param value the index given
     * @param count how many there are
     * @param what  what they are, for example {@code "host signals"}
     * @return {@code value}
     * @throws IndexOutOfBoundsException if {@code value} is not in {@code [0, count)}, for example
     *                                   "signal 9 is out of range: this pipeline has 8 host signals, 0 to 7"
     */
    public static int index(final String name, final int value, final int count, final String what) {
        if (value < 0 || value >= count) {
            throw new IndexOutOfBoundsException(name + " " + value + " is out of range: there are " + count + " "
                + what + ", 0 to " + (count - 1));
        }
        return value;
    }
}
