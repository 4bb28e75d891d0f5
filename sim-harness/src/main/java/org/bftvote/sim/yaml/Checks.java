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
            throw node.error("value " + value + " is out of range (expected " + bound(min, max) + ")");
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
                + bound(unit.fromCanonical(min), unit.fromCanonical(max)) + " " + unit.symbol() + ")");
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

    private static String bound(final double min, final double max) {
        if (max == Double.MAX_VALUE || max == Double.POSITIVE_INFINITY) {
            return ">= " + min;
        }
        return min + " to " + max;
    }
}
