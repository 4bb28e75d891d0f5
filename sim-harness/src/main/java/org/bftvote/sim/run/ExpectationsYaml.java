package org.bftvote.sim.run;

import java.util.Map;

/**
 * Writes expectations, as {@link org.bftvote.sim.results.ExpectationCheck} takes them, as the YAML mapping
 * {@code replay --expect FILE} reads: numbers exactly ({@link Double#toString(double)} round-trips), booleans, and
 * one level of nested mappings (per signal, per fault id), keys double-quoted.
 */
final class ExpectationsYaml {

    private ExpectationsYaml() {
    }

    /**
     * @param expectations name → number, boolean or mapping of name → number
     * @return the YAML document, {@code expectations:} at the top
     * @throws IllegalArgumentException for a value of another type
     */
    static String text(final Map<String, Object> expectations) {
        final StringBuilder sb = new StringBuilder("expectations:");
        if (expectations.isEmpty()) {
            return sb.append(" {}\n").toString();
        }
        sb.append('\n');
        for (final Map.Entry<String, Object> e : expectations.entrySet()) {
            sb.append("  ").append(quoted(e.getKey())).append(':');
            if (e.getValue() instanceof Map<?, ?> nested) {
                sb.append('\n');
                for (final Map.Entry<?, ?> n : nested.entrySet()) {
                    sb.append("    ").append(quoted(String.valueOf(n.getKey()))).append(": ")
                        .append(scalar(n.getValue())).append('\n');
                }
            } else {
                sb.append(' ').append(scalar(e.getValue())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String scalar(final Object value) {
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        if (value instanceof Float f) {
            return Double.toString(f.doubleValue());
        }
        if (value instanceof Number n) {
            return Long.toString(n.longValue());
        }
        throw new IllegalArgumentException("expectation value of type " + value.getClass().getSimpleName());
    }

    private static String quoted(final String key) {
        return '"' + key.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
