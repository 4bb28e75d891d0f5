package org.bftvote.sim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.InjectedFault;
import org.bftvote.sim.run.OutputStatusCode;
import org.bftvote.sim.run.RunDescriptor;
import org.junit.jupiter.api.Test;

class ExpectationCheckTest {
    /**
     * A run with two agreement violations, one false exclusion, availability 0.88 on pitch_rate, output error 0.5
     * in 10 of the 90 measured frames of pitch_rate (RMS 1/6), F1 detected after 0.05 s, F2 never, hypothesis never
     * exceeded.
     */
    private static RunMetrics metrics() {
        final RunDescriptor d = SyntheticRun.builder(100)
            .fault(new InjectedFault("F1", "lane 3 pitch_rate", "bias", 10, 3, 0))
            .fault(new InjectedFault("F2", "lane 2 altitude", "stuck", 10, 2, 1))
            .build();
        final RunMetrics m = new RunMetrics(d);
        final FrameSample s = new FrameSample(d);
        for (long f = 0; f < 100; f++) {
            SyntheticRun.nominal(s, f);
            if (f < 10) {
                for (int l = 0; l < SyntheticRun.LANES; l++) {
                    // Every sensor off by 0.5 too: wrong, yet within the healthy readings (no validity violation).
                    s.sensor(l, 0, s.sensor(l, 0) + 0.5, true, true);
                    s.output(l, 0, SyntheticRun.truth(f, 0) + 0.5, OutputStatusCode.DEGRADED.code(), 0b0111);
                }
            }
            if (f == 20 || f == 21) {
                s.output(0, 0, Double.NaN, OutputStatusCode.INVALID.code(), 0L);
            }
            if (f >= 90) {
                for (int l = 0; l < SyntheticRun.LANES; l++) {
                    s.output(l, 0, Double.NaN, OutputStatusCode.NO_MAJORITY.code(), 0L);
                }
            }
            if (f == 15) {
                for (int l = 0; l < SyntheticRun.LANES; l++) {
                    m.onExclusion(f, l, 0, 3, "miscompare");
                }
                m.onExclusion(f, 0, 1, 1, "spurious");
            }
            s.oracleFaultyChannels(0, f >= 10 ? 0b1000 : 0);
            s.oracleFaultyChannels(1, f >= 10 ? 0b0100 : 0);
            m.onFrame(s);
        }
        return m;
    }

