package org.bftvote.sim.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bftvote.InvalidConfigException;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.InjectedFault;
import org.bftvote.sim.run.OutputStatusCode;
import org.bftvote.sim.run.RunDescriptor;
import org.bftvote.sim.testsupport.AllocationMeter;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
    private static final int NORMAL = OutputStatusCode.NORMAL.code();
    private static final int DEGRADED = OutputStatusCode.DEGRADED.code();
    private static final int INVALID = OutputStatusCode.INVALID.code();
    private static final int DIVERGED = OutputStatusCode.DIVERGED.code();
    private static final int SYNCING = OutputStatusCode.SYNCING.code();

    /** Runs frames 0..frames-1; the hook may change a nominal frame or report exclusions before it is fed. */
    private static RunMetrics run(final RunDescriptor d, final long frames, final FrameHook hook) {
        final RunMetrics metrics = new RunMetrics(d);
        final FrameSample sample = new FrameSample(d);
        for (long f = 0; f < frames; f++) {
            SyntheticRun.nominal(sample, f);
            hook.apply(f, sample, metrics);
            metrics.onFrame(sample);
        }
        return metrics;
    }

    @FunctionalInterface
    private interface FrameHook {
        void apply(long frame, FrameSample sample, RunMetrics metrics);
    }

    @Test
    void nominalRunHasNoViolationsAndFullAvailability() {
        final RunMetrics m = run(SyntheticRun.descriptor(100), 100, (f, s, r) -> { });
        assertEquals(100, m.framesRun());
        assertEquals(0, m.agreementViolationFrames());
        assertEquals(0, m.validityViolationFrames());
        assertEquals(0.0, m.errorRms(0));
        assertEquals(1.0, m.availability(0));
        assertEquals(1.0, m.availability(1));
        assertEquals(1200, m.messages(0));
        assertEquals(0, m.messages(1));
        assertFalse(m.hypothesisExceeded());
        assertFalse(m.agreementLost());
    }

    @Test
    void agreementViolationIsCountedExactlyPerSignalAndFrame() {
        final RunMetrics m = run(SyntheticRun.descriptor(100), 100, (f, s, r) -> {
            if (f == 10 || f == 20) {
                // One ulp apart is a disagreement: healthy lanes must be bit-identical.
                s.output(2, 1, Math.nextUp(s.output(2, 1)), NORMAL, SyntheticRun.ALL);
            }
            if (f == 20) {
                s.output(1, 0, s.output(1, 0), DEGRADED, SyntheticRun.ALL);
            }
            if (f == 30) {
                // A faulty lane that disagrees is not a violation.
                s.oracleHealthyLanes(0b0111);
                s.output(3, 0, 99.0, NORMAL, SyntheticRun.ALL);
            }
            if (f == 40) {
                // Two invalid outputs with different NaN payloads agree: only status matters when invalid.
                for (int l = 0; l < SyntheticRun.LANES; l++) {
                    s.output(l, 0, Double.longBitsToDouble(0x7ff8_0000_0000_0000L + l), INVALID, 0L);
                }
            }
        });
        assertEquals(1, m.agreementViolations(0));
        assertEquals(2, m.agreementViolations(1));
        assertEquals(2, m.agreementViolationFrames());
        assertTrue(m.agreementLost());
    }

    @Test
    void validityViolationCountsOutputsOutsideTheHealthyReadings() {
        final RunDescriptor d = SyntheticRun.descriptor(100);
        final RunMetrics strict = new RunMetrics(d);
        final RunMetrics tolerant = new RunMetrics(d, new double[] {0.05, 0.0}, 16);
        final FrameSample s = new FrameSample(d);
        for (long f = 0; f < 100; f++) {
            SyntheticRun.nominal(s, f);
            final double truth = SyntheticRun.truth(f, 0);
            if (f == 5) {
                // Healthy readings span truth +- 0.015; 0.03 above truth breaks the range but not a 0.05 tolerance.
                setAll(s, 0, truth + 0.03);
            }
            if (f == 6) {
                setAll(s, 0, truth + 0.1);
            }
            if (f == 7) {
                // A faulty sensor far off widens nothing: its reading is not a healthy one.
                s.oracleFaultyChannels(0, 0b1000);
                s.sensor(3, 0, truth + 5.0, true, true);
                setAll(s, 0, truth + 4.0);
            }
            if (f == 8) {
                // An invalid reading does not count either, and an invalid output is not judged.
                s.sensor(0, 0, truth - 3.0, false, true);
                setAll(s, 0, truth - 2.0);
                s.output(2, 1, 1.0e9, INVALID, SyntheticRun.ALL);
            }
            strict.onFrame(s);
            tolerant.onFrame(s);
        }
        assertEquals(4, strict.validityViolations(0));
        assertEquals(0, strict.validityViolations(1));
        assertEquals(4, strict.validityViolationFrames());
        assertEquals(3, tolerant.validityViolations(0));
    }

    /**
     * Frames of a triplex (lanes L, C, R; one signal, aoa in deg) taken from the simulator, as the reliability
     * estimate met them: L's vane stuck at 14.4 and excluded by every lane, so every lane votes C and R. In frame 1
     * one of R's exchange messages is lost on one link (the oracle calls lane R faulty for that frame), but R's
     * reading reached every lane and every lane's output is still the mean of C's and R's readings.
     */
    private static final double[][] STUCK_VANE_AND_A_LOST_MESSAGE = {
        // healthy lanes, L (stuck), C, R readings, every lane's output (DEGRADED)
        {0b111, 14.40, 13.45, 13.20, 13.325},
        {0b011, 14.40, 13.45, 13.20, 13.325},
        {0b111, 14.40, 13.70, 13.40, 13.550},
    };

    @Test
    void aLostMessageLeavesItsSendersReadingAHealthyOne() {
        final RunMetrics m = triplex(STUCK_VANE_AND_A_LOST_MESSAGE, 0b001);
        assertEquals(0, m.validityViolationFrames(),
            "the mean of two healthy vanes' readings is within the healthy readings, whatever R's bus did");
    }

    @Test
    void aCrashedLaneAndALostMessageLeaveTheMeanOfTheOtherTwoValid() {
        // Lane C crashed (excluded by L and R); in frame 1 one of R's messages is lost on one link as well, so only
        // L is healthy in that frame. L and R still vote the mean of L's and R's vanes, both healthy readings.
        final RunMetrics m = triplex(new double[][] {
            {0b101, 16.75, 16.70, 16.85, 16.800},
            {0b001, 16.40, 16.10, 16.80, 16.600},
            {0b101, 16.40, 16.10, 16.80, 16.600},
        }, 0b000);
        assertEquals(0, m.validityViolationFrames());
    }

    @Test
    void anOutputPulledOutsideTheHealthySensorsReadingsStillCounts() {
        // C's gyro has an active fault (not yet isolated). In frame 1 L's message to C is lost: C votes its own
        // faulty reading with R's and presents -10.6302 as valid, outside what L's and R's healthy gyros read
        // (-10.8230, -10.7134), although L is faulty for the frame.
        final RunMetrics m = triplex(new double[][] {
            {0b111, -10.5353, -10.2160, -10.4531, -10.4531},
            {0b110, -10.8230, -10.5470, -10.7134, -10.6302},
        }, 0b010);
        assertEquals(1, m.validityViolationFrames(), "two faults in one frame: a real unsafe output");
    }

    /**
     * Feeds triplex frames {healthy lanes, L, C, R readings, output} with the given channels faulty: every lane
     * presents the output, DEGRADED.
     */
    private static RunMetrics triplex(final double[][] frames, final long faultyChannels) {
        final RunDescriptor d = RunDescriptor.builder().scenario("lost-message").platform("test-triplex").seed(1L)
            .frameRateHz(100.0).lanes(3).signal("aoa", "deg").messageOutcome("delivered")
            .durationFrames(frames.length).faultHypothesis("n=3 OMH(1), b=1").build();
        final RunMetrics metrics = new RunMetrics(d);
        final FrameSample s = new FrameSample(d);
        for (int f = 0; f < frames.length; f++) {
            s.begin(f, f / 100.0);
            s.truth(0, Double.NaN);
            s.oracleHealthyLanes((long) frames[f][0]);
            s.oracleFaultyChannels(0, faultyChannels);
            for (int l = 0; l < 3; l++) {
                s.sensor(l, 0, frames[f][1 + l], true, true);
                s.output(l, 0, frames[f][4], DEGRADED, 0b111);
            }
            metrics.onFrame(s);
        }
        return metrics;
    }

    private static void setAll(final FrameSample s, final int signal, final double value) {
        for (int l = 0; l < SyntheticRun.LANES; l++) {
            s.output(l, signal, value, NORMAL, SyntheticRun.ALL);
        }
    }

    @Test
    void outputErrorIsRmsAndMaxOfTheWorstHealthyValidOutput() {
        final RunMetrics m = run(SyntheticRun.descriptor(4), 4, (f, s, r) -> {
            final double truth = SyntheticRun.truth(f, 0);
            if (f == 1) {
                setAll(s, 0, truth + 3.0);
                s.output(0, 0, truth - 4.0, NORMAL, SyntheticRun.ALL);  // the worst lane sets the frame's error
            }
            if (f == 2) {
                setAll(s, 0, truth + 100.0);
                s.oracleHealthyLanes(0b0001);  // only lane 0 is healthy and it is exact
                s.output(0, 0, truth, NORMAL, SyntheticRun.ALL);
            }
            if (f == 3) {
                for (int l = 0; l < SyntheticRun.LANES; l++) {
                    s.output(l, 0, 1.0e9, INVALID, 0L);  // not measured
                }
            }
        });
        assertEquals(3, m.errorFrames(0));
        assertEquals(Math.sqrt(16.0 / 3.0), m.errorRms(0), 1e-12);
        assertEquals(4.0, m.errorMax(0), 1e-12);
        assertEquals(4, m.errorFrames(1));
    }

    @Test
    void availabilityIsTheShareOfFramesWithEveryHealthyLaneValid() {
        final RunMetrics m = run(SyntheticRun.descriptor(100), 100, (f, s, r) -> {
            if (f % 4 == 0) {
                s.output(1, 0, Double.NaN, OutputStatusCode.NO_MAJORITY.code(), SyntheticRun.ALL);
            }
            if (f % 10 == 1) {
                // A faulty lane's invalid output does not cost availability.
                s.oracleHealthyLanes(0b1101);
                s.output(1, 1, Double.NaN, INVALID, 0L);
            }
            if (f == 2) {
                s.output(3, 1, s.output(3, 1), DEGRADED, 0b0111);  // degraded is still valid
            }
        });
        assertEquals(75, m.availableFrames(0));
        assertEquals(0.75, m.availability(0));
        assertEquals(1.0, m.availability(1));
    }

    @Test
    void availabilityAfterStartupCountsFromTheFirstAvailableFrame() {
        final RunMetrics m = run(SyntheticRun.descriptor(100), 100, (f, s, r) -> {
            if (f < 5 || f == 50 || f == 51) {
                s.output(2, 0, Double.NaN, INVALID, 0L);         // before the first sample, and a later outage
            }
            s.output(0, 1, Double.NaN, INVALID, 0L);              // signal 1 never has a value on lane 0
        });
        assertEquals(93, m.availableFrames(0));
        assertEquals(5, m.firstAvailableFrame(0));
        assertEquals(0.93, m.availability(0));
        assertEquals(93.0 / 95.0, m.availabilityAfterStartup(0));
        assertEquals(-1, m.firstAvailableFrame(1));
        assertEquals(0.0, m.availabilityAfterStartup(1));
    }

    private static RunDescriptor withFaults() {
        return SyntheticRun.builder(200)
            .fault(new InjectedFault("F1", "lane 3 pitch_rate", "bias", 50, 3, 0))
            .fault(new InjectedFault("F2", "lane 2 altitude", "stuck", 50, 2, 1))
            .fault(new InjectedFault("F3", "lane 1", "byzantine", 1000, 1, InjectedFault.ALL_SIGNALS))
            .build();
    }

    @Test
    void detectionLatencyRunsFromOnsetToTheLastHealthyLanesExclusion() {
        final RunMetrics m = run(withFaults(), 200, (f, s, r) -> {
            if (f >= 50) {
                s.oracleFaultyChannels(0, 0b1000);
                s.oracleFaultyChannels(1, 0b0100);
            }
            if (f == 40) {
                r.onExclusion(f, 0, 0, 3, "early: before onset, does not detect");
            }
            if (f == 52) {
                r.onExclusion(f, 0, 0, 3, "miscompare");
            }
            if (f == 55) {
                r.onExclusion(f, 1, 0, 3, "miscompare");
                r.onExclusion(f, 1, 0, 3, "again: the first exclusion counts");
            }
            if (f == 58) {
                r.onExclusion(f, 3, 0, 3, "own channel");
            }
            if (f == 60) {
                r.onExclusion(f, 2, InjectedFault.ALL_SIGNALS, 3, "lane excluded");  // a lane exclusion also counts
            }
            if (f == 70) {
                // F2: three of four healthy lanes only, and lane 0 excludes the wrong signal.
                r.onExclusion(f, 1, 1, 2, "stuck");
                r.onExclusion(f, 2, 1, 2, "stuck");
                r.onExclusion(f, 3, 1, 2, "stuck");
                r.onExclusion(f, 0, 0, 2, "wrong signal");
            }
        });
        final List<FaultOutcome> outcomes = m.faultOutcomes();
        final FaultOutcome f1 = outcomes.get(0);
        assertEquals(FaultOutcome.Status.DETECTED, f1.status());
        assertEquals(60, f1.detectionFrame());
        assertEquals(10, f1.latencyFrames());
        assertEquals(0.1, f1.latencySeconds(), 1e-12);
        assertArrayEquals(new long[] {52, 55, 60, 58}, f1.firstExclusionFrame());
        assertEquals(FaultOutcome.Status.UNDETECTED, outcomes.get(1).status());
        assertEquals(-1, outcomes.get(1).detectionFrame());
        assertTrue(Double.isNaN(outcomes.get(1).latencySeconds()));
        assertEquals(-1, outcomes.get(1).firstExclusionFrame()[0]);
        assertEquals(FaultOutcome.Status.NOT_STARTED, outcomes.get(2).status());
        // The early exclusion and the wrong-signal one hit healthy units.
        assertEquals(2, m.falseExclusions());
        assertEquals(10, m.exclusions());
        assertEquals(10, m.exclusionLog().size());
        assertTrue(m.exclusionLog().isFalse(0));
        assertEquals("early: before onset, does not detect", m.exclusionLog().reason(0));
    }

    @Test
    void aBusFaultHasNoUnitToDetect() {
        final RunDescriptor d = SyntheticRun.builder(100)
            .fault(new InjectedFault("B1", "bus afdx network A", "loss", 10, InjectedFault.NO_UNIT,
                InjectedFault.ALL_SIGNALS))
            .fault(new InjectedFault("B2", "bus afdx", "silent", 500, InjectedFault.NO_UNIT,
                InjectedFault.ALL_SIGNALS))
            .build();
        final RunMetrics m = run(d, 100, (f, s, r) -> {
            if (f == 20) {
                // Every lane excluding every lane's channel 0 still does not "detect" a bus fault.
                for (int lane = 0; lane < 4; lane++) {
                    r.onExclusion(f, lane, InjectedFault.ALL_SIGNALS, 0, "lane");
                }
            }
        });
        final List<FaultOutcome> outcomes = m.faultOutcomes();
        assertEquals(FaultOutcome.Status.NO_UNIT, outcomes.get(0).status());
        assertEquals(-1, outcomes.get(0).detectionFrame());
        assertEquals(FaultOutcome.Status.NOT_STARTED, outcomes.get(1).status(), "onset after the last frame");
        assertThrows(InvalidConfigException.class, () -> new InjectedFault("B3", "bus", "loss", 0,
            InjectedFault.NO_UNIT, 0), "no unit goes with every signal only");
        assertThrows(InvalidConfigException.class, () -> new InjectedFault("B4", "bus", "loss", 0, -2,
            InjectedFault.ALL_SIGNALS));
    }

    @Test
    void aFaultyLaneNeedNotExcludeForDetection() {
        final RunDescriptor d = SyntheticRun.builder(100)
            .fault(new InjectedFault("L1", "lane 1", "byzantine", 10, 1, InjectedFault.ALL_SIGNALS))
            .build();
        final RunMetrics m = run(d, 100, (f, s, r) -> {
            if (f >= 10) {
                s.oracleHealthyLanes(0b1101);
            }
            if (f == 12) {
                r.onExclusion(f, 0, InjectedFault.ALL_SIGNALS, 1, "lane");
                r.onExclusion(f, 2, 1, 1, "signal 1 only, counts for a whole-lane fault");
            }
            if (f == 15) {
                r.onExclusion(f, 3, InjectedFault.ALL_SIGNALS, 1, "lane");
                r.onExclusion(f, 1, InjectedFault.ALL_SIGNALS, 0, "the faulty lane's word is no false exclusion");
            }
        });
        assertEquals(15, m.detectionFrame(0));
        assertEquals(5, m.faultOutcomes().get(0).latencyFrames());
        assertEquals(0, m.falseExclusions());
    }

    @Test
    void falseExclusionIsAHealthyLaneExcludingAHealthyUnit() {
        final RunMetrics m = run(SyntheticRun.descriptor(10), 10, (f, s, r) -> {
            s.oracleHealthyLanes(0b0111);          // lane 3 faulty
            s.oracleFaultyChannels(1, 0b0001);     // lane 0's altitude sensor faulty
            if (f == 3) {
                r.onExclusion(f, 0, 0, 1, "healthy excludes healthy: false");
                r.onExclusion(f, 3, 0, 1, "faulty lane excludes: not counted");
                r.onExclusion(f, 1, 1, 0, "healthy excludes faulty sensor: correct");
                r.onExclusion(f, 1, 0, 3, "healthy excludes channel of faulty lane: correct");
                r.onExclusion(f, 2, InjectedFault.ALL_SIGNALS, 0, "lane 0 has a faulty sensor: correct");
                r.onExclusion(f, 2, InjectedFault.ALL_SIGNALS, 1, "lane 1 is healthy: false");
                r.onExclusion(f, 9, 0, 1, "out of range: ignored");
            }
        });
        assertEquals(2, m.falseExclusions());
        assertEquals(6, m.exclusions());
        assertEquals(1, m.unprocessedExclusions());
    }

    @Test
    void hypothesisExceededWithoutAgreementLoss() {
        final RunMetrics m = run(SyntheticRun.descriptor(100), 100, (f, s, r) -> s.hypothesisExceeded(f >= 30));
        assertTrue(m.hypothesisExceeded());
        assertEquals(30, m.firstExceededFrame());
        assertEquals(70, m.exceededFrames());
        assertEquals(0, m.agreementViolationsWhileExceeded());
        assertFalse(m.agreementLost());
    }

    @Test
    void hypothesisExceededWithAgreementLoss() {
        final RunMetrics m = run(SyntheticRun.descriptor(100), 100, (f, s, r) -> {
            s.hypothesisExceeded(f >= 30 && f < 60);
            if (f == 20 || f == 40 || f == 41 || f == 70) {
                s.output(0, 0, s.output(0, 0) + 1.0, NORMAL, SyntheticRun.ALL);
            }
        });
        assertEquals(30, m.firstExceededFrame());
        assertEquals(30, m.exceededFrames());
        assertEquals(4, m.agreementViolationFrames());
        assertEquals(2, m.agreementViolationsWhileExceeded());
        assertTrue(m.agreementLost());
    }

    /** Marks every output of a lane with a status, keeping its value. */
    private static void mark(final FrameSample s, final int lane, final int status) {
        for (int signal = 0; signal < SyntheticRun.SIGNALS; signal++) {
            s.output(lane, signal, s.output(lane, signal), status, SyntheticRun.ALL);
        }
    }

    @Test
    void divergenceIsUndetectedOnlyWhenTwoHealthyLanesShowDifferentUnflaggedValues() {
        final RunMetrics m = run(SyntheticRun.descriptor(100), 100, (f, s, r) -> {
            if (f == 10) {
                // Lane 0 shows another value, unflagged: divergence nobody owned up to.
                s.output(0, 1, s.output(0, 1) + 1.0, NORMAL, SyntheticRun.ALL);
            }
            if (f == 20) {
                // The same value flagged DIVERGED by the lane that holds it: divergence, owned up to.
                s.output(0, 1, s.output(0, 1) + 1.0, DIVERGED, SyntheticRun.ALL);
            }
            if (f == 30) {
                // A syncing lane with the same value: its status differs, nothing is unflagged.
                mark(s, 2, SYNCING);
            }
            if (f == 40) {
                // Two lanes flagged with different values and two unflagged with the same: owned up to.
                s.output(0, 0, 1.0, DIVERGED, SyntheticRun.ALL);
                s.output(1, 0, 2.0, SYNCING, SyntheticRun.ALL);
            }
            if (f == 50) {
                // A faulty lane's different unflagged value does not count.
                s.oracleHealthyLanes(0b1110);
                s.output(0, 0, 7.0, NORMAL, SyntheticRun.ALL);
            }
        });
        assertEquals(4, m.agreementViolationFrames());
        assertEquals(1, m.undetectedDivergenceFrames());
    }

    @Test
    void recoveryIsTheLongestDivergenceWithinTheHypothesis() {
        final RunMetrics m = run(SyntheticRun.descriptor(200), 200, (f, s, r) -> {
            s.hypothesisExceeded(f >= 10 && f < 20);
            if (f >= 12 && f < 27) {
                mark(s, 1, DIVERGED);           // 7 of these frames are within the hypothesis again (20..26)
            }
            if (f >= 100 && f < 105) {
                mark(s, 3, SYNCING);            // a lane back from a restart, syncing 5 frames
            }
        });
        assertEquals(20, m.agreementViolationFrames());
        assertEquals(7, m.maxRecoveryFrames());
        assertEquals(0, m.undetectedDivergenceFrames());
    }

    @Test
    void episodesKeepTheirFirstFlaggedAndIdenticalAgainFrames() {
        final RunMetrics m = run(SyntheticRun.descriptor(200), 200, (f, s, r) -> {
            if (f >= 10 && f < 15) {
                // Lane 1 is off first, unflagged; from 12 every healthy lane flags.
                s.output(1, 0, s.output(1, 0) + 1.0, f < 12 ? NORMAL : DIVERGED, SyntheticRun.ALL);
                if (f >= 12) {
                    mark(s, 0, DIVERGED);
                    mark(s, 2, DIVERGED);
                    mark(s, 3, DIVERGED);
                    mark(s, 1, DIVERGED);
                }
            }
            if (f >= 50 && f < 53) {
                mark(s, 3, SYNCING);            // only the syncing lane flags, rightly
            }
            if (f >= 190) {
                mark(s, 2, DIVERGED);           // lasts to the end
            }
        });
        assertEquals(3, m.divergenceEpisodes());
        assertEquals(1, m.episodesFlaggedEverywhere());
        assertEquals(2, m.maxFlagLatencyFrames());
        assertEquals(3, m.episodesKept());
        assertArrayEquals(new long[] {10, 12, 15}, new long[] {m.episodeFirstFrame(0), m.episodeFlaggedFrame(0),
            m.episodeIdenticalAgainFrame(0)});
        assertArrayEquals(new long[] {50, -1, 53}, new long[] {m.episodeFirstFrame(1), m.episodeFlaggedFrame(1),
            m.episodeIdenticalAgainFrame(1)});
        assertArrayEquals(new long[] {190, -1, -1}, new long[] {m.episodeFirstFrame(2), m.episodeFlaggedFrame(2),
            m.episodeIdenticalAgainFrame(2)});
        assertEquals(2, m.undetectedDivergenceFrames());
    }

    @Test
    void everyEpisodeCountsButOnlyTheFirstAreKept() {
        final RunMetrics m = run(SyntheticRun.descriptor(1000), 1000, (f, s, r) -> {
            if (f % 10 == 0) {
                mark(s, 0, DIVERGED);
            }
        });
        assertEquals(100, m.divergenceEpisodes());
        assertEquals(64, m.episodesKept());
        assertEquals(630, m.episodeFirstFrame(63));
        assertEquals(-1, m.maxFlagLatencyFrames());
    }

    @Test
    void readmissionsAreCountedAsTheHealthyLanesSawThem() {
        final RunMetrics m = run(SyntheticRun.descriptor(100), 100, (f, s, r) -> {
            final boolean out = f >= 10 && f < 20 || f >= 30 && f < 40;
            for (int l = 0; l < SyntheticRun.LANES; l++) {
                s.excludedLanes(l, out ? 0b1000 : 0L);
            }
            if (f >= 60 && f < 70) {
                s.oracleHealthyLanes(0b1110);   // lane 0 faulty: what it drops does not count
                s.excludedLanes(0, f == 60 ? 0b0100 : 0L);
            }
        });
        assertEquals(2, m.laneReadmissions(3));
        assertEquals(0, m.laneReadmissions(2));
    }

    @Test
    void anExclusionShownWhileSyncingIsTheAgreedStateNotAFalseOne() {
        final RunMetrics m = run(SyntheticRun.descriptor(10), 10, (f, s, r) -> {
            if (f == 3) {
                mark(s, 1, SYNCING);
                r.onExclusion(f, 1, InjectedFault.ALL_SIGNALS, 1, "takes the agreed state: itself excluded");
                r.onExclusion(f, 0, 0, 2, "healthy excludes healthy: false");
            }
        });
        assertEquals(1, m.falseExclusions());
        assertEquals(2, m.exclusions());
    }

    @Test
    void exclusionLogKeepsItsCapacityAndCountsTheRest() {
        final RunDescriptor d = SyntheticRun.descriptor(10);
        final RunMetrics m = new RunMetrics(d, new double[2], 3);
        final FrameSample s = new FrameSample(d);
        for (long f = 0; f < 5; f++) {
            SyntheticRun.nominal(s, f);
            m.onExclusion(f, 0, 0, 1, "x");
            m.onFrame(s);
        }
        assertEquals(3, m.exclusionLog().size());
        assertEquals(2, m.exclusionLog().dropped());
        assertEquals(5, m.exclusions());
        assertEquals(5, m.falseExclusions());
    }

    @Test
    void rejectsFramesOutOfOrderAndSamplesOfAnotherShape() {
        final RunDescriptor d = SyntheticRun.descriptor(10);
        final RunMetrics m = new RunMetrics(d);
        final FrameSample s = new FrameSample(d);
        SyntheticRun.nominal(s, 5);
        m.onFrame(s);
        assertThrows(IllegalArgumentException.class, () -> m.onFrame(s));
        final RunDescriptor other = SyntheticRun.builder(10).lanes(3).build();
        assertThrows(IllegalArgumentException.class, () -> m.onFrame(new FrameSample(other)));
    }

    @Test
    void badConfigurationNamesParameterAndBound() {
        final InvalidConfigException tolerance = assertThrows(InvalidConfigException.class,
            () -> new RunMetrics(SyntheticRun.descriptor(10), new double[] {0.0, -1.0}, 10));
        assertEquals("validity_tolerance[1]", tolerance.parameter());
        final InvalidConfigException lanes = assertThrows(InvalidConfigException.class,
            () -> SyntheticRun.builder(10).lanes(65).build());
        assertEquals("lanes", lanes.parameter());
        final InvalidConfigException faultLane = assertThrows(InvalidConfigException.class,
            () -> SyntheticRun.builder(10).fault(new InjectedFault("F", "t", "k", 0, 4, 0)).build());
        assertEquals("fault.F.lane", faultLane.parameter());
        assertThrows(InvalidConfigException.class, () -> SyntheticRun.builder(10).signal("altitude", "ft").build());
        assertThrows(InvalidConfigException.class, () -> SyntheticRun.builder(10).frameRateHz(0.0).build());
        assertThrows(InvalidConfigException.class, () -> SyntheticRun.builder(0).build());
    }

    @Test
    void metricsAllocateNothingPerFrame() {
        final RunDescriptor d = withFaults();
        final RunMetrics m = new RunMetrics(d, new double[2], 1024);
        final FrameSample s = new FrameSample(d);
        final long[] next = {0};
        final long bytes = AllocationMeter.measure(() -> {
            for (int i = 0; i < 1_000_000; i++) {
                final long f = next[0]++;
                SyntheticRun.nominal(s, f);
                s.oracleFaultyChannels(0, 0b1000);
                s.hypothesisExceeded((f & 1023) == 7);
                if ((f & 255) == 0) {
                    s.output(1, 1, 7.0, DEGRADED, 0b1011);
                    m.onExclusion(f, 2, 0, 3, "miscompare");
                }
                m.onFrame(s);
            }
        });
        assertEquals(0, bytes, "bytes allocated over 1,000,000 frames");
        assertTrue(m.agreementViolationFrames() > 0);
        assertEquals(3_000_000, m.framesRun());
    }
}
