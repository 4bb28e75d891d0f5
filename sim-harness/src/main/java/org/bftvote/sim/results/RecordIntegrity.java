package org.bftvote.sim.results;

/**
 * How whole the recording a summary was computed from is, for {@code summary.json}'s {@code record_integrity}: a
 * replay of a complete recording has none (its summary is then byte-identical to the live run's).
 *
 * @param truncated             whether the recording ends before its end-of-run mark (a run or a file that stopped)
 * @param damagedDocuments      documents skipped because their checksum did not match, or found missing
 * @param firstDamagedDocument  index of the first damaged document, or -1 when none
 * @param lastFrameBeforeDamage the last frame read before it, or -1 when none
 */
public record RecordIntegrity(boolean truncated, long damagedDocuments, long firstDamagedDocument,
                              long lastFrameBeforeDamage) {
    /** @return whether the recording was read whole */
    public boolean complete() {
        return !truncated && damagedDocuments == 0;
    }

    void appendTo(final JsonOut j) {
        j.name("record_integrity").beginObject()
            .name("truncated").value(truncated)
            .name("damaged_documents").value(damagedDocuments)
            .name("first_damaged_document").frameOrNull(firstDamagedDocument)
            .name("last_frame_before_damage").frameOrNull(lastFrameBeforeDamage)
            .endObject();
    }
}
