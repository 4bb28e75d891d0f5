package org.bftvote.sim.trace;

/**
 * What a complete read of a trace found.
 *
 * @param frames                frame documents read (and handed on)
 * @param exclusions            exclusion documents read (and handed on)
 * @param truncated             whether the trace has no end document: the run stopped before it finished, or the file
 *                              was cut; everything up to the last complete document was read
 * @param damagedDocuments      documents skipped because their checksum did not match their bytes, plus documents
 *                              the end document counts that the trace no longer holds
 * @param firstDamagedDocument  index of the first damaged document (0 = header), or -1 when none
 * @param lastFrameBeforeDamage the last frame read before the first damaged document, or -1 when none was
 */
public record TraceSummary(long frames, long exclusions, boolean truncated, long damagedDocuments,
                           long firstDamagedDocument, long lastFrameBeforeDamage) {
    /** "No such document or frame". */
    public static final long NONE = -1;

    /**
     * An undamaged read.
     *
     * @param frames     see the record description
     * @param exclusions see the record description
     * @param truncated  see the record description
     */
    public TraceSummary(final long frames, final long exclusions, final boolean truncated) {
        this(frames, exclusions, truncated, 0, NONE, NONE);
    }

    /** @return whether a document was damaged or missing */
    public boolean damaged() {
        return damagedDocuments > 0;
    }

    /** @return whether every document was read intact and the end document was found */
    public boolean complete() {
        return !truncated && !damaged();
    }

    /**
     * @param trace the trace directory, for the text
     * @return one line for people saying what was not read whole, or an empty string for a complete trace
     */
    public String notice(final java.nio.file.Path trace) {
        final StringBuilder sb = new StringBuilder();
        if (damaged()) {
            sb.append("trace ").append(trace).append(": ").append(damagedDocuments).append(" damaged document")
                .append(damagedDocuments == 1 ? "" : "s").append(", the first is document ")
                .append(firstDamagedDocument)
                .append(lastFrameBeforeDamage < 0 ? " (before any frame)" : " (after frame " + lastFrameBeforeDamage
                    + ")")
                .append("; every intact frame was replayed (").append(frames).append(')');
        }
        if (truncated) {
            sb.append(sb.length() == 0 ? "trace " + trace + ": " : "; ")
                .append("truncated: no end-of-run document; replayed the ").append(frames)
                .append(" frames recorded before the run or the file stopped");
        }
        return sb.toString();
    }
}
