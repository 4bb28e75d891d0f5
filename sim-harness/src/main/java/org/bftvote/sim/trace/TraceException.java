package org.bftvote.sim.trace;

import java.nio.file.Path;

/**
 * A trace cannot be read: not a trace, an unsupported format version, a document that does not decode, or a
 * checksum that does not match. The message names the trace directory, the document index (0 = header) and the
 * field, and is meant to be shown to people as it is.
 */
public final class TraceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Document index meaning "not about one document". */
    public static final long NO_DOCUMENT = -1;

    /** The trace directory (not serialised: a path is not serialisable). */
    private final transient Path trace;
    /** The document of the trace at fault, or {@link #NO_DOCUMENT}. */
    private final long document;
    /** The field at fault. */
    private final String field;

    /**
     * @param trace    the trace directory
     * @param document index of the offending document (0 = header), or {@link #NO_DOCUMENT}
     * @param field    the field that is wrong, or an empty string
     * @param problem  what is wrong and what was expected
     */
    public TraceException(final Path trace, final long document, final String field, final String problem) {
        super(message(trace, document, field, problem));
        this.trace = trace;
        this.document = document;
        this.field = field;
    }

    private static String message(final Path trace, final long document, final String field, final String problem) {
        final StringBuilder b = new StringBuilder("trace ").append(trace);
        if (document != NO_DOCUMENT) {
            b.append(": document ").append(document);
        }
        if (!field.isEmpty()) {
            b.append(": field ").append(field);
        }
        return b.append(": ").append(problem).toString();
    }

    /** @return the trace directory */
    public Path trace() {
        return trace;
    }

    /** @return index of the offending document, or {@link #NO_DOCUMENT} */
    public long document() {
        return document;
    }

    /** @return the offending field, or an empty string */
    public String field() {
        return field;
    }
}
