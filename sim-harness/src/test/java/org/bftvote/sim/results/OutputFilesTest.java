package org.bftvote.sim.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.RunDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    private static final Map<String, Object> EXPECT = Map.of(
        "max_false_exclusions", 0,
        "fault_detected_within_s", Map.of("F1", 0.2, "F2", 5.0));

    /** Runs the faulty synthetic run into dir: CSV and summary JSON. */
    private static void runInto(final Path dir, final long seed) throws IOException {
        final RunDescriptor d = SyntheticRun.faultyDescriptor();
        final RunMetrics metrics = new RunMetrics(d);
        try (FrameCsvWriter csv = FrameCsvWriter.open(d, dir.resolve("frames.csv"))) {
            SyntheticRun.feedFaulty(d, seed, metrics, csv);
        }
        SummaryJsonWriter.write(dir.resolve("summary.json"), metrics, ExpectationCheck.evaluate(EXPECT, metrics),
            List.of("frames.csv"));
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot(@TempDir final Path tmp) throws IOException {
        final Path a = Files.createDirectory(tmp.resolve("a"));
        final Path b = Files.createDirectory(tmp.resolve("b"));
        final Path c = Files.createDirectory(tmp.resolve("c"));
        runInto(a, 7);
        runInto(b, 7);
        runInto(c, 8);
        for (final String name : List.of("frames.csv", "summary.json")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("frames.csv")),
            Files.readAllBytes(c.resolve("frames.csv"))), "a different seed must change the frames");
    }

    @Test
    void csvParsesBackToTheFramesValues(@TempDir final Path tmp) throws IOException {
        runInto(tmp, 7);
        final RunDescriptor d = SyntheticRun.faultyDescriptor();
        final List<String> lines = Files.readAllLines(tmp.resolve("frames.csv"), StandardCharsets.UTF_8);
        assertEquals(1 + d.durationFrames(), lines.size());
        final List<String> header = List.of(lines.get(0).split(",", -1));
        assertEquals(FrameCsvWriter.header(d), header);
        assertEquals(2 + 2 * (1 + 5 * 4 + 1) + 4 + 2 + 2, header.size());
        for (final String line : lines.subList(1, lines.size())) {
            assertEquals(header.size(), line.split(",", -1).length, line);
        }
        // Frame 1000: lane 0 has excluded F1 (channel 3) and runs degraded on pitch_rate.
        final String[] row = lines.get(1 + 1000).split(",", -1);
        assertEquals("1000", row[header.indexOf("frame")]);
        assertEquals(10.0, Double.parseDouble(row[header.indexOf("t")]));
        assertEquals(SyntheticRun.truth(1000, 0), Double.parseDouble(row[header.indexOf("pitch_rate.truth")]));
        assertEquals("DEGRADED", row[header.indexOf("pitch_rate.status.L0")]);
        assertEquals("HHH-", row[header.indexOf("pitch_rate.health.L0")]);
        assertEquals("---F", row[header.indexOf("pitch_rate.oracle_faulty")]);
        assertEquals("vf", row[header.indexOf("altitude.sensor_flags.L2")]);
        assertEquals("HHHH", row[header.indexOf("oracle_healthy_lanes")]);
        assertEquals("48", row[header.indexOf("msg.delivered")]);
        final double out = Double.parseDouble(row[header.indexOf("pitch_rate.out.L0")]);
        assertTrue(Math.abs(out - SyntheticRun.truth(1000, 0)) < 2.0, "voted value near truth: " + out);
    }

    @Test
    void csvRowsCarryExactDoublesAndQuoteOddNames() {
        final RunDescriptor d = RunDescriptor.builder().scenario("s").platform("p").frameRateHz(50).lanes(1)
            .signal("a,b", "").durationFrames(1).build();
        final StringWriter text = new StringWriter();
        final FrameCsvWriter csv = new FrameCsvWriter(d, text);
        final FrameSample s = new FrameSample(d);
        s.begin(3, 0.06);
        s.truth(0, 0.1 + 0.2);
        s.output(0, 0, Double.MIN_VALUE, 7, 1L);
        csv.onFrame(s);
        final String[] lines = text.toString().split("\n");
        assertTrue(lines[0].startsWith("frame,t,\"a,b.truth\","), lines[0]);
        assertEquals("3,0.06,0.30000000000000004,NaN,--,4.9E-324,INVALID,H,-,-,H,0", lines[1]);
    }

    @Test
    void summaryIsValidJsonMatchingItsSchema(@TempDir final Path tmp) throws IOException {
        runInto(tmp, 7);
        final String text = Files.readString(tmp.resolve("summary.json"), StandardCharsets.UTF_8);
        final Map<?, ?> summary = (Map<?, ?>) Json.parse(text);
        final Map<?, ?> schema;
        try (InputStream in = OutputFilesTest.class.getResourceAsStream("/schema/summary.schema.json")) {
            schema = (Map<?, ?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of(), SchemaCheck.problems(summary, schema));
        // Keys in the schema's documented order (record_integrity only in a replay of a recording not read whole,
        // rig only in a rig session).
        final List<Object> keys = new java.util.ArrayList<>(((Map<?, ?>) schema.get("properties")).keySet());
        keys.remove("record_integrity");
        keys.remove("rig");
        assertEquals(keys, List.copyOf(summary.keySet()));
        final List<?> faults = (List<?>) summary.get("faults");
        final Map<?, ?> f1 = (Map<?, ?>) faults.get(0);
        assertEquals("detected", f1.get("status"));
        assertEquals(18L, f1.get("latency_frames"));
        assertEquals(0.18, f1.get("latency_s"));
        assertEquals(List.of("F2"), summary.get("undetected_faults"));
        assertEquals(Boolean.FALSE, ((Map<?, ?>) summary.get("expectations")).get("passed"));
        assertFalse(text.contains("\r"));
    }

    @Test
    void schemaCheckAndParserRejectWhatTheyShould() throws IOException {
        final Map<?, ?> schema;
        try (InputStream in = OutputFilesTest.class.getResourceAsStream("/schema/summary.schema.json")) {
            schema = (Map<?, ?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertNotEquals(List.of(), SchemaCheck.problems(Json.parse("{\"schema_version\": 1}"), schema));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1,}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": NaN}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] x"));
    }

    @Test
    void jsonEscapesAndNullsNonFiniteNumbers() {
        final String text = new JsonOut().beginObject().name("s").value("a\"b\\c\n\u0001").name("x")
            .value(Double.NaN).name("e").beginArray().endArray().endObject().toString();
        final Map<?, ?> parsed = (Map<?, ?>) Json.parse(text);
        assertEquals("a\"b\\c\n\u0001", parsed.get("s"));
        assertEquals(Json.NULL, parsed.get("x"));
        assertEquals(List.of(), parsed.get("e"));
    }
}
