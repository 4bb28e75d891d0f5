package org.bftvote.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bftvote.sim.cli.BftvoteSim;
import org.bftvote.sim.cli.ExitCodes;
import org.bftvote.sim.run.RunDescriptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine;

/**
 * {@code replay --expect FILE} with expectations that cannot be checked against the trace's run (a signal or fault
 * id inside a mapping that the run lacks, a value of the wrong type) is bad input: exit 2, one line naming the file
 * and the field with the valid names, nothing written; not a failed expectation (exit 1).
 */
@Tag("TRC-2")
class ReplayExpectationMisfitTest {
    @TempDir
    Path tmp;

    private Path trace;

    private record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void record() throws Exception {
        final RunDescriptor run = LiveRun.descriptor(400);
        trace = tmp.resolve("trace");
        try (TraceRecorder recorder = TraceRecorder.open(trace, run)) {
            LiveRun.feed(run, 1L, 400, recorder);
            recorder.finish();
        }
    }

    private Result replay(final String... extra) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cli = BftvoteSim.commandLine(request -> {
            throw new AssertionError("not run");
        });
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        final String[] args = new String[4 + extra.length];
        args[0] = "replay";
        args[1] = trace.toString();
        args[2] = "--out";
        args[3] = tmp.resolve("out").toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    private Path expectations(final String yaml) throws Exception {
        return Files.writeString(tmp.resolve("expect.yaml"), yaml);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "min_availability: {pitch_rat: 0.9}"
            + "|field 'min_availability.pitch_rat': the run has no signal 'pitch_rat' (did you mean pitch_rate?)"
            + " (known: pitch_rate, altitude)",
        "expectations: {max_output_error_rms: {yaw: 1.0}}"
            + "|field 'max_output_error_rms.yaw': the run has no signal 'yaw' (known: pitch_rate, altitude)",
        "max_output_error_max: {altitude: {value: 2, unit: m}, pitch: 1}"
            + "|field 'max_output_error_max.pitch': the run has no signal 'pitch'",
        "fault_detected_within_s: {F2: 0.5}|field 'fault_detected_within_s.F2': the run has no fault 'F2'"
            + " (did you mean F1?) (known: F1)",
        "fault_detected_within: [{fault: gyro-x, time: {value: 200, unit: ms}}]"
            + "|field 'fault_detected_within_s.gyro-x': the run has no fault 'gyro-x' (known: F1)",
        "min_availability: {altitude: high}|field 'min_availability.altitude': expected a number from 0 to 1, got high",
        "min_availability: 1.5|field 'min_availability': expected a number from 0 to 1 or a mapping of signal to"
            + " number, got 1.5",
        "max_agreement_violations: {pitch_rate: 0}|field 'max_agreement_violations': expected a number from 0,"
            + " got a mapping",
        "hypothesis_exceeded: no|field 'hypothesis_exceeded': expected true or false, got no",
        "fault_detected_within_s: 0.5|field 'fault_detected_within_s': expected a mapping of fault id to seconds,"
            + " got 0.5",
    })
    void expectationsThatDoNotFitTheRunAreBadInputNotAFailedExpectation(final String yaml, final String why)
        throws Exception {
        final Path file = expectations(yaml + "\n");
        final Result r = replay("--expect", file.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err() + r.out());
        assertTrue(r.err().startsWith(file + ": " + why), r.err());
        assertTrue(r.err().endsWith("\n") && r.err().indexOf('\n') == r.err().length() - 1, "one line: " + r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written for bad input");
    }

    @Test
    void expectationsNamingTheRunsOwnSignalsAndFaultsAreChecked() throws Exception {
        final Path file = expectations("min_availability: {pitch_rate: 0.5, altitude: 0.5}\n"
            + "max_output_error_rms: {altitude: {value: 1000, unit: m}}\n"
            + "fault_detected_within: [{fault: F1, time: {value: 1, unit: s}}]\n");
        final Result r = replay("--expect", file.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("PASS min_availability.altitude"), r.out());
    }

    @Test
    void expectWithConfigIsRefusedRatherThanIgnored() throws Exception {
        final Path file = expectations("max_agreement_violations: 0\n");
        final Path config = Files.writeString(tmp.resolve("c.yaml"), "kind: channels\nsignals: {}\n");
        final Result r = replay("--expect", file.toString(), "--config", config.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err() + r.out());
        assertEquals("--expect: cannot be combined with --config (expectations are checked against the recorded"
            + " run; replay without --config to check them)\n", r.err());
    }
}
