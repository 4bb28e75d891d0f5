package org.bftvote.sim.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.bftvote.sim.yaml.ProfileException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the recording readers: a CSV recording read through a fixed map, and a PX4 ULog file,
 * starting from genuine files (the corpus in
 * {@code src/test/resources/org/bftvote/sim/recording/RecordingReadersFuzzTestInputs/}). Every file is read (up to
 * its damage, which is named) or refused with a {@link RecordingException}; any other exception is a crash. The ULog
 * seed {@code sensor-topics} is cut from {@code sample_log_small.ulg}: its header, the formats of the three topics
 * read, their eight subscriptions and the first two data messages of each ({@link #theSensorTopicsSeedReads()}).
 *
 * <p>In a plain test run each stored input runs once (regression). A fuzzing run, one method at a time:
 * {@code JAZZER_FUZZ=1 mvn -B -ntp -pl sim-harness -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest='RecordingReadersFuzzTest#csvReadsOrIsRefused' -Dfuzz.seconds=600}.
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
    private static final Set<String> TOPICS = Set.of("sensor_gyro", "sensor_accel", "sensor_baro");
    private static Path dir;
    private static RecordingMap map;

    @BeforeAll
    static void writeMap() throws IOException, ProfileException {
        dir = Files.createTempDirectory("bftvote-fuzz-recording");
        map = RecordingMapReader.read(Files.writeString(dir.resolve("map.yaml"), MAP));
    }

    @Test
    void theSensorTopicsSeedReads() throws IOException, RecordingException, URISyntaxException {
        final Path seed = Path.of(RecordingReadersFuzzTest.class.getResource(
            "RecordingReadersFuzzTestInputs/ulogReadsOrIsRefused/sensor-topics").toURI());
        final UlogFile ulog = UlogFile.read(seed, TOPICS);
        assertFalse(ulog.truncated());
        assertEquals(8, ulog.datasets().size());
        ulog.datasets().forEach(d -> assertEquals(2, d.count(), d.topic() + " #" + d.multiId()));
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
            UlogFile.read(file, TOPICS);
        } catch (final RecordingException expected) {
            // refused, naming file, offset and field: the contract
        }
    }
}
