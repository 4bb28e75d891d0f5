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

    /**
     * Flattens a format.
     *
     * @param name    the format's name
     * @param formats every format definition read ({@code name -> "type name;type name;..."}), for nested types
     * @return the layout
     * @throws IllegalArgumentException naming the type that is neither basic nor defined, or a malformed field
     */
    static UlogFormat flatten(final String name, final Map<String, String> formats) {
        final List<Field> out = new ArrayList<>();
        final int size = flatten("", name, formats, out, 0, 0);
        int last = out.size();
        while (last > 0 && out.get(last - 1).name().startsWith("_padding")) {
            last--;
        }
        final List<Field> fields = new ArrayList<>(out.subList(0, last));
        final int min = fields.isEmpty() ? 0 : fields.get(last - 1).offset() + fields.get(last - 1).size();
        fields.removeIf(f -> f.name().startsWith("_padding") || f.name().contains("._padding"));
        return new UlogFormat(name, List.copyOf(fields), size, min);
    }

    private static int flatten(final String prefix, final String type, final Map<String, String> formats,
        final List<Field> out, final int offset, final int depth) {
        final String definition = formats.get(type);
        if (definition == null || depth > 16) {
            throw new IllegalArgumentException("type '" + type + "' is used but never defined");
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
                count = Integer.parseInt(fieldType.substring(bracket + 1, fieldType.indexOf(']')));
                fieldType = fieldType.substring(0, bracket);
            }
            at = field(prefix + fieldName, fieldType, count, formats, out, at, depth);
        }
        return at;
    }

    private static int field(final String name, final String type, final int count, final Map<String, String> formats,
        final List<Field> out, final int offset, final int depth) {
        final int basic = basicSize(type);
        int at = offset;
        final int n = Math.max(count, 1);
        for (int i = 0; i < n; i++) {
            final String element = count > 0 ? name + "[" + i + "]" : name;
            if (basic > 0) {
                out.add(new Field(element, type, at, basic));
                at += basic;
            } else {
                at = flatten(element + ".", type, formats, out, at, depth + 1);
            }
        }
        return at;
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
