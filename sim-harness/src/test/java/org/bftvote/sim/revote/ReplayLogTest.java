package org.bftvote.sim.revote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bftvote.sim.cli.BftvoteSim;
import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.recording.RecordedFrames;
import org.bftvote.sim.recording.RecordingMap;
import org.bftvote.sim.recording.RecordingMapReader;
import org.bftvote.sim.recording.Recordings;
import org.bftvote.sim.results.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code replay-log} on the real CubeOrange recordings with their shipped maps gives the documented decisions
 * (magnetometer 1 excluded on Z at the tenth row for a miscompare, nothing else excluded; no barometer and no IMU
 * axis ever excluded); what-if and sweeps agree with single replays; a ULog recording replays end to end.
 */
class ReplayLogTest {
    private static final Path LOGS = RepoFiles.root().resolve("src/test/resources/real-logs");
    private static final Path MAPS = RepoFiles.root().resolve("sim-harness/recordings");
    private static final Path MAG = LOGS.resolve("carbonix_cubeorange_MAG_3x10Hz.csv");

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result cli(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cli = BftvoteSim.commandLine(request -> {
            throw new AssertionError("not run");
        });
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    /** @return the summary, checked against {@code schema/recording-summary.schema.json} */
    private static Map<?, ?> summary(final Path dir) throws Exception {
        final Map<?, ?> summary = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("summary.json")));
        final Map<?, ?> schema;
        try (java.io.InputStream in =
                 ReplayLogTest.class.getResourceAsStream("/schema/recording-summary.schema.json")) {
            schema = (Map<?, ?>) Json.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(List.of(), org.bftvote.sim.results.SchemaCheck.problems(summary, schema), dir.toString());
        assertEquals(List.copyOf(((Map<?, ?>) schema.get("properties")).keySet()), List.copyOf(summary.keySet()));
        return summary;
    }

    private static Map<?, ?> signal(final Map<?, ?> summary, final String name) {
        return ((List<?>) summary.get("signals")).stream().map(s -> (Map<?, ?>) s)
            .filter(s -> name.equals(s.get("name"))).findFirst().orElseThrow();
    }

