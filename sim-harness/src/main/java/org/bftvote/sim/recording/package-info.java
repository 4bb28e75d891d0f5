/**
 * Recordings made outside this project, read into frames: a CSV of any layout through a map
 * ({@link org.bftvote.sim.recording.RecordingMap}) and PX4 ULog files ({@link org.bftvote.sim.recording.UlogFile}),
 * aligned to frames one row at a time or at a stated rate with the latest-sample rule
 * ({@link org.bftvote.sim.recording.RecordedFrames}). Nothing here votes; bad input is reported as a
 * {@link org.bftvote.sim.recording.RecordingException} naming the file, the line or byte offset and the field.
 *
 * <p>Layer: beside {@code profile}, above {@code yaml}; imports only {@code yaml}.
 */
package org.bftvote.sim.recording;
