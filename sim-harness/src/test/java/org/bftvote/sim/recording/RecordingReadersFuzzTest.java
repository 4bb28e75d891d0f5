package org.bftvote.sim.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.bftvote.sim.yaml.ProfileException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the recording readers: a CSV recording read through a fixed map, and a PX4 ULog file,
 * starting from genuine files (the corpus in
 * {@code src/test/resources/org/bftvote/sim/recording/RecordingReadersFuzzTestInputs/}). Every file is read (up to
 * its damage, which is named) or refused with a {@link RecordingException}; any other exception is a crash.
 *
 * <p>In a plain test run each stored input runs once (regression). A fuzzing run, one method at a time:
 * {@code JAZZER_FUZZ=1 mvn -B -ntp -pl sim-harness -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest='RecordingReadersFuzzTest#csvReadsOrIsRefused' -Djazzer.max_duration=10m}.
 */
@Tag("INP-2")
class RecordingReadersFuzzTest {
    private static final String MAP = """
        kind: recording-map
        name: fuzz
        format: csv
        time: {column: t_ms, unit: ms}
        frames: rows
        signals:
          - {name: a, unit: m, channels: [a_0, a_1, a_2], valid: [h_0, h_1, h_2]}
        """;
    private static Path dir;
    private static RecordingMap map;

    @BeforeAll
    static void writeMap() throws IOException, ProfileException {
        dir = Files.createTempDirectory("bftvote-fuzz-recording");
        map = RecordingMapReader.read(Files.writeString(dir.resolve("map.yaml"), MAP));
    }

    @FuzzTest(maxDuration = "10s")
    void csvReadsOrIsRefused(final byte[] input) throws IOException {
        final Path file = Files.write(dir.resolve("rec.csv"), input);
        try {
            Recordings.read(file, map);
        } catch (final RecordingException expected) {
            // refused, naming file, line and field: the contract
        }
    }

    @FuzzTest(maxDuration = "10s")
    void ulogReadsOrIsRefused(final byte[] input) throws IOException {
        final Path file = Files.write(dir.resolve("rec.ulg"), input);
        try {
            UlogFile.read(file, Set.of("sensor_gyro", "sensor_accel", "sensor_baro"));
        } catch (final RecordingException expected) {
            // refused, naming file, offset and field: the contract
        }
    }
}
