package org.bftvote.sim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay --expect} takes a scenario's own expectations block, and refuses a name that is no expectation. */
class ExpectationsYamlTest {
    @TempDir
    Path temp;

    @Test
    void theScenarioSyntaxIsReadInCanonicalUnits() throws Exception {
        final Path file = temp.resolve("e.yaml");
        Files.writeString(file, """
            expectations:
              max_agreement_violations: 0
              fault_detected_within:
                - {fault: gyro-c-hard-over, time: {value: 60, unit: ms}}
              min_availability: 0.998
              max_output_error_rms:
                pitch_rate: {value: 0.1, unit: deg/s}
            """);
        final Map<String, Object> e = ExpectationsYaml.read(file);
        assertEquals(0, e.get("max_agreement_violations"));
        assertEquals(Map.of("gyro-c-hard-over", 0.06), e.get("fault_detected_within_s"));
        assertEquals(Map.of("pitch_rate", 0.1), e.get("max_output_error_rms"));
    }

    @Test
    void aMisspeltNameIsBadInputNamingTheClosestOne() throws Exception {
        final Path file = temp.resolve("e.yaml");
        Files.writeString(file, "max_agreement_violation: 0\n");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ExpectationsYaml.read(file));
        assertTrue(e.getMessage().contains("field 'max_agreement_violation': not an expectation (did you mean "
            + "max_agreement_violations?)"), e.getMessage());
    }

    @Test
    void invalidYamlIsOneLineNamingTheLine() throws Exception {
        final Path file = temp.resolve("e.yaml");
        Files.writeString(file, "expectations:\n  min_availability: [0.9\n");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ExpectationsYaml.read(file));
        assertEquals(file + ":3: cannot read the expectations: invalid YAML: expected ',' or ']', but got <stream end>",
            e.getMessage());
    }
}
