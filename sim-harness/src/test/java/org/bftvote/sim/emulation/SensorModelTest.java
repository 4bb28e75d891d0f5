package org.bftvote.sim.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bftvote.InvalidConfigException;
import org.junit.jupiter.api.Test;

class SensorModelTest {
    private static final double RATE = 100.0;

    static SensorModel sensor(final SensorSpec spec, final List<ScheduledFailure> failures, final long seed) {
        return new SensorModel(spec, RATE, failures, List.of(), new SimRandom(seed));
    }

    /** 100,000 samples: mean within 5 standard errors of truth + bias, standard deviation within 2 % of sigma. */
    @Test
    void noiseHasSigmaAndMeanIsBias() {
        final SensorModel s = sensor(new SensorSpec(-100, 100, 0, 0.5, 2.0, 0, 1, 0), List.of(), 11);
        final int n = 100_000;
        double sum = 0;
        double sumSq = 0;
        for (int f = 0; f < n; f++) {
            final double e = s.sample(f, 10.0).value() - 10.0;
            sum += e;
            sumSq += e * e;
        }
        final double mean = sum / n;
        assertEquals(2.0, mean, 5 * 0.5 / Math.sqrt(n));
        assertEquals(0.5, Math.sqrt(sumSq / n - mean * mean), 0.01);
    }

    @Test
    void driftGrowsLinearly() {
        final double drift = SensorSpec.perHour(36.0);
        final SensorModel s = sensor(new SensorSpec(-100, 100, 0, 0, 0, drift, 1, 0), List.of(), 1);
        for (int f = 0; f <= 100_000; f++) {
            final double v = s.sample(f, 0.0).value();
            if (f % 10_000 == 0) {
                assertEquals(0.01 * f / RATE, v, 1e-9, "frame " + f);
            }
        }
    }

    @Test
    void quantisationSnapsToStepAndSaturationClamps() {
        final double step = 0.25;
        final SensorModel s = sensor(new SensorSpec(-10, 10, step, 0.3, 0, 0, 1, 0), List.of(), 2);
        for (int f = 0; f < 20_000; f++) {
            final double truth = -12 + 24.0 * f / 20_000;
            final SensorReading r = s.sample(f, truth);
            final double k = r.value() / step;
            assertEquals(Math.rint(k), k, 1e-12, "frame " + f);
            assertTrue(r.value() >= -10 && r.value() <= 10, "frame " + f);
            assertTrue(r.valid());
            if (truth > 12 || truth < -11.5) {
                assertTrue(r.saturated(), "frame " + f);
            }
            if (Math.abs(truth) < 8) {
                assertFalse(r.saturated(), "frame " + f);
            }
        }
        final SensorModel clean = sensor(new SensorSpec(-10, 10, step, 0, 0, 0, 1, 0), List.of(), 2);
        assertEquals(1.25, clean.sample(0, 1.2).value());
        assertEquals(10.0, clean.sample(1, 55.0).value());
        assertTrue(clean.sample(2, -55.0).saturated());
    }

    @Test
    void slowerUpdateRateHoldsSamples() {
        final SensorModel s = sensor(new SensorSpec(-100, 100, 0, 1.0, 0, 0, 4, 0), List.of(), 3);
        double held = Double.NaN;
        int fresh = 0;
        for (int f = 0; f < 4000; f++) {
            final SensorReading r = s.sample(f, f * 0.01);
            assertEquals(f % 4 == 0, r.fresh(), "frame " + f);
            if (r.fresh()) {
                fresh++;
                held = r.value();
            } else {
                assertEquals(Double.doubleToRawLongBits(held), Double.doubleToRawLongBits(r.value()), "frame " + f);
            }
        }
        assertEquals(1000, fresh);
    }

    @Test
    void latencyDelaysTheReading() {
        final SensorModel s = sensor(new SensorSpec(-1e6, 1e6, 0, 0, 0, 0, 1, 3), List.of(), 4);
        for (int f = 0; f < 100; f++) {
            final SensorReading r = s.sample(f, f);
            if (f < 3) {
                assertFalse(r.valid(), "frame " + f);
                assertFalse(r.fresh(), "frame " + f);
            } else {
                assertTrue(r.valid() && r.fresh(), "frame " + f);
                assertEquals(f - 3, r.value(), "frame " + f);
            }
        }
    }

    @Test
    void missingTruthIsFlaggedInvalid() {
        final SensorModel s = sensor(SensorSpec.ideal(-1, 1), List.of(), 4);
        assertTrue(s.sample(0, 0.5).valid());
        assertFalse(s.sample(1, Double.NaN).valid());
        assertTrue(s.sample(2, 0.5).valid());
    }

    @Test
    void sameSeedSameReadingsOtherSeedDiffers() {
        final SensorSpec spec = new SensorSpec(-10, 10, 0.01, 0.2, 0, 0, 2, 1);
        final List<ScheduledFailure> failures = List.of(new ScheduledFailure(SensorFailure.spikes(0.1, 5), 50, 900));
        final SensorModel a = sensor(spec, failures, 9);
        final SensorModel b = sensor(spec, failures, 9);
        final SensorModel c = sensor(spec, failures, 10);
        boolean differs = false;
        for (int f = 0; f < 1000; f++) {
            final double va = a.sample(f, 1.0).value();
            assertEquals(Double.doubleToRawLongBits(va), Double.doubleToRawLongBits(b.sample(f, 1.0).value()));
            differs |= va != c.sample(f, 1.0).value();
        }
        assertTrue(differs);
    }

    @Test
    void badSpecNamesParameter() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
            () -> new SensorSpec(1, 1, 0, 0, 0, 0, 1, 0));
        assertEquals("sensor.rangeMax", e.parameter());
        e = assertThrows(InvalidConfigException.class, () -> new SensorSpec(0, 1, 0, -1, 0, 0, 1, 0));
        assertEquals("sensor.noiseSigma", e.parameter());
        e = assertThrows(InvalidConfigException.class, () -> new SensorSpec(0, 1, 0, 0, 0, 0, 0, 0));
        assertEquals("sensor.updateDivider", e.parameter());
    }
}
