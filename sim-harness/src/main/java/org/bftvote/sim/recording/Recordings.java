package org.bftvote.sim.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a recording with the reader its map's format names. */
public final class Recordings {
    private Recordings() {
    }

    /**
     * @param file the recording
     * @param map  how to read it
     * @return its frames
     * @throws RecordingException if the file is malformed (file, line or byte offset, and field named)
     * @throws IOException        if it cannot be read
     */
    public static RecordedFrames read(final Path file, final RecordingMap map) throws RecordingException,
        IOException {
        if (!Files.isRegularFile(file)) {
            throw new RecordingException(file.toString(), "", "", Files.exists(file) ? "not a regular file"
                : "no such file");
        }
        return switch (map.format()) {
            case CSV -> new CsvRecordingReader(file, map).read();
            case ULOG -> new UlogRecordingReader(file, map).read();
        };
    }
}