    @Test
    void theMagnetometerRecordingExcludesInstanceOneOnZAtTheTenthRow() throws Exception {
        final Path out = tmp.resolve("mag");
        final Result r = cli("replay-log", MAG.toString(), "--map", MAPS.resolve("ardupilot-cubeorange-mag.map.yaml")
            .toString(), "--out", out.toString(), "--compare", "px4");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        final Map<?, ?> s = summary(out);
        assertEquals(List.of(), signal(s, "mag_x").get("exclusions"));
        assertEquals(List.of(), signal(s, "mag_y").get("exclusions"));
        assertEquals(List.of(Map.of("channel", 1L, "frame", 9L, "t_s", 0.8, "reason", "MISCOMPARE")),
            signal(s, "mag_z").get("exclusions"));
        final Map<?, ?> fault = (Map<?, ?>) ((List<?>) signal(s, "mag_z").get("known_faults")).get(0);
        assertEquals(0.8, fault.get("latency_s"));
        assertEquals(0L, signal(s, "mag_z").get("false_exclusions"));
        assertEquals(2179L, ((Map<?, ?>) s.get("frames")).get("count"));
        final String events = Files.readString(out.resolve("events.csv"));
        assertTrue(events.contains("\n0.8,9,mag_z,1,failed,MISCOMPARE,-40.0,-440.0,300.0,-100.0\n"), events);
        assertTrue(r.out().contains("channel 1 excluded at 0.800 s (frame 9): MISCOMPARE"), r.out());
        for (final String f : List.of("frames.csv", "events.csv", "signal-mag_z.png", "health-mag_z.png",
            "summary.json", "provenance.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(out.resolve("frames.csv")).startsWith("frame,t_s,mag_x.C0,mag_x.flags.C0,"));
    }

    @Test
    void noBarometerAndNoImuAxisIsEverExcluded() throws Exception {
        final Path baro = tmp.resolve("baro");
        assertEquals(0, cli("replay-log", LOGS.resolve("carbonix_cubeorange_BARO_3x10Hz.csv").toString(), "--map",
            MAPS.resolve("ardupilot-cubeorange-baro.map.yaml").toString(), "--out", baro.toString()).code());
        assertEquals(List.of(), signal(summary(baro), "baro_pressure").get("exclusions"));
        final Path imu = tmp.resolve("imu");
        final Result r = cli("replay-log", LOGS.resolve("carbonix_cubeorange_IMU_3x400Hz_excerpt.csv.gz").toString(),
            "--map", MAPS.resolve("ardupilot-cubeorange-imu.map.yaml").toString(), "--out", imu.toString());
        assertEquals(0, r.code(), r.err());
        final Map<?, ?> s = summary(imu);
        assertEquals(36_000L, ((Map<?, ?>) s.get("frames")).get("count"));
        for (final String axis : List.of("gyro_x", "gyro_y", "gyro_z", "accel_x", "accel_y", "accel_z")) {
            assertEquals(List.of(), signal(s, axis).get("exclusions"), axis);
            assertEquals(36_000L, ((Map<?, ?>) signal(s, axis).get("status_frames")).get("NORMAL"), axis);
        }
    }

    @Test
    void aLowerThresholdWronglyExcludesTheHealthyMagnetometerTwoAt64Seconds() throws Exception {
        final Path lower = Files.writeString(tmp.resolve("mag150.yaml"),
            "kind: channels\nsignals:\n  \"mag_*\": {miscompare_threshold: 150}\n");
        final Path out = tmp.resolve("whatif");
        final Result r = cli("replay-log", MAG.toString(), "--map", MAPS.resolve("ardupilot-cubeorange-mag.map.yaml")
            .toString(), "--config", lower.toString(), "--against",
            MAPS.resolve("ardupilot-cubeorange.channels.yaml").toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("first frame that differs: 645 (64.639 s, signal mag_y)"), r.out());
        assertTrue(r.out().contains("mag_y: channel 2 excluded: never -> at 64.639 s (frame 645, MISCOMPARE)"),
            r.out());
        assertTrue(Files.readString(out.resolve("diff.csv")).contains("mag_y,false exclusions,0,1\n"));
        assertTrue(Files.size(out.resolve("overlay-mag_y.png")) > 0);
        // What-if equals a fresh replay with that configuration over the map's
        final Path fresh = tmp.resolve("fresh");
        cli("replay-log", MAG.toString(), "--map", MAPS.resolve("ardupilot-cubeorange-mag.map.yaml").toString(),
            "--config", lower.toString(), "--out", fresh.toString());
        assertArrayEquals(Files.readAllBytes(fresh.resolve("frames.csv")),
            Files.readAllBytes(out.resolve("frames.csv")));
        assertArrayEquals(Files.readAllBytes(fresh.resolve("events.csv")),
            Files.readAllBytes(out.resolve("events.csv")));
    }

    @Test
    void sweepRowsEqualSingleReplaysWhateverTheThreadCount() throws Exception {
        final RecordingMap map = RecordingMapReader.read(MAPS.resolve("ardupilot-cubeorange-mag.map.yaml"));
        final RecordedFrames rec = Recordings.read(MAG, map);
        final ChannelsConfig base = ChannelsConfig.read(Path.of(map.config()));
        final SweepSpec spec = SweepSpec.parse("threshold=100:400:50,persistence=5,10,20");
        final List<Sweep.Row> one = Sweep.run(rec, base, spec, map.knownFaults(), 1);
        final List<Sweep.Row> two = Sweep.run(rec, base, spec, map.knownFaults(), 2);
        assertEquals(21, one.size());
        for (int p = 0; p < one.size(); p++) {
            assertEquals(Sweep.line(one.get(p)), Sweep.line(two.get(p)), "point " + p);
            final RevoteRun single = RecordingRevote.run(rec, RecordingRevote.configs(rec,
                spec.configuration(base, p)), map.knownFaults(), false);
            assertEquals(Sweep.line(Sweep.row(spec, p, single)), Sweep.line(one.get(p)), "point " + p);
        }
        // threshold 150, persistence 10 (point 1 * 3 + 1): the false exclusion of magnetometer 2 on Y
        assertTrue(Sweep.line(one.get(4)).startsWith("4,150.0,10.0,1,1,0.8,1,"), Sweep.line(one.get(4)));
        final Path out = tmp.resolve("sweep");
        final Result r = cli("replay-log", MAG.toString(), "--map", MAPS.resolve("ardupilot-cubeorange-mag.map.yaml")
            .toString(), "--sweep", "threshold=100:400:50,persistence=5,10,20", "--threads", "2", "--out",
            out.toString());
        assertEquals(0, r.code(), r.err());
        final List<String> table = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(22, table.size());
        assertEquals(Sweep.line(one.get(4)).trim(), table.get(5));
        assertTrue(Files.size(out.resolve("sweep.png")) > 0);
    }

    @Test
    void aUlogRecordingReplaysEndToEnd() throws Exception {
        final Path out = tmp.resolve("ulog");
        final Result r = cli("replay-log", RepoFiles.root().resolve("sim-harness/src/test/resources/ulog/"
            + "sample_log_small.ulg").toString(), "--map", MAPS.resolve("px4-sensors.map.yaml").toString(), "--out",
            out.toString(), "--compare", "px4");
        assertEquals(0, r.code(), r.err());
        final Map<?, ?> s = summary(out);
        assertEquals("ulog", ((Map<?, ?>) s.get("recording")).get("format"));
        assertEquals(3L, signal(s, "sensor_accel.x").get("channels"));
        assertEquals(2L, signal(s, "sensor_mag.x").get("channels"));
        assertTrue(((Map<?, ?>) s.get("frames")).get("count") instanceof Long n && n > 5, s.toString());
    }

    @Test
    void badInputIsOneLineWithExitCodeTwo() throws Exception {
        final Path map = MAPS.resolve("ardupilot-cubeorange-mag.map.yaml");
        final Path csv = Files.writeString(tmp.resolve("bad.csv"),
            Files.readString(MAG).replaceFirst("\n1664493923402,",
            "\n1664493923402x,"));
        final Result bad = cli("replay-log", csv.toString(), "--map", map.toString(), "--out", tmp.resolve("o1")
            .toString());
        assertEquals(2, bad.code());
        assertEquals(csv + ": line 3, column 1: field 't_ms': '1664493923402x' is not a number\n", bad.err());
        final Path config = Files.writeString(tmp.resolve("c.yaml"), "kind: channels\nsignals:\n  mag_x: {voter: "
            + "average}\n");
        final Result badConfig = cli("replay-log", MAG.toString(), "--map", map.toString(), "--config",
            config.toString(), "--out", tmp.resolve("o2").toString());
        assertEquals(2, badConfig.code());
        assertTrue(badConfig.err().startsWith(config + ":3: field 'signals.mag_x.voter': 'average' is not a voter"),
            badConfig.err());
        final Result sweep = cli("replay-log", MAG.toString(), "--map", map.toString(), "--sweep", "gain=1,2",
            "--out", tmp.resolve("o3").toString());
        assertEquals(2, sweep.code());
        assertTrue(sweep.err().startsWith("--sweep: unknown parameter 'gain'"), sweep.err());
        assertFalse(bad.err().contains("Exception") || badConfig.err().contains("Exception"));
    }
}
