package org.bftvote.sim.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bftvote.sim.yaml.IoReasons;
import org.bftvote.sim.yaml.Unit;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The expectations file {@code replay --expect FILE} reads and {@code run --trace} writes: expectations as
 * {@link ExpectationCheck} takes them (name → number, boolean or mapping), written with numbers exactly
 * ({@link Double#toString(double)} round-trips), booleans, and one level of nested mappings (per signal, per fault
 * id), keys double-quoted; read from a mapping at the top level or under {@code expectations}. Reading also
 * takes the scenario's own syntax, so a scenario's {@code expectations:} block can be pasted as it is:
 * {@code fault_detected_within: [{fault: ID, time: {value: V, unit: U}}]} and quantities {@code {value, unit}}
 * (converted to the canonical unit the run recorded). A name that is no expectation is refused, with the closest
 * known name.
 */
public final class ExpectationsYaml {
    /** File the scenario's expectations are written to next to a recorded run, for {@code replay --expect}. */
    public static final String FILE_NAME = "expectations.yaml";
    /** The scenario's name for detection deadlines, read as {@code fault_detected_within_s}. */
    private static final String SCENARIO_DETECTION = "fault_detected_within";

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
        } catch (final MarkedYamlEngineException e) {
            // One line, as for profiles: where, and the parser's problem without its multi-line excerpt.
            final int line = e.getProblemMark().or(e::getContextMark).map(Mark::getLine).orElse(0) + 1;
            throw new IllegalArgumentException(file + ":" + line + ": cannot read the expectations: invalid YAML: "
                + e.getProblem(), e);
        } catch (final IOException | YamlEngineException e) {
            final String io = IoReasons.reasonInChain(e);
            throw new IllegalArgumentException(file + ": cannot read the expectations: "
                + (io != null ? io : "invalid YAML: " + e.getMessage()), e);
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
            final String name = String.valueOf(e.getKey());
            if (name.equals(SCENARIO_DETECTION)) {
                result.put("fault_detected_within_s", detections(file, e.getValue()));
            } else if (ExpectationCheck.NAMES.contains(name)) {
                result.put(name, withoutUnits(file, name, e.getValue()));
            } else {
                throw new IllegalArgumentException(file + ": field '" + name + "': not an expectation"
                    + ExpectationCheck.didYouMean(name, ExpectationCheck.NAMES) + " (known: "
                    + String.join(", ", ExpectationCheck.NAMES) + ", "
                    + SCENARIO_DETECTION + ")");
            }
        }
        return result;
    }

    /**
     * The scenario's form {@code fault_detected_within: [{fault: ID, time: {value: V, unit: U}}]} as
     * {@code fault_detected_within_s: {ID: seconds}}.
     */
    private static Map<String, Object> detections(final Path file, final Object value) {
        if (!(value instanceof List<?> items)) {
            throw new IllegalArgumentException(file + ": field '" + SCENARIO_DETECTION
                + "': expected a list of {fault: ID, time: {value: V, unit: U}}");
        }
        final Map<String, Object> seconds = new LinkedHashMap<>();
        for (final Object item : items) {
            if (!(item instanceof Map<?, ?> entry) || entry.get("fault") == null || entry.get("time") == null) {
                throw new IllegalArgumentException(file + ": field '" + SCENARIO_DETECTION
                    + "': expected {fault: ID, time: {value: V, unit: U}}, got " + item);
            }
            seconds.put(String.valueOf(entry.get("fault")),
                canonical(file, SCENARIO_DETECTION + "." + entry.get("fault"), entry.get("time")));
        }
        return seconds;
    }

    /** A per-signal map whose values may be quantities {@code {value, unit}} (the scenario's form) as numbers. */
    private static Object withoutUnits(final Path file, final String name, final Object value) {
        if (!(value instanceof Map<?, ?> map) || map.containsKey("value")) {
            return value instanceof Map<?, ?> ? canonical(file, name, value) : value;
        }
        final Map<String, Object> numbers = new LinkedHashMap<>();
        for (final Map.Entry<?, ?> e : map.entrySet()) {
            numbers.put(String.valueOf(e.getKey()), e.getValue() instanceof Map<?, ?>
                ? canonical(file, name + "." + e.getKey(), e.getValue()) : e.getValue());
        }
        return numbers;
    }

    /** A quantity {@code {value: V, unit: U}} in its dimension's canonical unit (s, deg/s, m/s^2, ...). */
    private static double canonical(final Path file, final String field, final Object quantity) {
        if (quantity instanceof Map<?, ?> q && q.get("value") instanceof Number n && q.get("unit") != null) {
            final Unit unit = Unit.bySymbol(String.valueOf(q.get("unit")));
            if (unit == null) {
                throw new IllegalArgumentException(file + ": field '" + field + "': unknown unit '" + q.get("unit")
                    + "'");
            }
            return unit.toCanonical(n.doubleValue());
        }
        throw new IllegalArgumentException(file + ": field '" + field + "': expected {value: NUMBER, unit: UNIT}, got "
            + quantity);
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
