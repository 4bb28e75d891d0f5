package org.bftvote.sim.results;

/**
 * A small pretty-printing JSON builder: two-space indent, {@code \n} line ends, keys in the order written, numbers
 * via {@link Numbers#json(double)} (non-finite as {@code null}). The caller keeps objects and arrays balanced.
 */
final class JsonOut {
    private static final int MAX_DEPTH = 32;

    private final StringBuilder sb = new StringBuilder(4096);
    private final boolean[] hasItems = new boolean[MAX_DEPTH];
    private int depth;
    private boolean afterName;

    JsonOut beginObject() {
        return open('{');
    }

    JsonOut endObject() {
        return close('}');
    }

    JsonOut beginArray() {
        return open('[');
    }

    JsonOut endArray() {
        return close(']');
    }

    JsonOut name(final String key) {
        separate();
        quoted(key);
        sb.append(": ");
        afterName = true;
        return this;
    }

    JsonOut value(final String text) {
        if (text == null) {
            return raw("null");
        }
        separate();
        quoted(text);
        return this;
    }

    JsonOut value(final long number) {
        return raw(Long.toString(number));
    }

    JsonOut value(final double number) {
        return raw(Numbers.json(number));
    }

    JsonOut value(final boolean flag) {
        return raw(flag ? "true" : "false");
    }

    /** @return {@code null} for a negative "none" sentinel, else the number */
    JsonOut frameOrNull(final long frame) {
        return frame < 0 ? raw("null") : value(frame);
    }

    JsonOut nullValue() {
        return raw("null");
    }

    private JsonOut raw(final String token) {
        separate();
        sb.append(token);
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

    @Override
    public String toString() {
        return sb.toString() + "\n";
    }
}
