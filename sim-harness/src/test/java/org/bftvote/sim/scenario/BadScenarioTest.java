package org.bftvote.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.ProfileFiles;
import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.yaml.ProfileException;
import org.bftvote.sim.yaml.Unit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken scenarios fail with a message naming file, line and field.
 */
@Tag("INP-1")
class BadScenarioTest {
    @TempDir
    Path dir;

    private ScenarioLoader loader;
    private Path hardOver;
    private Path quad;

    @BeforeEach
    void copyShippedScenarios() throws Exception {
        RepoFiles.copyTree(RepoFiles.scenarios(), dir);
        loader = new ScenarioLoader(ProfileCatalog.load(RepoFiles.profiles()));
        hardOver = dir.resolve("hard-over.yaml");
        quad = dir.resolve("two-faced-lane-quad.yaml");
    }

    private ProfileException fails(final Path file, final int line, final String field) {
        final ProfileException e = assertThrows(ProfileException.class, () -> loader.load(file));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(ProfileFiles.display(file) + ":" + line + ": field '" + field + "': "),
            e.getMessage());
        return e;
    }

    @Test
    void unknownPlatform() {
        final int line = RepoFiles.replace(hardOver, "platform: triplex-777-pfc", "platform: triplex");
        final ProfileException e = fails(hardOver, line, "platform");
        assertTrue(e.problem().startsWith("no platform profile 'triplex' (known: quad-fcc-afdx, triplex-777-pfc)"));
    }

    @Test
    void unknownLane() {
        final int line = RepoFiles.replace(hardOver, "target: {lane: C,", "target: {lane: X,");
        final ProfileException e = fails(hardOver, line, "faults[0].target.lane");
        assertTrue(e.problem().contains("has no lane 'X' (known: L, C, R)"), e.getMessage());
    }

    @Test
    void unknownSignal() {
        final int line = RepoFiles.replace(hardOver, "signal: pitch_rate}", "signal: yaw_rate}");
        final ProfileException e = fails(hardOver, line, "faults[0].target.signal");
        assertTrue(e.problem().contains("has no signal 'yaw_rate'"), e.getMessage());
    }

    @Test
    void everySignalNeedsATruthModel() {
        final int line = RepoFiles.lineOf(hardOver, "  pitch_rate:");
        RepoFiles.replace(hardOver, "  elevator_position: {model: step", "  elevator_pos: {model: step");
        final ProfileException e = fails(hardOver, line, "truth.elevator_position");
        assertTrue(e.problem().startsWith("missing required field"), e.getMessage());
    }

    @Test
    void truthInTheWrongUnit() {
        final int line = RepoFiles.replace(hardOver, "initial: {value: 1, unit: g}", "initial: {value: 1, unit: deg}");
        final ProfileException e = fails(hardOver, line, "truth.normal_accel.initial.unit");
        assertTrue(e.problem().startsWith(
            "unit 'deg' is not a unit of acceleration (expected one of: m/s^2, g, mg, ug)"),
            e.getMessage());
    }

    @Test
    void parameterTheModeDoesNotTake() {
        final int line = RepoFiles.replace(hardOver, "    direction: max", "    direction: max\n    spread: {value: 1, "
            + "unit: deg/s}") + 1;
        final ProfileException e = fails(hardOver, line, "faults[0].spread");
        assertTrue(e.problem().startsWith("unknown field"), e.getMessage());
    }

    @Test
    void faultAfterTheEndOfTheRun() {
        final int line = RepoFiles.replace(hardOver, "at: {value: 10, unit: s}", "at: {value: 10, unit: min}");
        final ProfileException e = fails(hardOver, line, "faults[0].at");
        assertTrue(e.problem().contains("out of range (expected 0.0 to 0.5 min)"), e.getMessage());
    }

    @Test
    void aRunTooLongToNumberItsFramesIsRefused() {
        final int line = RepoFiles.replace(hardOver, "duration: {value: 30, unit: s}",
            "duration: {value: 1e300, unit: s}");
        final ProfileException e = fails(hardOver, line, "duration");
        assertEquals("1.00e+300 s is 1.00e+302 frames at 100 Hz, more than a run can number exactly"
            + " (2^53 = 9007199254740992 frames)", e.problem());
    }

    @Test
    void expectationNamingAnUnknownFault() {
        final int line = RepoFiles.replace(quad, "{fault: lane-d-two-faced,", "{fault: lane-e,");
        final ProfileException e = fails(quad, line, "expectations.fault_detected_within[0].fault");
        assertTrue(e.problem().contains("no fault with id 'lane-e' in this scenario (known: lane-d-two-faced)"),
            e.getMessage());
    }

    @Test
    void victimMustBeAnotherLane() {
        final int line = RepoFiles.replace(quad, "victims: [A, B]", "victims: [A, D]");
        final ProfileException e = fails(quad, line, "faults[0].victims[1]");
        assertTrue(e.problem().contains("distinct lanes other than the faulty one"), e.getMessage());
    }

    @Test
    void unknownBusNetwork() throws IOException {
        final Path burst = dir.resolve("burst-loss-one-bus.yaml");
        final int line = RepoFiles.replace(burst, "network: A}", "network: C}");
        final ProfileException e = fails(burst, line, "faults[0].target.network");
        assertTrue(e.problem().contains("bus 'afdx' has no network 'C' (known: A, B)"), e.getMessage());
    }

    @Test
    void faultsOnTheOutputBusAreRefused() throws IOException {
        // The output bus is not emulated: a fault there would silently do nothing, so it is refused by name.
        final Path burst = dir.resolve("burst-loss-one-bus.yaml");
        final int line = RepoFiles.replace(burst, "target: {bus: afdx, network: A}", "target: {bus: actuator-1553}");
        final ProfileException e = fails(burst, line, "faults[0].target.bus");
        assertTrue(e.problem().contains("bus 'actuator-1553' is the platform's output bus"), e.getMessage());
    }

    @Test
    void csvTruthIsCheckedForItsColumns() throws Exception {
        Files.writeString(dir.resolve("aoa.csv"), "time_s,aoa_deg\n0,3\n10,5\n");
        final String csvTruth = "aoa: {model: csv, file: aoa.csv, time_column: time_s, time_unit: s, "
            + "value_column: aoa_deg, value_unit: deg}";
        final Path spikes = dir.resolve("intermittent-spikes.yaml");
        final String original = Files.readString(spikes);
        final String doublet = original.lines().filter(l -> l.startsWith("  aoa: {model: doublet")).findFirst()
            .orElseThrow();
        RepoFiles.replace(spikes, doublet.trim(), csvTruth);
        final Scenario scenario = loader.load(spikes);
        final TruthSpec.CsvFile csv = assertInstanceOf(TruthSpec.CsvFile.class, scenario.truthBySignal().get(2));
        assertEquals(dir.resolve("aoa.csv").toAbsolutePath().normalize(), csv.file());
        assertEquals(Unit.DEGREE, csv.valueUnit());

        final int line = RepoFiles.replace(spikes, "value_column: aoa_deg", "value_column: alpha");
        final ProfileException e = fails(spikes, line, "truth.aoa.file");
        assertTrue(e.problem().contains("has no column 'alpha'"), e.getMessage());
    }

    @Test
    void aRebootNeedsADuration() {
        final Path reboot = dir.resolve("lane-reboot-quad.yaml");
        final int line = RepoFiles.replace(reboot, "mode: reboot, duration: {value: 2, unit: s}}", "mode: reboot}");
        final ProfileException e = fails(reboot, line, "faults[0].duration");
        assertTrue(e.problem().startsWith("missing required field: a lane reboot needs a duration"), e.getMessage());
    }

    @Test
    void aStallOfNoTimeIsRefused() {
        final Path stall = dir.resolve("lane-stall-quad.yaml");
        final int line = RepoFiles.replace(stall, "duration: {value: 1, unit: s}", "duration: {value: 0, unit: s}");
        final ProfileException e = fails(stall, line, "faults[1].duration");
        assertTrue(e.problem().contains("out of range"), e.getMessage());
    }

    @Test
    void aStallTakesNoVictims() {
        final Path stall = dir.resolve("lane-stall-quad.yaml");
        final int line = RepoFiles.replace(stall, "mode: stall, duration: {value: 1, unit: s}}",
            "mode: stall, duration: {value: 1, unit: s}, victims: [A]}");
        final ProfileException e = fails(stall, line, "faults[1].victims");
        assertTrue(e.problem().startsWith("unknown field"), e.getMessage());
    }

    @Test
    void oneOffsetPerVictim() {
        final Path sts = dir.resolve("sts124-double-fault-quad.yaml");
        final int line = RepoFiles.replace(sts, "offset_fraction: [0.2, -0.2]", "offset_fraction: [0.2]");
        final ProfileException e = fails(sts, line, "faults[0].offset_fraction");
        assertTrue(e.problem().contains("expected one offset per victim (2), got 1"), e.getMessage());
    }

    @Test
    void aVictimOffsetOfZeroIsRefused() {
        final Path sts = dir.resolve("sts124-double-fault-quad.yaml");
        final int line = RepoFiles.replace(sts, "offset_fraction: [0.2, -0.2]", "offset_fraction: [0.2, 0]");
        final ProfileException e = fails(sts, line, "faults[0].offset_fraction[1]");
        assertTrue(e.problem().contains("expected an offset fraction from -100 to 100, not 0, got 0.0"),
            e.getMessage());
    }

    @Test
    void recoveryExpectationsAreCounts() {
        final Path sts = dir.resolve("sts124-double-fault-quad.yaml");
        final int line = RepoFiles.replace(sts, "max_undetected_divergence_frames: 0",
            "max_undetected_divergence_frames: -1");
        final ProfileException e = fails(sts, line, "expectations.max_undetected_divergence_frames");
        assertTrue(e.problem().contains("out of range"), e.getMessage());
    }

    @Test
    void unknownScenarioName() {
        final ProfileException e = assertThrows(ProfileException.class,
            () -> new ScenarioCatalog(dir).resolve("no-such-scenario"));
        assertTrue(e.getMessage().startsWith("no-such-scenario: no such file, nor a scenario of that name in "),
            e.getMessage());
        assertTrue(e.getMessage().contains(" (known: ") && e.getMessage().contains("hard-over"), e.getMessage());
    }
}
