package org.bftvote.sim.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a parsed JSON value against the subset of JSON Schema the summary schema uses: {@code type} (one or a
 * list), {@code const}, {@code enum}, {@code required}, {@code properties}, {@code additionalProperties} (false or a
 * schema), {@code items}, {@code minimum}/{@code maximum}. Returns every problem found, with its path.
 */
public final class SchemaCheck {
    private SchemaCheck() {
    }

    /**
     * @param value  a parsed JSON value
     * @param schema a parsed JSON Schema (the subset the project's schemas use)
     * @return one line per place where the value breaks the schema, empty when it conforms
     */
    public static List<String> problems(final Object value, final Map<?, ?> schema) {
        final List<String> out = new ArrayList<>();
        check("$", value, schema, out);
        return out;
    }

    private static void check(final String path, final Object value, final Map<?, ?> schema, final List<String> out) {
        final Object type = schema.get("type");
        if (type != null && !typeMatches(type, value)) {
            out.add(path + ": type " + type + " expected, got " + value);
            return;
        }
        if (schema.containsKey("const") && !schema.get("const").equals(value)) {
            out.add(path + ": const " + schema.get("const") + " expected, got " + value);
        }
        if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
            out.add(path + ": one of " + allowed + " expected, got " + value);
        }
        if (value instanceof Number n) {
            if (schema.get("minimum") instanceof Number min && n.doubleValue() < min.doubleValue()) {
                out.add(path + ": below minimum");
            }
            if (schema.get("maximum") instanceof Number max && n.doubleValue() > max.doubleValue()) {
                out.add(path + ": above maximum");
            }
        }
        if (value instanceof Map<?, ?> object) {
            final Map<?, ?> properties = schema.get("properties") instanceof Map<?, ?> p ? p : Map.of();
            if (schema.get("required") instanceof List<?> required) {
                for (final Object key : required) {
                    if (!object.containsKey(key)) {
                        out.add(path + ": missing " + key);
                    }
                }
            }
            for (final Map.Entry<?, ?> e : object.entrySet()) {
                final String child = path + "." + e.getKey();
                if (properties.get(e.getKey()) instanceof Map<?, ?> sub) {
                    check(child, e.getValue(), sub, out);
                } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                    out.add(child + ": not in the schema");
                } else if (schema.get("additionalProperties") instanceof Map<?, ?> sub) {
                    check(child, e.getValue(), sub, out);
                }
            }
        }
        if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < list.size(); i++) {
                check(path + "[" + i + "]", list.get(i), items, out);
            }
        }
    }

    private static boolean typeMatches(final Object type, final Object value) {
        if (type instanceof List<?> any) {
            for (final Object t : any) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch ((String) type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "integer" -> value instanceof Long;
            case "number" -> value instanceof Long || value instanceof Double;
            case "null" -> value == Json.NULL;
            default -> false;
        };
    }
}
