package org.bftvote.sim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.bftvote.sim.run.RunDescriptor;
import org.junit.jupiter.api.Test;

class HumanSummaryTest {
    @Test
    void namesTheRunTheFiguresTheFaultsAndTheVerdict() {
        final RunDescriptor d = SyntheticRun.faultyDescriptor();
        final RunMetrics metrics = new RunMetrics(d);
        SyntheticRun.feedFaulty(d, 7, metrics);
        final ExpectationReport expectations = ExpectationCheck.evaluate(
            Map.of("fault_detected_within_s", Map.of("F1", 0.2)), metrics);
        final String text = HumanSummary.text(metrics, expectations, List.of("out/summary.json", "out/frames.csv"));
        for (final String part : List.of("scenario synthetic on test-quad, seed 42, 2000/2000 frames at 100 Hz (20 s)",
            "fault hypothesis: n=4 m=1: one asymmetric fault - held", "false exclusions: 0",
            "pitch_rate: error RMS", "availability 100 %", "fault F1 bias +4 deg/s on lane 3 pitch_rate at 5 s: "
                + "detected after 0.18 s (18 frames)", "fault F2 stuck on lane 2 altitude at 12 s: UNDETECTED",
            "expectations: PASSED", "PASS fault_detected_within_s.F1: 0.18 s (expected <= 0.2 s)",
            "recovery: divergence ", " unflagged; longest recovery ", "files: out/summary.json, out/frames.csv")) {
            assertTrue(text.contains(part), "missing '" + part + "' in\n" + text);
        }
    }

    @Test
    void theRecoveryLineSaysHowMuchDivergedHowMuchWentUnflaggedAndHowLongItTook() {
        assertEquals("recovery: divergence 5 frames in 2 episodes, 1 unflagged; longest recovery 4 frames (bound 5); "
            + "flagged by every healthy lane in 1 of 2 episodes, within 1 frame; readmitted: lane 3 x1",
            HumanSummary.recovery(ExpectationCheckTest.recoveryRun()));
    }
}
