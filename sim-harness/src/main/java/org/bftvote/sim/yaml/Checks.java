package org.bftvote.sim.yaml;

/**
 * Range checks that report the offending node's location and, for quantities, the bound in the unit the user
 * wrote.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Checks that a number lies in a closed range.
     *
     * @param node  the node the number came from
     * @param value the number
     * @param min   the smallest allowed value
     * @param max   the largest allowed value
     * @return the number
     * @throws ProfileException if out of range
     */
    public static double range(final YNode node, final double value, final double min, final double max)
        throws ProfileException {
        if (value < min || value > max) {
            throw node.error("value " + value + " is out of range (expected " + bound(min, max, min, max, "") + ")");
        }
        return value;
    }

    /**
     * Checks that a quantity, converted to canonical units, lies in a closed range given in canonical units.
     *
     * @param node     the node the quantity came from
     * @param quantity the quantity
     * @param min      the smallest allowed canonical value
     * @param max      the largest allowed canonical value
     * @return the canonical value
     * @throws ProfileException if out of range
     */
    public static double canonicalRange(final YNode node, final Quantity quantity, final double min,
        final double max) throws ProfileException {
        final double canonical = quantity.canonical();
        if (canonical < min || canonical > max) {
            final Unit unit = quantity.unit();
            throw node.error("value " + quantity + " is out of range (expected "
                + bound(min, max, unit.fromCanonical(min), unit.fromCanonical(max), " " + unit.symbol()) + ")");
        }
        return canonical;
    }

    /**
     * Checks that a lower bound does not exceed an upper bound.
     *
     * @param node  the node of the upper bound, where the problem is reported
     * @param lower the lower bound
     * @param upper the upper bound
     * @param what  the names of both, e.g. {@code "latency_min <= latency_max"}
     * @throws ProfileException if lower &gt; upper
     */
    public static void ordered(final YNode node, final double lower, final double upper, final String what)
        throws ProfileException {
        if (lower > upper) {
            throw node.error("expected " + what + ", got " + lower + " > " + upper + " (canonical units)");
        }
    }

    /**
     * The allowed range as a reader says it: {@code Double.MIN_VALUE} as a lower bound means "greater than 0" (never
     * the subnormal number itself), {@code Double.MAX_VALUE} as an upper bound means no upper bound.
     *
     * @param canonicalMin the lower bound as checked
     * @param canonicalMax the upper bound as checked
     * @param min          the lower bound in the unit the user wrote
     * @param max          the upper bound in that unit
     * @param unit         " " and the unit's symbol, or ""
     */
    private static String bound(final double canonicalMin, final double canonicalMax, final double min,
        final double max, final String unit) {
        final boolean unbounded = canonicalMax == Double.MAX_VALUE || canonicalMax == Double.POSITIVE_INFINITY;
        final String lower = canonicalMin == Double.MIN_VALUE ? "> 0" + unit : ">= " + min + unit;
        if (unbounded) {
            return lower;
        }
        return canonicalMin == Double.MIN_VALUE ? lower + " and <= " + max + unit : min + " to " + max + unit;
    }
}
