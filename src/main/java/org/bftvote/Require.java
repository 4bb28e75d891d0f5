package org.bftvote;

/**
 * Checks used while building configurations. Each check throws {@link InvalidConfigException} naming the parameter,
 * the value and the bound. Never used on the frame path.
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
}
