package org.bftvote.sim.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One YAML node together with the file and field path it came from, with typed accessors that fail with a
 * {@link ProfileException} naming file, line, field and what was expected.
 */
public final class YNode {
    private final String file;
    private final String path;
    private final Node node;

    /**
     * Wraps a node.
     *
     * @param file the file as shown in messages
     * @param path the dotted field path of this node, empty for the root
     * @param node the composed node
     */
    public YNode(final String file, final String path, final Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /**
     * Returns the file as shown in messages.
     *
     * @return the file
     */
    public String file() {
        return file;
    }

    /**
     * Returns the dotted field path of this node.
     *
     * @return the path, empty for the root
     */
    public String path() {
        return path;
    }

    /**
     * Returns the 1-based line this node starts on.
     *
     * @return the line
     */
    public int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    }

    /**
     * Creates the exception for a problem with this node.
     *
     * @param problem what is wrong and what was expected
     * @return the exception, to be thrown by the caller
     */
    public ProfileException error(final String problem) {
        return new ProfileException(file, line(), path, problem);
    }

    /** @return whether this node is a single value (not a mapping or a list) */
    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /**
     * Returns this node as a mapping.
     *
     * @return the mapping view
     * @throws ProfileException if the node is not a mapping
     */
    public YMap asMap() throws ProfileException {
        if (node instanceof MappingNode mapping) {
            return new YMap(this, mapping);
        }
        throw error("expected a mapping (key: value lines), got " + describe());
    }

    /**
     * Returns the elements of this node, which must be a sequence.
     *
     * @return the elements, with paths {@code path[i]}
     * @throws ProfileException if the node is not a sequence
     */
    public List<YNode> asList() throws ProfileException {
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list, got " + describe());
        }
        final List<YNode> items = new ArrayList<>();
        int index = 0;
        for (final Node item : sequence.getValue()) {
            items.add(new YNode(file, path + "[" + index + "]", item));
            index++;
        }
        return items;
    }

    /**
     * Returns this node as a non-empty string.
     *
     * @return the text
     * @throws ProfileException if the node is not a non-empty text scalar
     */
    public String asString() throws ProfileException {
        final ScalarNode scalar = scalar("a text");
        if (!scalar.getTag().equals(Tag.STR) || scalar.getValue().isBlank()) {
            throw error("expected a non-empty text, got " + describe());
        }
        return scalar.getValue();
    }

    /**
     * Returns this node as a finite number.
     *
     * @return the number
     * @throws ProfileException if the node is not a plain numeric scalar or not finite
     */
    public double asNumber() throws ProfileException {
        final ScalarNode scalar = scalar("a number");
        final boolean numeric = scalar.getScalarStyle() == ScalarStyle.PLAIN
            && (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT));
        if (numeric) {
            try {
                final double value = Double.parseDouble(scalar.getValue().replace("_", ""));
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (final NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw error("expected a finite number, got " + describe());
    }

    /**
     * Returns this node as a whole number.
     *
     * @return the number
     * @throws ProfileException if the node is not a plain integer scalar
     */
    public long asLong() throws ProfileException {
        final ScalarNode scalar = scalar("a whole number");
        if (scalar.getScalarStyle() == ScalarStyle.PLAIN && scalar.getTag().equals(Tag.INT)) {
            try {
                return Long.parseLong(scalar.getValue().replace("_", ""));
            } catch (final NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw error("expected a whole number, got " + describe());
    }

    /**
     * Returns this node as a boolean ({@code true} or {@code false}).
     *
     * @return the value
     * @throws ProfileException if the node is not a boolean scalar
     */
    public boolean asBoolean() throws ProfileException {
        final ScalarNode scalar = scalar("true or false");
        if (scalar.getTag().equals(Tag.BOOL) && scalar.getScalarStyle() == ScalarStyle.PLAIN) {
            return Boolean.parseBoolean(scalar.getValue().toLowerCase(Locale.ROOT));
        }
        throw error("expected true or false, got " + describe());
    }

    /**
     * Returns this node as a quantity of the given dimension, written {@code {value: <number>, unit: <symbol>}}.
     *
     * @param dimension the dimension the unit must have
     * @return the quantity
     * @throws ProfileException if the shape, the number or the unit is wrong
     */
    public Quantity asQuantity(final Dimension dimension) throws ProfileException {
        if (!(node instanceof MappingNode)) {
            throw error("expected a quantity of " + dimension.description()
                + " written {value: <number>, unit: <one of " + String.join(", ", Unit.symbolsOf(dimension))
                + ">}, got " + describe());
        }
        final YMap map = asMap();
        final double value = map.required("value").asNumber();
        final Unit unit = map.required("unit").asUnit(dimension);
        map.finish();
        return new Quantity(value, unit);
    }

    /**
     * Returns this node as the symbol of a unit of the given dimension.
     *
     * @param dimension the dimension the unit must have
     * @return the unit
     * @throws ProfileException if the symbol names no unit of that dimension
     */
    public Unit asUnit(final Dimension dimension) throws ProfileException {
        final String symbol = scalar("a unit").getValue();
        final Unit unit = Unit.bySymbol(symbol);
        if (unit == null || unit.dimension() != dimension) {
            throw error("unit '" + symbol + "' is not a unit of " + dimension.description() + " (expected one of: "
                + String.join(", ", Unit.symbolsOf(dimension)) + ")");
        }
        return unit;
    }

    /**
     * Returns this node as one of the given constants, matched against their {@link YamlName#yamlName()}.
     *
     * @param type the enum type
     * @param <E>  the enum type
     * @return the constant
     * @throws ProfileException if the text names no constant
     */
    public <E extends Enum<E> & YamlName> E asEnum(final Class<E> type) throws ProfileException {
        final String text = scalar("a name").getValue();
        final List<String> names = new ArrayList<>();
        for (final E constant : type.getEnumConstants()) {
            if (constant.yamlName().equals(text)) {
                return constant;
            }
            names.add(constant.yamlName());
        }
        throw error("'" + text + "' is not allowed (expected one of: " + String.join(", ", names) + ")");
    }

    private ScalarNode scalar(final String expected) throws ProfileException {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
            return scalar;
        }
        throw error("expected " + expected + ", got " + describe());
    }

    /**
     * Describes the node for messages, e.g. {@code "a list"} or {@code "text 'abc'"}.
     *
     * @return the description
     */
    String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        final ScalarNode scalar = (ScalarNode) node;
        if (scalar.getTag().equals(Tag.NULL)) {
            return "nothing (null)";
        }
        final String kind;
        if (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT)) {
            kind = scalar.getScalarStyle() == ScalarStyle.PLAIN ? "number" : "quoted text";
        } else if (scalar.getTag().equals(Tag.BOOL)) {
            kind = "boolean";
        } else {
            kind = "text";
        }
        return kind + " '" + scalar.getValue() + "'";
    }
}
