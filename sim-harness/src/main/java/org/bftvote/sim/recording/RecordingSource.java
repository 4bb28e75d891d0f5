package org.bftvote.sim.recording;

/**
 * What a reader read: the file, its format, how many records (CSV rows or ULog messages) it used, and whether the
 * file ended early or held damage that was read around.
 *
 * @param file           the file as the user named it
 * @param format         {@code csv} or {@code ulog}
 * @param records        CSV data rows or ULog messages read
 * @param truncated      whether the file ends inside a record (the last complete one was read)
 * @param note           for people: what was not read and where (empty when the file was read whole)
 * @param alignment      for people: how frames were formed (one per row, or the rate and the rule)
 */
public record RecordingSource(String file, String format, long records, boolean truncated, String note,
                              String alignment) {
}
