package org.bftvote.sim.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The byte layout of one ULog message format, its nested types flattened as PX4's own tools flatten them
 * ({@code field}, {@code array[i]}, {@code nested.field}): every field's name, type, offset and size. Trailing
 * {@code _padding} fields take bytes but are not fields.
 *
 * @param name   the format's name
 * @param fields the flattened fields, in layout order, trailing padding left out
 * @param size   bytes of the whole layout, trailing padding included
 * @param minSize bytes up to the end of the last field that is not trailing padding
 */
record UlogFormat(String name, List<Field> fields, int size, int minSize) {
    /**
     * One flattened field.
     *
     * @param name   its flattened name
     * @param type   its C type ({@code float}, {@code uint64_t}, ...)
     * @param offset its offset in the message payload, after the message id
     * @param size   its size in bytes
     */
    record Field(String name, String type, int offset, int size) {
    }

    /**
     * @param type a C type name
     * @return its size in bytes, or -1 when it is not a basic type
     */
    static int basicSize(final String type) {
        return switch (type) {
            case "int8_t", "uint8_t", "bool", "char" -> 1;
            case "int16_t", "uint16_t" -> 2;
            case "int32_t", "uint32_t", "float" -> 4;
            case "int64_t", "uint64_t", "double" -> 8;
            default -> -1;
        };
    }

    /** Bytes a ULog message can hold (its size field has 16 bits): no format that can be logged is longer. */
    static final int MAX_BYTES = 0xFFFF;
    /** Fields and array elements one flattening visits at most: a layout of {@link #MAX_BYTES} has no more. */
    static final int MAX_ELEMENTS = 0xFFFF;
    /** Nesting depth at most: deeper, a type contains itself. */
    private static final int MAX_DEPTH = 16;

    /**
     * Flattens a format.
     *
     * @param name    the format's name
     * @param formats every format definition read ({@code name -> "type name;type name;..."}), for nested types
     * @return the layout
     * @throws IllegalArgumentException naming the type that is neither basic nor defined, a malformed field or array
     *                                  length, a type that contains itself, or a layout longer than a message holds
     */
    static UlogFormat flatten(final String name, final Map<String, String> formats) {
        final Flattening flattening = new Flattening(name, formats);
        final int size = flattening.type("", name, 0, 0);
        final List<Field> out = flattening.out;
        int last = out.size();
        while (last > 0 && out.get(last - 1).name().startsWith("_padding")) {
            last--;
        }
        final List<Field> fields = new ArrayList<>(out.subList(0, last));
        final int min = fields.isEmpty() ? 0 : fields.get(last - 1).offset() + fields.get(last - 1).size();
        fields.removeIf(f -> f.name().startsWith("_padding") || f.name().contains("._padding"));
        return new UlogFormat(name, List.copyOf(fields), size, min);
    }

    /** One flattening: the fields found so far and the elements visited, both bounded whatever the definitions say. */
    private static final class Flattening {
        private final String format;
        private final Map<String, String> formats;
        private final List<Field> out = new ArrayList<>();
        private int elements;

        Flattening(final String format, final Map<String, String> formats) {
            this.format = format;
            this.formats = formats;
        }

        int type(final String prefix, final String type, final int offset, final int depth) {
            final String definition = formats.get(type);
            if (definition == null) {
                throw new IllegalArgumentException("type '" + type + "' is used but never defined");
            }
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("type '" + type + "' is nested more than " + MAX_DEPTH
                    + " deep (a type that contains itself?)");
            }
            int at = offset;
            for (final String part : definition.split(";")) {
                if (part.isEmpty()) {
                    continue;
                }
                final int space = part.indexOf(' ');
                if (space <= 0) {
                    throw new IllegalArgumentException("field '" + part + "' of format '" + type
                        + "' is not 'type name'");
                }
                String fieldType = part.substring(0, space);
                final String fieldName = part.substring(space + 1);
                int count = 0;
                final int bracket = fieldType.indexOf('[');
                if (bracket > 0) {
                    count = arrayLength(fieldType, bracket, part, type);
                    fieldType = fieldType.substring(0, bracket);
                }
                at = field(prefix + fieldName, fieldType, count, at, depth);
            }
            return at;
        }

        private int field(final String name, final String type, final int count, final int offset, final int depth) {
            final int basic = basicSize(type);
            int at = offset;
            final int n = Math.max(count, 1);
            for (int i = 0; i < n; i++) {
                if (++elements > MAX_ELEMENTS) {
                    throw new IllegalArgumentException("format '" + format + "' has more than " + MAX_ELEMENTS
                        + " fields and array elements");
                }
                final String element = count > 0 ? name + "[" + i + "]" : name;
                if (basic > 0) {
                    out.add(new Field(element, type, at, basic));
                    at += basic;
                } else {
                    at = type(element + ".", type, at, depth + 1);
                }
                if (at > MAX_BYTES) {
                    throw new IllegalArgumentException("format '" + format + "' is longer than the " + MAX_BYTES
                        + " bytes a ULog message holds");
                }
            }
            return at;
        }

        /** @return N of an array type {@code type[N]}, from 1 to {@link #MAX_BYTES} */
        private static int arrayLength(final String fieldType, final int bracket, final String part,
            final String type) {
            final String digits = fieldType.endsWith("]") ? fieldType.substring(bracket + 1, fieldType.length() - 1)
                : "";
            final boolean decimal = !digits.isEmpty() && digits.length() <= 5
                && digits.chars().allMatch(c -> c >= '0' && c <= '9');
            final int length = decimal ? Integer.parseInt(digits) : 0;
            if (length < 1 || length > MAX_BYTES) {
                throw new IllegalArgumentException("field '" + part + "' of format '" + type
                    + "' has an array length that is not a count from 1 to " + MAX_BYTES);
            }
            return length;
        }
    }

    /**
     * @param field a flattened field name
     * @return its index in {@link #fields()}, or -1
     */
    int indexOf(final String field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                return i;
            }
        }
        return -1;
    }
}
