package org.bftvote.sim.recording;

/**
 * A recording that cannot be read: a malformed CSV or ULog file. The message names the file, where in it (a line and
 * column for text, a byte offset for binary) and the field, and is meant to be shown to people as it is.
 */
public final class RecordingException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param file    the file as the user named it
     * @param where   {@code line 12}, {@code byte 4711} or similar; empty when it concerns the whole file
     * @param field   the column, topic or field concerned; empty when none
     * @param problem what is wrong and what was expected
     */
    public RecordingException(final String file, final String where, final String field, final String problem) {
        super(file + (where.isEmpty() ? "" : ": " + where) + (field.isEmpty() ? "" : ": field '" + field + "'")
            + ": " + problem);
    }
}
