package org.bftvote.sim.emulation;

/**
 * Thrown while loading a truth file that cannot be used. The message and the accessors name the file, the line
 * (1-based, 0 when the problem is the file as a whole) and the field, so the author can fix it at once.
 */
public final class TruthFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The truth file, as given. */
    private final String file;
    /** The 1-based line of the problem. */
    private final int line;
    /** The field at fault. */
    private final String field;

    /**
     * @param file    the file as given
     * @param line    1-based line number, 0 for the whole file
     * @param field   the field at fault ({@code "time"}, {@code "value"}, or {@code "row"} for the line as a whole)
     * @param problem what is wrong, for example {@code "'abc' is not a number"}
     * @param cause   the underlying exception, or null
     */
    public TruthFileException(final String file, final int line, final String field, final String problem,
                              final Throwable cause) {
        super("truth file " + file + ", line " + line + ", field " + field + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    /**
     * @return the file as given
     */
    public String file() {
        return file;
    }

    /**
     * @return the 1-based line, or 0 for the file as a whole
     */
    public int line() {
        return line;
    }

    /**
     * @return the field at fault
     */
    public String field() {
        return field;
    }
}
