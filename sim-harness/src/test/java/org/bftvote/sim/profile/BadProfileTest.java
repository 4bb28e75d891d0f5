package org.bftvote.sim.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bftvote.sim.yaml.ProfileException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of broken profile fails with a message naming file, line and field, and saying what was expected.
 */
@Tag("INP-1")
class BadProfileTest {
    @TempDir
    Path dir;

    private Path afdx;
    private Path gyro;
    private Path quad;

    @BeforeEach
    void copyShippedProfiles() {
        RepoFiles.copyTree(RepoFiles.profiles(), dir);
        afdx = dir.resolve("buses/afdx.yaml");
        gyro = dir.resolve("sensors/mems-rate-gyro.yaml");
        quad = dir.resolve("platforms/quad-fcc-afdx.yaml");
    }

    /**
     * Loads the copy and returns the first problem, checking it names file, line and field, and that any further
     * problems are only platforms pointing at the broken file.
     */
    private ProfileException onlyProblem(final Path file, final int line, final String field) {
        final List<ProfileException> errors = ProfileCatalog.loadAll(dir).errors();
        final String all = errors.stream().map(Throwable::getMessage).toList().toString();
        assertTrue(!errors.isEmpty(), all);
        for (final ProfileException consequence : errors.subList(1, errors.size())) {
            assertTrue(consequence.problem().endsWith("has errors of its own (reported for its file)"), all);
        }
        final ProfileException e = errors.get(0);
        assertEquals(ProfileFiles.display(file), e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        final String prefix = ProfileFiles.display(file) + ":" + line + ": "
            + (field.isEmpty() ? "" : "field '" + field + "': ");
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        return e;
    }

    @Test
    void laneFailureModeWithoutItsParameterNamesIt() {
        final int line = RepoFiles.replace(quad, "offset_fraction: 0.05}", "offset: 0.05}");
        final ProfileException e = onlyProblem(quad, line, "lane_failure_modes[4].offset_fraction");
        assertTrue(e.problem().startsWith("missing required field"), e.getMessage());
    }

    @Test
    void laneFailureModesAreReadWithTheirParameters() throws Exception {
        final PlatformProfile platform = ProfileCatalog.load(dir).platform("quad-fcc-afdx");
        assertEquals(6, platform.laneFailureModes().size());
        final RatedLaneFailure omission = platform.laneFailureModes().get(1);
        assertEquals(LaneFailureKind.OMISSION, omission.kind());
        assertEquals(1.0e-5, omission.ratePerFlightHour());
        assertEquals(0.5, omission.probability());
        assertEquals(10.0, omission.durationSeconds());
        assertEquals(0.005, platform.laneFailureModes().get(5).delaySeconds(), 1e-12);
        assertTrue(Double.isNaN(platform.laneFailureModes().get(0).durationSeconds()), "crash lasts");
        // victims of lane A of four: B and D (odd distance after A), not C
        assertTrue(RatedLaneFailure.victim(0, 1, 4) && !RatedLaneFailure.victim(0, 2, 4)
            && RatedLaneFailure.victim(0, 3, 4) && !RatedLaneFailure.victim(0, 0, 4));
    }

    @Test
    void unknownField() {
        final int line = RepoFiles.replace(afdx, "standard: ARINC 664 part 7\n",
            "standard: ARINC 664 part 7\ncolour: red\n") + 1;
        final ProfileException e = onlyProblem(afdx, line, "colour");
        assertTrue(e.problem().startsWith("unknown field (expected one of: kind, name, standard"), e.getMessage());
    }

    @Test
    void misspeltFieldIsReportedAsMissingWithTheStrayName() {
        RepoFiles.replace(afdx, "jitter: {value: 500", "jiter: {value: 500");
        final ProfileException e = onlyProblem(afdx, RepoFiles.lineOf(afdx, "kind: bus"), "jitter");
        assertEquals("missing required field (is 'jiter' a misspelling of it?)", e.problem());
    }

    @Test
    void missingNestedField() {
        final int framingLine = RepoFiles.lineOf(afdx, "  max_payload:");
        RepoFiles.replace(afdx, "  overhead: {value: 67, unit: byte}", "");
        final ProfileException e = onlyProblem(afdx, framingLine, "framing.overhead");
        assertTrue(e.problem().startsWith("missing required field"), e.getMessage());
    }

    @Test
    void wrongUnit() {
        final int line = RepoFiles.replace(afdx, "bit_rate: {value: 100, unit: Mbit/s}",
            "bit_rate: {value: 100, unit: ms}");
        final ProfileException e = onlyProblem(afdx, line, "bit_rate.unit");
        assertTrue(e.problem().contains("unit 'ms' is not a unit of bit rate (expected one of: bit/s, kbit/s, Mbit/s)"),
            e.getMessage());
    }

    @Test
    void quantityWithoutUnit() {
        final int line = RepoFiles.replace(afdx, "bit_rate: {value: 100, unit: Mbit/s}", "bit_rate: 100");
        final ProfileException e = onlyProblem(afdx, line, "bit_rate");
        assertTrue(e.problem().contains("{value: <number>, unit: <one of bit/s, kbit/s, Mbit/s>}"), e.getMessage());
    }

    @Test
    void wrongType() {
        final int line = RepoFiles.replace(afdx, "bits: 8", "bits: eight");
        final ProfileException e = onlyProblem(afdx, line, "redundancy.sequence_numbers.bits");
        assertTrue(e.problem().contains("expected a whole number, got text 'eight'"), e.getMessage());
    }

    @Test
    void negativeFailureRate() {
        final int line = RepoFiles.replace(gyro, "{mode: stuck, rate: {value: 3.0e-6",
            "{mode: stuck, rate: {value: -3.0e-6");
        final ProfileException e = onlyProblem(gyro, line, "failure_modes[0].rate");
        assertTrue(e.problem().contains("out of range"), e.getMessage());
    }

    @Test
    void probabilityAboveOne() {
        final int line = RepoFiles.replace(afdx, "probability: 1.0e-6", "probability: 1.5");
        final ProfileException e = onlyProblem(afdx, line, "loss.probability");
        assertTrue(e.problem().contains("value 1.5 is out of range (expected 0.0 to 1.0)"), e.getMessage());
    }

    @Test
    void minimumAboveMaximum() {
        RepoFiles.replace(afdx, "latency_min: {value: 50, unit: us}", "latency_min: {value: 5, unit: ms}");
        final ProfileException e = onlyProblem(afdx, RepoFiles.lineOf(afdx, "latency_max:"), "latency_max");
        assertTrue(e.problem().contains("expected latency_min <= latency_max"), e.getMessage());
    }

    @Test
    void unknownEnumValue() {
        final int line = RepoFiles.replace(afdx, "management: first_valid_wins", "management: best_effort");
        final ProfileException e = onlyProblem(afdx, line, "redundancy.management");
        assertTrue(e.problem().contains("'best_effort' is not allowed (expected one of: none, first_valid_wins"),
            e.getMessage());
    }

    @Test
    void brokenBusReference() {
        final int line = RepoFiles.replace(quad, "{name: afdx, profile: afdx,", "{name: afdx, profile: afdx-x,");
        final ProfileException e = onlyProblem(quad, line, "buses[0].profile");
        assertTrue(e.problem().startsWith("no bus profile 'afdx-x' (known: afdx, arinc429-high-speed"),
            e.getMessage());
    }

    @Test
    void brokenSensorReference() {
        final int line = RepoFiles.replace(quad, "{A: fog-rate-gyro,", "{A: laser-gyro,");
        final ProfileException e = onlyProblem(quad, line, "signals[0].sensors.A");
        assertTrue(e.problem().startsWith("no sensor profile 'laser-gyro' (known: aoa-vane"), e.getMessage());
    }

    @Test
    void sensorOfTheWrongQuantity() {
        final int line = RepoFiles.replace(quad, "{A: fog-rate-gyro,", "{A: aoa-vane,");
        final ProfileException e = onlyProblem(quad, line, "signals[0].sensors.A");
        assertTrue(e.problem().contains("measures angle, the signal is angular rate"), e.getMessage());
    }

    @Test
    void agreementBeyondTheLaneCount() {
        final int line = RepoFiles.replace(quad, "  m: 1 ", "  m: 2 ");
        final ProfileException e = onlyProblem(quad, line, "agreement.m");
        assertTrue(e.problem().contains("OM(2) needs n >= 3m+1 = 7 lanes, the platform has 4"), e.getMessage());
    }

    @Test
    void laneReadmissionWithAnUnknownPolicy() {
        final int line = RepoFiles.replace(quad, "{policy: after_clean_frames, clean_frames: 80, max_times: 3}",
            "{policy: sometimes}");
        final ProfileException e = onlyProblem(quad, line, "agreement.lane_readmission.policy");
        assertTrue(e.problem().contains("never, after_clean_frames"), e.getMessage());
    }

    @Test
    void laneReadmissionNeedsItsCounts() {
        final int line = RepoFiles.replace(quad, "clean_frames: 80, max_times: 3}", "clean_frames: 80}");
        final ProfileException e = onlyProblem(quad, line, "agreement.lane_readmission.max_times");
        assertTrue(e.problem().startsWith("missing required field"), e.getMessage());
    }

    @Test
    void laneReadmissionCountsAreBounded() {
        final int line = RepoFiles.replace(quad, "clean_frames: 80,", "clean_frames: 0,");
        final ProfileException e = onlyProblem(quad, line, "agreement.lane_readmission.clean_frames");
        assertTrue(e.problem().contains("out of range"), e.getMessage());
    }

    @Test
    void neverTakesNoCounts() {
        final int line = RepoFiles.replace(quad, "{policy: after_clean_frames, clean_frames: 80, max_times: 3}",
            "{policy: never, clean_frames: 80}");
        final ProfileException e = onlyProblem(quad, line, "agreement.lane_readmission.clean_frames");
        assertTrue(e.problem().startsWith("unknown field"), e.getMessage());
    }

    @Test
    void malformedYaml() {
        final int line = RepoFiles.replace(afdx, "bit_rate: {value: 100, unit: Mbit/s}",
            "bit_rate: {value: 100, unit: Mbit/s");
        final ProfileException e = onlyProblem(afdx, line + 1, "");
        assertTrue(e.problem().startsWith("invalid YAML: "), e.getMessage());
    }

    @Test
    void duplicateField() {
        final int line = RepoFiles.replace(afdx, "standard: ARINC 664 part 7\n",
            "standard: ARINC 664 part 7\nstandard: again\n") + 1;
        final ProfileException e = onlyProblem(afdx, line, "");
        assertTrue(e.problem().contains("field 'standard' appears twice"), e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        Files.writeString(afdx, "# nothing here\n");
        final ProfileException e = onlyProblem(afdx, 1, "");
        assertTrue(e.problem().startsWith("empty document"), e.getMessage());
    }

    @Test
    void nameMustMatchTheFileName() {
        final int line = RepoFiles.replace(afdx, "name: afdx", "name: afdx2");
        final ProfileException e = onlyProblem(afdx, line, "name");
        assertTrue(e.problem().contains("expected 'afdx' (the file name without .yaml)"), e.getMessage());
    }

    @Test
    void kindMustMatchTheDirectory() {
        final int line = RepoFiles.replace(afdx, "kind: bus", "kind: sensor");
        final ProfileException e = onlyProblem(afdx, line, "kind");
        assertTrue(e.problem().contains("expected 'bus' here, got 'sensor'"), e.getMessage());
    }

    @Test
    void noiseGivenTwiceIsRejected() {
        final int line = RepoFiles.lineOf(gyro, "kind: sensor");
        RepoFiles.replace(gyro, "bias: {value: 0.05", "noise_rms: {value: 0.1, unit: deg/s}\nbias: {value: 0.05");
        final ProfileException e = onlyProblem(gyro, line, "noise_rms");
        assertTrue(e.problem().contains("exactly one of noise_rms and noise_density"), e.getMessage());
    }

    @Test
    void failureModeParameterNotTakenByTheModeIsUnknown() {
        final int line = RepoFiles.replace(gyro, "{mode: stuck, rate: {value: 3.0e-6, unit: per_flight_hour}}",
            "{mode: stuck, rate: {value: 3.0e-6, unit: per_flight_hour}, amplitude: {value: 1, unit: deg/s}}");
        final ProfileException e = onlyProblem(gyro, line, "failure_modes[0].amplitude");
        assertTrue(e.problem().startsWith("unknown field"), e.getMessage());
    }

    @Test
    void loadFailsOnTheFirstProblem() {
        RepoFiles.replace(afdx, "probability: 1.0e-6", "probability: 2");
        try {
            ProfileCatalog.load(dir);
        } catch (final ProfileException e) {
            assertEquals("loss.probability", e.field());
            return;
        }
        throw new AssertionError("expected a ProfileException");
    }

    @Test
    void missingDirectory() {
        final List<ProfileException> errors = ProfileCatalog.loadAll(dir.resolve("nowhere")).errors();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).getMessage().contains("profiles directory not found"));
    }
}