    private static Map<String, Object> expectations(final Object... pairs) {
        final Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void everyExpectationPassesWhenTheRunMeetsIt() {
        final ExpectationReport r = ExpectationCheck.evaluate(expectations(
            "agreement_lost", true,   // out of table order: reported in table order
            "max_agreement_violations", 2,
            "max_validity_violations", 0,
            "max_false_exclusions", 1L,
            "min_availability", 0.88,
            "max_output_error_rms", Map.of("pitch_rate", 0.1667),
            "max_output_error_max", 0.5001,
            "fault_detected_within_s", Map.of("F1", 0.05),
            "hypothesis_exceeded", false), metrics());
        for (final ExpectationResult e : r.results()) {
            assertTrue(e.passed(), e.line());
        }
        assertTrue(r.passed());
        assertEquals(0, r.exitCode());
        assertEquals("max_agreement_violations", r.results().get(0).name());
        assertEquals("agreement_lost", r.results().get(r.results().size() - 1).name());
        assertEquals(List.of("min_availability.pitch_rate", "min_availability.altitude"),
            r.results().subList(3, 5).stream().map(ExpectationResult::name).toList());
        assertEquals("PASS max_agreement_violations: 2 (expected <= 2)", r.results().get(0).line());
    }

    @Test
    void eachExpectationFailsWhenTheRunMissesIt() {
        final Map<String, Object> tooStrict = expectations(
            "max_agreement_violations", 1,
            "max_validity_violations", -1,
            "max_false_exclusions", 0,
            "min_availability", Map.of("pitch_rate", 0.89),
            "max_output_error_rms", Map.of("pitch_rate", 0.1666),
            "max_output_error_max", Map.of("pitch_rate", 0.4999),
            "fault_detected_within_s", Map.of("F1", 0.04),
            "hypothesis_exceeded", true,
            "agreement_lost", false);
        final ExpectationReport r = ExpectationCheck.evaluate(tooStrict, metrics());
        assertEquals(9, r.results().size());
        for (final ExpectationResult e : r.results()) {
            assertFalse(e.passed(), e.line());
        }
        assertEquals(1, r.exitCode());
    }

    @Test
    void undetectedFaultFailsItsDeadline() {
        final ExpectationReport r = ExpectationCheck.evaluate(
            expectations("fault_detected_within_s", Map.of("F2", 100.0)), metrics());
        assertEquals(1, r.results().size());
        assertFalse(r.passed());
        assertEquals("undetected", r.results().get(0).actual());
    }

    /** A run whose signal 0 has no value in its first 5 frames (the sensor latency) and, if asked, at frame 60. */
    private static RunMetrics withStartup(final long frames, final boolean laterOutage) {
        final RunDescriptor d = SyntheticRun.builder(frames)
            .fault(new InjectedFault("LATE", "lane 3 pitch_rate", "bias", frames + 10, 3, 0))
            .build();
        final RunMetrics m = new RunMetrics(d);
        final FrameSample s = new FrameSample(d);
        for (long f = 0; f < frames; f++) {
            SyntheticRun.nominal(s, f);
            if (f < 5 || laterOutage && f == 60) {
                for (int l = 0; l < SyntheticRun.LANES; l++) {
                    s.output(l, 0, Double.NaN, OutputStatusCode.INVALID.code(), 0L);
                }
            }
            m.onFrame(s);
        }
        return m;
    }

    @Test
    void availabilityIsJudgedAfterStartUpSoAShorterRunDoesNotFailIt() {
        final Map<String, Object> full = expectations("min_availability", 1.0);
        for (final long frames : new long[] {100, 1_000}) {
            final ExpectationReport r = ExpectationCheck.evaluate(full, withStartup(frames, false));
            assertTrue(r.passed(), r.results().toString());
            assertTrue(r.results().get(0).actual().startsWith("1 from frame 5 on"), r.results().get(0).actual());
        }
        assertFalse(ExpectationCheck.evaluate(full, withStartup(100, true)).passed(), "an outage after start-up");
    }

    @Test
    void aFaultStartingAfterTheRunsEndIsNotJudged() {
        final ExpectationReport r = ExpectationCheck.evaluate(
            expectations("fault_detected_within_s", Map.of("LATE", 0.1)), withStartup(100, false));
        assertTrue(r.passed());
        assertEquals("not judged: the fault starts after the run's end", r.results().get(0).actual());
    }

    @Test
    void unknownNamesSignalsFaultsAndWrongTypesFailInsteadOfBeingIgnored() {
        final ExpectationReport r = ExpectationCheck.evaluate(expectations(
            "max_agreement_violation", 0,
            "min_availability", Map.of("yaw", 0.5),
            "fault_detected_within_s", Map.of("F9", 1.0),
            "hypothesis_exceeded", "no",
            "max_false_exclusions", Double.NaN), metrics());
        assertEquals(5, r.results().size());
        for (final ExpectationResult e : r.results()) {
            assertFalse(e.passed(), e.line());
        }
    }

    @Test
    void expectationsOfEveryKindNamingTheRunsSignalsAndFaultsFitIt() {
        final RunDescriptor run = metrics().descriptor();
        assertEquals(null, ExpectationCheck.misfit(expectations(
            "max_agreement_violations", 2, "max_validity_violations", 0L, "max_false_exclusions", 1.0,
            "min_availability", Map.of("pitch_rate", 0.5, "altitude", 1), "max_output_error_rms", 0.2,
            "max_output_error_max", Map.of("altitude", 3.0), "fault_detected_within_s", Map.of("F1", 0.05, "F2", 1),
            "hypothesis_exceeded", false, "agreement_lost", true, "max_undetected_divergence_frames", 0,
            "max_recovery_frames", 4, "recovery_within_bound", true, "max_flag_latency_frames", 1,
            "max_lane_readmissions", 0), run));
        assertEquals(null, ExpectationCheck.misfit(null, run));
        assertEquals(null, ExpectationCheck.misfit(Map.of(), run));
    }

    @Test
    void theMisfitsThatEvaluateWouldReportAsFailuresAreNamed() {
        final RunDescriptor run = metrics().descriptor();
        assertEquals("field 'max_agreement_violation': not an expectation (did you mean max_agreement_violations?)"
            + " (known: " + String.join(", ", ExpectationCheck.NAMES) + ")",
            ExpectationCheck.misfit(expectations("max_agreement_violation", 0), run));
        assertEquals("field 'min_availability.yaw': the run has no signal 'yaw' (known: pitch_rate, altitude)",
            ExpectationCheck.misfit(expectations("min_availability", Map.of("yaw", 0.5)), run));
        assertEquals("field 'fault_detected_within_s.F9': the run has no fault 'F9' (did you mean F1?)"
            + " (known: F1, F2)",
            ExpectationCheck.misfit(expectations("fault_detected_within_s", Map.of("F9", 1.0)), run));
        assertEquals("field 'max_false_exclusions': expected a number from 0, got NaN",
            ExpectationCheck.misfit(expectations("max_false_exclusions", Double.NaN), run));
        assertEquals("field 'max_validity_violations': expected a number from 0, got -1",
            ExpectationCheck.misfit(expectations("max_validity_violations", -1), run));
        assertEquals("field 'recovery_within_bound': expected true or false, got 1",
            ExpectationCheck.misfit(expectations("recovery_within_bound", 1), run));
    }

    /**
     * A run of 100 frames, recovery bound 5: healthy lanes diverge in frames 10 to 13, every one flagged DIVERGED from
     * frame 11; one unflagged divergence in frame 50; lane 3 excluded in frames 30 to 39, then readmitted.
     */
    static RunMetrics recoveryRun() {
        final RunDescriptor d = SyntheticRun.builder(100).recoveryBoundFrames(5).build();
        final RunMetrics m = new RunMetrics(d);
        final FrameSample s = new FrameSample(d);
        for (long f = 0; f < 100; f++) {
            SyntheticRun.nominal(s, f);
            if (f >= 10 && f < 14) {
                for (int l = 0; l < SyntheticRun.LANES; l++) {
                    final int status = f == 10 && l > 0 ? OutputStatusCode.NORMAL.code()
                        : OutputStatusCode.DIVERGED.code();
                    s.output(l, 0, s.output(l, 0) + (l == 0 ? 1.0 : 0.0), status, SyntheticRun.ALL);
                    s.output(l, 1, s.output(l, 1), status, SyntheticRun.ALL);
                }
            }
            if (f == 50) {
                s.output(2, 1, s.output(2, 1) + 1.0, OutputStatusCode.NORMAL.code(), SyntheticRun.ALL);
            }
            for (int l = 0; l < SyntheticRun.LANES; l++) {
                s.excludedLanes(l, f >= 30 && f < 40 ? 0b1000 : 0L);
            }
            m.onFrame(s);
        }
        return m;
    }

    @Test
    void recoveryExpectationsHoldWhenTheRunMeetsThem() {
        final ExpectationReport r = ExpectationCheck.evaluate(expectations(
            "max_undetected_divergence_frames", 1,
            "max_recovery_frames", 4,
            "recovery_within_bound", true,
            "max_flag_latency_frames", 1,
            "max_lane_readmissions", 1), recoveryRun());
        assertEquals(5, r.results().size());
        for (final ExpectationResult e : r.results()) {
            assertTrue(e.passed(), e.line());
        }
    }

    @Test
    void recoveryExpectationsFailWhenTheRunMissesThem() {
        final ExpectationReport r = ExpectationCheck.evaluate(expectations(
            "max_undetected_divergence_frames", 0,
            "max_recovery_frames", 3,
            "recovery_within_bound", false,
            "max_flag_latency_frames", 0,
            "max_lane_readmissions", 0), recoveryRun());
        assertEquals(5, r.results().size());
        for (final ExpectationResult e : r.results()) {
            assertFalse(e.passed(), e.line());
        }
    }

    @Test
    void aFlagLatencyBoundNeedsADivergenceEveryLaneFlagged() {
        // metrics(): two divergence frames (one lane INVALID), never flagged by every healthy lane.
        final ExpectationReport r = ExpectationCheck.evaluate(expectations("max_flag_latency_frames", 100),
            metrics());
        assertFalse(r.passed());
        assertEquals("no divergence flagged by every healthy lane", r.results().get(0).actual());
        assertFalse(ExpectationCheck.evaluate(expectations("max_flag_latency_frames", "soon"), recoveryRun())
            .passed());
    }

    @Test
    void noExpectationsPass() {
        assertTrue(ExpectationCheck.evaluate(null, metrics()).passed());
        assertEquals(0, ExpectationCheck.evaluate(Map.of(), metrics()).exitCode());
    }

    @Test
    void anUnmeasuredErrorFailsItsBound() {
        final RunDescriptor d = SyntheticRun.descriptor(10);
        final RunMetrics m = new RunMetrics(d);
        final FrameSample s = new FrameSample(d);
        for (long f = 0; f < 10; f++) {
            s.begin(f, f / 100.0);  // nothing valid at all
            m.onFrame(s);
        }
        final ExpectationReport r = ExpectationCheck.evaluate(expectations("max_output_error_rms", 1.0), m);
        assertFalse(r.passed());
        assertEquals("n/a", r.results().get(0).actual());
    }
}
