package org.bftvote.sim.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping read field by field. Every field asked for is remembered; {@link #finish()} then rejects any field
 * present in the file that was never asked for, so a misspelt or unsupported field is never silently ignored.
 */
public final class YMap {
    private final YNode self;
    private final Map<String, YNode> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    YMap(final YNode self, final MappingNode mapping) throws ProfileException {
        this.self = self;
        for (final NodeTuple tuple : mapping.getValue()) {
            final YNode keyNode = new YNode(self.file(), self.path(), tuple.getKeyNode());
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw keyNode.error("expected a plain field name as key, got " + keyNode.describe());
            }
            final String name = key.getValue();
            if (entries.containsKey(name)) {
                throw keyNode.error("field '" + name + "' appears twice");
            }
            entries.put(name, new YNode(self.file(), childPath(name), tuple.getValueNode()));
        }
    }

    private String childPath(final String name) {
        return self.path().isEmpty() ? name : self.path() + "." + name;
    }

    /**
     * Returns the node of this mapping itself.
     *
     * @return the node
     */
    public YNode node() {
        return self;
    }

    /**
     * Returns a field that must be present.
     *
     * @param name the field name
     * @return the field's value node
     * @throws ProfileException if the field is missing
     */
    public YNode required(final String name) throws ProfileException {
        known.add(name);
        final YNode value = entries.get(name);
        if (value == null) {
            throw new ProfileException(self.file(), self.line(), childPath(name), "missing required field"
                + unknownHint(name));
        }
        return value;
    }

    /** Names a present field that looks like a misspelling of a missing one, since that is the usual cause. */
    private String unknownHint(final String missing) {
        for (final String name : entries.keySet()) {
            if (!known.contains(name) && editDistance(name, missing) <= 2) {
                return " (is '" + name + "' a misspelling of it?)";
            }
        }
        return "";
    }

    private static int editDistance(final String a, final String b) {
        final int[] previous = new int[b.length() + 1];
        final int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                final int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            System.arraycopy(current, 0, previous, 0, current.length);
        }
        return previous[b.length()];
    }

    /**
     * Returns a field that may be absent.
     *
     * @param name the field name
     * @return the field's value node, empty when absent
     */
    public Optional<YNode> optional(final String name) {
        known.add(name);
        return Optional.ofNullable(entries.get(name));
    }

    /**
     * Tells whether a field is present, and marks it as known.
     *
     * @param name the field name
     * @return whether it is present
     */
    public boolean has(final String name) {
        known.add(name);
        return entries.containsKey(name);
    }

    /**
     * Returns the names of all fields present, in file order.
     *
     * @return the field names
     */
    public List<String> fieldNames() {
        return List.copyOf(entries.keySet());
    }

    /**
     * Rejects every field present that was not asked for.
     *
     * @throws ProfileException naming the first unknown field and the fields that are allowed here
     */
    public void finish() throws ProfileException {
        for (final Map.Entry<String, YNode> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw entry.getValue().error("unknown field (expected one of: " + String.join(", ", known) + ")");
            }
        }
    }

    /**
     * Reads a required finite number within a closed range.
     *
     * @param name the field name
     * @param min  the smallest allowed value
     * @param max  the largest allowed value
     * @return the number
     * @throws ProfileException if missing, not a number or out of range
     */
    public double number(final String name, final double min, final double max) throws ProfileException {
        final YNode node = required(name);
        return Checks.range(node, node.asNumber(), min, max);
    }

    /**
     * Reads a required whole number within a closed range.
     *
     * @param name the field name
     * @param min  the smallest allowed value
     * @param max  the largest allowed value
     * @return the number
     * @throws ProfileException if missing, not a whole number or out of range
     */
    public int integer(final String name, final int min, final int max) throws ProfileException {
        final YNode node = required(name);
        final long value = node.asLong();
        if (value < min || value > max) {
            throw node.error("value " + value + " is out of range (expected " + min + " to " + max + ")");
        }
        return (int) value;
    }

    /**
     * Reads a required text field.
     *
     * @param name the field name
     * @return the text
     * @throws ProfileException if missing or not text
     */
    public String text(final String name) throws ProfileException {
        return required(name).asString();
    }

    /**
     * Reads a required quantity and returns it in canonical units, checking it lies in a closed range (also in
     * canonical units).
     *
     * @param name      the field name
     * @param dimension the dimension its unit must have
     * @param min       the smallest allowed canonical value
     * @param max       the largest allowed canonical value
     * @return the canonical value
     * @throws ProfileException if missing, malformed, of the wrong unit or out of range
     */
    public double quantity(final String name, final Dimension dimension, final double min, final double max)
        throws ProfileException {
        final YNode node = required(name);
        return Checks.canonicalRange(node, node.asQuantity(dimension), min, max);
    }

    /**
     * Reads an optional quantity, returning NaN when absent.
     *
     * @param name      the field name
     * @param dimension the dimension its unit must have
     * @param min       the smallest allowed canonical value
     * @param max       the largest allowed canonical value
     * @return the canonical value, or NaN when absent
     * @throws ProfileException if malformed, of the wrong unit or out of range
     */
    public double optionalQuantity(final String name, final Dimension dimension, final double min, final double max)
        throws ProfileException {
        final Optional<YNode> node = optional(name);
        if (node.isEmpty()) {
            return Double.NaN;
        }
        return Checks.canonicalRange(node.get(), node.get().asQuantity(dimension), min, max);
    }

    /**
     * Reads a required enum field.
     *
     * @param name the field name
     * @param type the enum type
     * @param <E>  the enum type
     * @return the constant
     * @throws ProfileException if missing or not one of the allowed names
     */
    public <E extends Enum<E> & YamlName> E choice(final String name, final Class<E> type) throws ProfileException {
        return required(name).asEnum(type);
    }

    /**
     * Reads a required list of texts.
     *
     * @param name the field name
     * @return the texts
     * @throws ProfileException if missing, not a list or an element is not text
     */
    public List<String> texts(final String name) throws ProfileException {
        final List<String> result = new ArrayList<>();
        for (final YNode item : required(name).asList()) {
            result.add(item.asString());
        }
        return List.copyOf(result);
    }
}
