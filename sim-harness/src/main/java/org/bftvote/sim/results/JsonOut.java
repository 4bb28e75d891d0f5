package org.bftvote.sim.results;

/**
 * A small JSON writer for the harness's report files: two-space indent, {@code \n} line ends, keys in the order
 * written, doubles as {@link Double#toString(double)} (exact round trip; not finite as {@code null}). No timestamps,
 * no map iteration: the same calls give the same bytes. The caller keeps objects and arrays balanced.
 */
public final class JsonOut {
    private static final int MAX_DEPTH = 32;

    private final StringBuilder sb = new StringBuilder(4096);
    private final boolean[] hasItems = new boolean[MAX_DEPTH];
    private int depth;
    private boolean afterName;

    /** Creates an empty document. */
    public JsonOut() {
        // nothing written yet
    }

    /** @return this, after opening an object */
    public JsonOut beginObject() {
        return open('{');
    }

    /** @return this, after closing the innermost object */
    public JsonOut endObject() {
        return close('}');
    }

    /** @return this, after opening an array */
    public JsonOut beginArray() {
        return open('[');
    }

    /** @return this, after closing the innermost array */
    public JsonOut endArray() {
        return close(']');
    }

    /**
     * @param key the next member's name
     * @return this
     */
    public JsonOut name(final String key) {
        separate();
        quoted(key);
        sb.append(": ");
        afterName = true;
        return this;
    }

    /**
     * @param text a string value, {@code null} written as {@code null}
     * @return this
     */
    public JsonOut value(final String text) {
        if (text == null) {
            return raw("null");
        }
        separate();
        quoted(text);
        return this;
    }

    /**
     * @param number an integer value
     * @return this
     */
    public JsonOut value(final long number) {
        return raw(Long.toString(number));
    }

    /**
     * @param number a number; NaN and infinities are written as {@code null}
     * @return this
     */
    public JsonOut value(final double number) {
        return raw(Double.isFinite(number) ? Double.toString(number) : "null");
    }

    /**
     * @param flag a boolean value
     * @return this
     */
    public JsonOut value(final boolean flag) {
        return raw(flag ? "true" : "false");
    }

    /**
     * @param frame a frame number, or a negative "none" sentinel
     * @return this, after writing the frame or {@code null}
     */
    public JsonOut frameOrNull(final long frame) {
        return frame < 0 ? raw("null") : value(frame);
    }

    /** @return this, after writing {@code null} */
    public JsonOut nullValue() {
        return raw("null");
    }

    /** @return the document, ending with a line break */
    @Override
    public String toString() {
        return sb + "\n";
    }

    private JsonOut raw(final String text) {
        separate();
        sb.append(text);
        return this;
    }

    private JsonOut open(final char bracket) {
        separate();
        sb.append(bracket);
        depth++;
        hasItems[depth] = false;
        return this;
    }

    private JsonOut close(final char bracket) {
        final boolean items = hasItems[depth];
        depth--;
        if (items) {
            newline();
        }
        sb.append(bracket);
        return this;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (hasItems[depth]) {
                sb.append(',');
            }
            hasItems[depth] = true;
            newline();
        }
    }

    private void newline() {
        sb.append('\n');
        for (int i = 0; i < depth; i++) {
            sb.append("  ");
        }
    }

    private void quoted(final String text) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
