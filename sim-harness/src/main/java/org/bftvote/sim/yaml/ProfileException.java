package org.bftvote.sim.yaml;

/**
 * A hardware profile or scenario file is malformed, incomplete, inconsistent or names something that does not exist.
 *
 * <p>The message always has the form {@code FILE:LINE: field 'PATH': PROBLEM} (the field part is left out when the
 * problem concerns the whole document), so that a user can jump to the place and see what was expected, e.g.
 * {@code hw-profiles/platforms/quad.yaml:23: field 'buses[0].profile': no bus profile 'afdx-x' (known: ...)}.
 */
public final class ProfileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The file at fault, as given. */
    private final String file;
    /** The 1-based line of the problem, 0 when it has none. */
    private final int line;
    /** The field at fault. */
    private final String field;
    /** What was wrong and what was expected. */
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param file    the file as shown to the user
     * @param line    the 1-based line the problem is on
     * @param field   the dotted path of the field, empty when the problem concerns the whole document
     * @param problem what is wrong and what was expected
     */
    public ProfileException(final String file, final int line, final String field, final String problem) {
        super(format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    private static String format(final String file, final int line, final String field, final String problem) {
        final String where = line > 0 ? file + ":" + line + ": " : file + ": ";     // 0: no line to point at
        return field.isEmpty() ? where + problem : where + "field '" + field + "': " + problem;
    }

    /**
     * Returns the file as shown to the user.
     *
     * @return the file name or path
     */
    public String file() {
        return file;
    }

    /**
     * Returns the 1-based line of the problem.
     *
     * @return the line number
     */
    public int line() {
        return line;
    }

    /**
     * Returns the dotted field path, empty when the problem concerns the whole document.
     *
     * @return the field path
     */
    public String field() {
        return field;
    }

    /**
     * Returns the problem without the location prefix.
     *
     * @return what is wrong and what was expected
     */
    public String problem() {
        return problem;
    }
}
