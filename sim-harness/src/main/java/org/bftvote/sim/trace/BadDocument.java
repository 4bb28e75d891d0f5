package org.bftvote.sim.trace;

import java.nio.BufferUnderflowException;

import net.openhft.chronicle.bytes.UTFDataFormatRuntimeException;

/**
 * A document's field does not decode; {@link TraceReader} adds the trace directory and document index. Thrown only
 * on bad input, so the good path allocates nothing.
 */
final class BadDocument extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    /**
     * @param field   the field
     * @param problem what is wrong and what was expected
     */
    BadDocument(final String field, final String problem) {
        super(field + ": " + problem, null, false, false);
        this.field = field;
        this.problem = problem;
    }

    /**
     * The refusal of a string field that does not decode. Chronicle's {@code readUtf8} throws an
     * {@code ArithmeticException} for a length beyond what a string can hold, an {@code IORuntimeException} for a
     * length whose stop-bit encoding runs past 9 bytes, its subclass {@code UTFDataFormatRuntimeException} for bytes
     * that are not UTF-8, and for a length beyond the rest of the document a {@code BufferUnderflowException} (a
     * mapped queue file) or an {@code IllegalArgumentException} (bytes on the heap).
     *
     * @param field the field
     * @param e     what the decoding threw
     * @return the refusal, naming the field
     */
    static BadDocument undecodableString(final String field, final RuntimeException e) {
        final String problem;
        if (e instanceof UTFDataFormatRuntimeException) {
            problem = "a string whose bytes are not UTF-8";
        } else if (e instanceof BufferUnderflowException || e instanceof IllegalArgumentException) {
            problem = "a string longer than the rest of the document";
        } else {
            problem = "a string length out of range";
        }
        return new BadDocument(field, problem);
    }

    /** @return the field */
    String field() {
        return field;
    }

    /** @return what is wrong */
    String problem() {
        return problem;
    }
}
