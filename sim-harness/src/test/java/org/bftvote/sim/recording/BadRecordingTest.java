package org.bftvote.sim.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.bftvote.sim.yaml.ProfileException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed CSV or map is named by file, line (and column) and field; a cut file is read to its last row. */
@Tag("INP-2")
class BadRecordingTest {
    private static final String MAP = """
        kind: recording-map
        name: test
        format: csv
        time: {column: t_ms, unit: ms}
        frames: rows
        signals:
          - {name: a, unit: m, channels: [a_0, a_1, a_2], valid: [h_0, h_1, h_2]}
        """;

    @TempDir
    Path tmp;

    private RecordingMap map(final String text) throws Exception {
        return RecordingMapReader.read(Files.writeString(tmp.resolve("map.yaml"), text));
    }

    private Path csv(final String text) throws Exception {
        return Files.writeString(tmp.resolve("rec.csv"), text);
    }

    private RecordingException fails(final String csv) throws Exception {
        final RecordingMap m = map(MAP);
        final Path file = csv(csv);
        return assertThrows(RecordingException.class, () -> Recordings.read(file, m));
    }

    @Test
    void aGoodFileReadsEveryRowAsAFrame() throws Exception {
        final RecordedFrames f = Recordings.read(csv("t_ms,a_0,a_1,a_2,h_0,h_1,h_2\n100,1,2,3,1,1,0\n"
            + "200,1.5,2.5,3.5,1,1,1\n"), map(MAP));
        assertEquals(2, f.frames());
        assertEquals(0.1, f.timeS(1), 1e-12);
        assertEquals(0b011, f.validMask(0, 0));
        assertEquals(0b111, f.freshMask(0, 1));
        assertEquals(2.5, f.values(0)[4]);
        assertTrue(f.source().note().isEmpty());
    }

    @Test
    void aCellThatIsNotANumberNamesLineColumnAndField() throws Exception {
        final RecordingException e = fails("t_ms,a_0,a_1,a_2,h_0,h_1,h_2\n100,1,2,3,1,1,1\n200,1,x2,3,1,1,1\n");
        assertEquals(tmp.resolve("rec.csv") + ": line 3, column 3: field 'a_1': 'x2' is not a number",
            e.getMessage());
    }

    @Test
    void aMissingColumnTooFewFieldsAndTimeGoingBackAreNamed() throws Exception {
        assertTrue(fails("t_ms,a_0,a_1,h_0,h_1,h_2\n").getMessage().startsWith(tmp.resolve("rec.csv")
            + ": line 1: field 'a_2': no such column in the header (it has t_ms, a_0, a_1, h_0, h_1, h_2)"));
        assertEquals(tmp.resolve("rec.csv") + ": line 3: 4 fields, expected 7 as in the header",
            fails("t_ms,a_0,a_1,a_2,h_0,h_1,h_2\n100,1,2,3,1,1,1\n200,1,2,3\n300,1,2,3,1,1,1\n").getMessage());
        assertTrue(fails("t_ms,a_0,a_1,a_2,h_0,h_1,h_2\n200,1,2,3,1,1,1\n100,1,2,3,1,1,1\n").getMessage()
            .startsWith(tmp.resolve("rec.csv") + ": line 3: field 't_ms': time 100 goes backwards"));
    }

    @Test
    void aFileCutInsideARowIsReadToItsLastCompleteRow() throws Exception {
        final RecordedFrames f = Recordings.read(csv("t_ms,a_0,a_1,a_2,h_0,h_1,h_2\n100,1,2,3,1,1,1\n"
            + "200,1,2,3,1,1,1\n300,1,2"), map(MAP));
        assertEquals(2, f.frames());
        assertTrue(f.source().truncated());
        assertEquals("the file ends inside line 4; read up to line 3", f.source().note());
    }

    @Test
    void aCompressedFileCutShortIsReadToItsLastCompleteRow() throws Exception {
        final StringBuilder text = new StringBuilder("t_ms,a_0,a_1,a_2,h_0,h_1,h_2\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(",1.25,").append(i % 7).append(",3,1,1,1\n");
        }
        final Path whole = tmp.resolve("rec.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            out.write(text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        final byte[] bytes = Files.readAllBytes(whole);
        final Path cut = Files.write(tmp.resolve("cut.csv.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        final RecordedFrames f = Recordings.read(cut, map(MAP));
        assertTrue(f.source().truncated(), f.source().note());
        assertTrue(f.frames() > 1000 && f.frames() < 20_000, "frames " + f.frames());
        assertEquals(f.frames() - 1, (int) Math.round(f.timeS(f.frames() - 1) * 1000));
    }

    @Test
    void aMalformedMapNamesFileLineAndField() throws Exception {
        final ProfileException unknown = assertThrows(ProfileException.class,
            () -> map(MAP.replace("frames: rows", "frames: rows\ncolour: blue")));
        assertTrue(unknown.getMessage().startsWith(tmp.resolve("map.yaml") + ":6: field 'colour': unknown field"),
            unknown.getMessage());
        final ProfileException valid = assertThrows(ProfileException.class,
            () -> map(MAP.replace("valid: [h_0, h_1, h_2]", "valid: [h_0, h_1]")));
        assertEquals(tmp.resolve("map.yaml") + ":7: field 'signals[0].valid': expected one column per channel (3), "
            + "got 2", valid.getMessage());
        final ProfileException unit = assertThrows(ProfileException.class,
            () -> map(MAP.replace("unit: ms}", "unit: parsec}")));
        assertTrue(unit.getMessage().startsWith(tmp.resolve("map.yaml") + ":4: field 'time.unit'"),
            unit.getMessage());
    }

    @Test
    void rateAlignmentTakesTheLatestSampleAndCallsTheRestStale() throws Exception {
        final String rate = MAP.replace("frames: rows", "frames: {rate: {value: 10, unit: Hz}}");
        // channel 0 every 50 ms, channel 1 every 150 ms, channel 2 only once (empty cells are no sample)
        final RecordedFrames f = Recordings.read(csv("t_ms,a_0,a_1,a_2,h_0,h_1,h_2\n0,0,10,20,1,1,1\n50,1,,,1,1,1\n"
            + "100,2,,,1,1,1\n150,3,11,,1,1,1\n200,4,,,1,1,1\n"), map(rate));
        assertEquals(3, f.frames());
        assertEquals(2.0, f.values(0)[3]);              // frame 1 (0.1 s): channel 0's sample at 100 ms
        assertEquals(10.0, f.values(0)[4]);             // channel 1: still its sample at 0 ms, not interpolated
        assertEquals(0b001, f.freshMask(0, 1));
        assertEquals(0.1, f.ageS(0, 1, 1), 1e-12);
        assertEquals(11.0, f.values(0)[7]);             // frame 2 (0.2 s): channel 1's sample at 150 ms
        assertEquals(0b011, f.freshMask(0, 2));
        assertEquals(0.2, f.ageS(0, 2, 2), 1e-12);      // channel 2 never again: stale, its age grows
    }
}
