package org.bftvote.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.scenario.BusFaultKind;
import org.bftvote.sim.scenario.FaultInjection;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The lanes' sensor samples cross the platform's sensor bus ({@link SensorBuses}, {@link SensorLinks}): a silent bus
 * leaves every lane reading its last sample, not fresh; bit errors the bus catches are lost samples; bit errors it
 * misses deliver wrong values, which the oracle counts as channel faults and which agreement still hands every
 * healthy lane alike. Compared frame by frame with the same seed's run without the fault: every other random choice
 * is the same (the sensor buses draw from streams of their own, requested last).
 */
class SensorBusTest {
    private static Scenario withFault(final Scenario s, final FaultInjection fault) {
        return new Scenario(s.name(), s.file(), s.description(), s.platform(), s.durationSeconds(), s.seed(),
            s.truthBySignal(), List.of(fault), s.randomFaults(), s.expectations());
    }

    private static Scenario nominalTriplex(final double seconds) throws Exception {
        final Scenario s = new ScenarioLoader(ProfileCatalog.load(RepoFiles.profiles()))
            .load(RepoFiles.root().resolve("sim-harness/scenarios/nominal-triplex.yaml"));
        return new Scenario(s.name(), s.file(), s.description(), s.platform(), seconds, s.seed(), s.truthBySignal(),
            List.of(), s.randomFaults(), s.expectations());
    }

    private static int outcome(final Simulation simulation, final String name) {
        final int index = simulation.descriptor().messageOutcomes().indexOf(name);
        assertTrue(index >= 0, name + " in " + simulation.descriptor().messageOutcomes());
        return index;
    }

    @Test
    void aSilentSensorBusLeavesEveryLaneOnItsLastSample() throws Exception {
        final Scenario clean = QuadEightSignals.scenario(3.0);
        final long rate = Math.round(clean.platform().frameRate());
        final FaultInjection silent = new FaultInjection.BusFault("silent", 1.0, 0.5, "sensor-can", null,
            BusFaultKind.SILENT, null, Double.NaN, Double.NaN);
        final Simulation faulty = new Simulation(withFault(clean, silent));
        final Simulation reference = new Simulation(clean);
        final FrameSample a = new FrameSample(faulty.descriptor());
        final FrameSample b = new FrameSample(reference.descriptor());
        final int lost = outcome(faulty, "sensor_bus_lost");
        final double[][] lastBeforeSilence = new double[a.lanes()][a.signals()];
        long lostSamples = 0;
        for (long f = 0; f < 3 * rate; f++) {
            faulty.step(a);
            reference.step(b);
            lostSamples += a.messages(lost);
            final boolean silentNow = f >= rate && f < rate + rate / 2;
            // Once every sensor has sent again after the silence (the slowest updates at 20 Hz), the lanes read
            // exactly what they read without the fault, as they did before it.
            final boolean asWithout = f < rate || f >= rate + rate / 2 + rate / 5;
            for (int l = 0; l < a.lanes(); l++) {
                for (int s = 0; s < a.signals(); s++) {
                    final String where = "frame " + f + " lane " + l + " signal " + s;
                    if (silentNow) {
                        assertFalse(a.sensorFresh(l, s), where);
                        assertEquals(Double.doubleToRawLongBits(lastBeforeSilence[l][s]),
                            Double.doubleToRawLongBits(a.sensor(l, s)), where + ": the last sample before the silence");
                    } else if (asWithout) {
                        assertEquals(Double.doubleToRawLongBits(b.sensor(l, s)),
                            Double.doubleToRawLongBits(a.sensor(l, s)), where);
                        assertEquals(b.sensorFresh(l, s), a.sensorFresh(l, s), where);
                    }
                    lastBeforeSilence[l][s] = f < rate ? a.sensor(l, s) : lastBeforeSilence[l][s];
                }
            }
        }
        assertTrue(lostSamples > 0, "the silent bus lost samples");
    }

    @Test
    void undetectedBitErrorsDeliverWrongSamplesThatStayAgreed() throws Exception {
        // ARINC 429's parity misses half of the multi-bit corruptions: at a bit error rate of 3e-3 a 64-bit sample
        // is corrupted about one time in six and wrong but accepted about one time in twelve.
        final Scenario clean = nominalTriplex(20.0);
        final FaultInjection noise = new FaultInjection.BusFault("noise", 0.0, Double.POSITIVE_INFINITY,
            "sensor-429", null, BusFaultKind.BIT_ERRORS, null, 3e-3, Double.NaN);
        final Simulation faulty = new Simulation(withFault(clean, noise));
        final Simulation reference = new Simulation(clean);
        final RunMetrics metrics = new RunMetrics(faulty.descriptor());
        faulty.observers(List.of(metrics));
        final FrameSample a = new FrameSample(faulty.descriptor());
        final FrameSample b = new FrameSample(reference.descriptor());
        final long frames = Math.round(20.0 * clean.platform().frameRate());
        long wrongFresh = 0;
        long held = 0;
        for (long f = 0; f < frames; f++) {
            faulty.step(a);
            reference.step(b);
            for (int s = 0; s < a.signals(); s++) {
                for (int l = 0; l < a.lanes(); l++) {
                    final boolean same = Double.doubleToRawLongBits(a.sensor(l, s))
                        == Double.doubleToRawLongBits(b.sensor(l, s));
                    if (same) {
                        continue;
                    }
                    final boolean faultyChannel = (a.oracleFaultyChannels(s) & (1L << l)) != 0;
                    if (a.sensorFresh(l, s)) {
                        // A fresh sample that differs can only be a corruption the bus missed: the oracle knows.
                        assertTrue(faultyChannel, "frame " + f + " lane " + l + " signal " + s);
                        wrongFresh++;
                    } else {
                        held++;
                    }
                }
            }
        }
        final long detected = metrics.messages(outcome(faulty, "sensor_bus_corrupted_detected"));
        final long undetected = metrics.messages(outcome(faulty, "sensor_bus_corrupted_undetected"));
        final long delivered = metrics.messages(outcome(faulty, "sensor_bus_delivered"));
        assertTrue(undetected > 100 && detected > 100, "detected " + detected + ", undetected " + undetected);
        // The profile's undetected fraction is 0.5 of the corruptions beyond its guaranteed detection.
        final double share = undetected / (double) (detected + undetected);
        assertTrue(share > 0.3 && share < 0.7, "undetected share " + share);
        assertTrue(wrongFresh > 0 && held > 0, "wrong fresh " + wrongFresh + ", held " + held);
        // Each 64-bit sample is corrupted with probability 1 - (1 - 3e-3)^64 = 0.175; 4 standard errors of tolerance.
        final long sent = delivered + detected + undetected + metrics.messages(outcome(faulty, "sensor_bus_lost"));
        final double corrupted = (detected + undetected) / (double) sent;
        final double expected = 1.0 - Math.pow(1.0 - 3e-3, 64);
        assertEquals(expected, corrupted, 4 * Math.sqrt(expected * (1 - expected) / sent), "corrupted share");
        assertEquals(0, metrics.agreementViolationFrames(), "the lanes agree on whatever their sensors delivered");
    }
}
