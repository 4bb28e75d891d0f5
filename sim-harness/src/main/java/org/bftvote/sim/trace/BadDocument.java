package org.bftvote.sim.trace;

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

    /** @return the field */
    String field() {
        return field;
    }

    /** @return what is wrong */
    String problem() {
        return problem;
    }
}
