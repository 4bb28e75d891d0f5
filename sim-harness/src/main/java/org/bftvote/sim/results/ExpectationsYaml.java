package org.bftvote.sim.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The expectations file {@code replay --expect FILE} reads and {@code run --trace} writes: expectations as
 * {@link ExpectationCheck} takes them (name → number, boolean or mapping), written with numbers exactly
 * ({@link Double#toString(double)} round-trips), booleans, and one level of nested mappings (per signal, per fault
 * id), keys double-quoted; read from a mapping at the top level or under {@code expectations}.
 */
public final class ExpectationsYaml {
    /** File the scenario's expectations are written to next to a recorded run, for {@code replay --expect}. */
    public static final String FILE_NAME = "expectations.yaml";

    private ExpectationsYaml() {
    }

    /**
     * @param expectations name → number, boolean or mapping of name → number
     * @return the YAML document, {@code expectations:} at the top
     * @throws IllegalArgumentException for a value of another type
     */
    public static String text(final Map<String, Object> expectations) {
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

    /**
     * Reads an expectations file.
     *
     * @param file a YAML mapping of expectation names ({@link ExpectationCheck#NAMES}) to values, at the top level
     *             or under {@code expectations}
     * @return the expectations, in file order
     * @throws IllegalArgumentException naming the file when it cannot be read or is not such a mapping
     */
    public static Map<String, Object> read(final Path file) {
        final Object doc;
        try {
            doc = new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (final IOException | YamlEngineException e) {
            throw new IllegalArgumentException("expectations " + file + ": cannot be read: " + e.getMessage(), e);
        }
        Object map = doc;
        if (doc instanceof Map && ((Map<?, ?>) doc).containsKey("expectations")) {
            map = ((Map<?, ?>) doc).get("expectations");
        }
        if (!(map instanceof Map)) {
            throw new IllegalArgumentException("expectations " + file
                + ": expected a mapping of expectation names to values");
        }
        final Map<String, Object> result = new LinkedHashMap<>();
        for (final Map.Entry<?, ?> e : ((Map<?, ?>) map).entrySet()) {
            result.put(String.valueOf(e.getKey()), e.getValue());
        }
        return result;
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
