package org.bftvote.sim.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SensorFailureTest {
    private static final SensorSpec NOISY = new SensorSpec(-90, 90, 0, 0.2, 0, 0, 1, 0);
    private static final long ONSET = 1000;

    private static SensorModel sensor(final SensorSpec spec, final SensorFailure failure, final long end) {
        return new SensorModel(spec, 100.0, List.of(new ScheduledFailure(failure, ONSET, end)), List.of(),
            new SimRandom(77));
    }

    private static double truth(final long f) {
        return 5.0 * Math.sin(f * 0.01);
    }

    @Test
    void stuckRepeatsLastValueBitForBitUntilEnd() {
        final SensorModel s = sensor(NOISY, SensorFailure.stuck(), 3000);
        long frozen = 0;
        for (long f = 0; f < 4000; f++) {
            final double v = s.sample(f, truth(f)).value();
            if (f == ONSET - 1) {
                frozen = Double.doubleToRawLongBits(v);
            } else if (f >= ONSET && f < 3000) {
                assertEquals(frozen, Double.doubleToRawLongBits(v), "frame " + f);
            } else if (f >= 3000) {
                assertNotEquals(frozen, Double.doubleToRawLongBits(v), "frame " + f);
            }
        }
    }

    @Test
    void hardOverNullAndBias() {
        final SensorModel high = sensor(NOISY, SensorFailure.hardOver(true), ScheduledFailure.PERMANENT);
        final SensorModel low = sensor(NOISY, SensorFailure.hardOver(false), ScheduledFailure.PERMANENT);
        final SensorModel zero = sensor(NOISY, SensorFailure.nullValue(), ScheduledFailure.PERMANENT);
        final SensorModel biased = sensor(SensorSpec.ideal(-90, 90), SensorFailure.bias(21.0),
            ScheduledFailure.PERMANENT);
        for (long f = 0; f < 2000; f++) {
            final double h = high.sample(f, truth(f)).value();
            final double l = low.sample(f, truth(f)).value();
            final double z = zero.sample(f, truth(f)).value();
            final double b = biased.sample(f, truth(f)).value();
            if (f >= ONSET) {
                assertEquals(90.0, h);
                assertEquals(-90.0, l);
                assertEquals(0.0, z);
                assertEquals(truth(f) + 21.0, b, 1e-12);
            } else {
                assertTrue(h < 90 && l > -90, "frame " + f);
                assertEquals(truth(f), b, 1e-12);
            }
        }
    }

    @Test
    void rampGrowsAtItsRate() {
        final SensorModel s = sensor(SensorSpec.ideal(-90, 90), SensorFailure.ramp(0.5), ScheduledFailure.PERMANENT);
        for (long f = 0; f < 5000; f++) {
            final double v = s.sample(f, 1.0).value();
            final double expected = 1.0 + (f >= ONSET ? 0.5 * (f - ONSET) / 100.0 : 0.0);
            assertEquals(expected, v, 1e-9, "frame " + f);
        }
    }

    /** Standard deviation under a x5 noise burst: within 3 % of 5 sigma over 50,000 samples. */
    @Test
    void noiseBurstMultipliesSigma() {
        final SensorModel s = sensor(NOISY, SensorFailure.noiseBurst(5.0), ScheduledFailure.PERMANENT);
        double sumSq = 0;
        int n = 0;
        for (long f = 0; f < ONSET + 50_000; f++) {
            final double e = s.sample(f, 0.0).value();
            if (f >= ONSET) {
                sumSq += e * e;
                n++;
            }
        }
        assertEquals(1.0, Math.sqrt(sumSq / n), 0.03);
    }

    /** Spike share within 4 binomial standard errors of p over 100,000 samples; spikes show exactly 50.625. */
    @Test
    void spikesAtTheirRateAndValue() {
        final double p = 0.01;
        final SensorModel s = sensor(NOISY, SensorFailure.spikes(p, 50.625), ScheduledFailure.PERMANENT);
        int spikes = 0;
        final int n = 100_000;
        for (long f = 0; f < ONSET + n; f++) {
            final double v = s.sample(f, 1.0).value();
            if (v == 50.625) {
                assertTrue(f >= ONSET, "frame " + f);
                spikes++;
            } else {
                assertEquals(1.0, v, 2.0, "frame " + f);
            }
        }
        assertEquals(p * n, spikes, 4 * Math.sqrt(n * p * (1 - p)));

        final SensorModel periodic = sensor(SensorSpec.ideal(-90, 90), SensorFailure.periodicSpikes(10, 7.0),
            ScheduledFailure.PERMANENT);
        for (long f = 0; f < 3000; f++) {
            final double v = periodic.sample(f, 1.0).value();
            final boolean spike = f >= ONSET && (f - ONSET) % 10 == 0;
            assertEquals(spike ? 8.0 : 1.0, v, "frame " + f);
        }
    }

    @Test
    void oscillationAndErratic() {
        final SensorModel osc = sensor(SensorSpec.ideal(-90, 90), SensorFailure.oscillation(3.0, 2.0),
            ScheduledFailure.PERMANENT);
        for (long f = 0; f < 3000; f++) {
            final double t = (f - ONSET) / 100.0;
            final double expected = f >= ONSET ? 3.0 * Math.sin(2 * Math.PI * 2.0 * t) : 0.0;
            assertEquals(expected, osc.sample(f, 0.0).value(), 1e-9, "frame " + f);
        }
        final SensorModel erratic = sensor(NOISY, SensorFailure.erratic(), ScheduledFailure.PERMANENT);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (long f = 0; f < ONSET + 10_000; f++) {
            final double v = erratic.sample(f, 0.0).value();
            if (f >= ONSET) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                assertTrue(v >= -90 && v <= 90);
            }
        }
        assertTrue(min < -85 && max > 85, min + ".." + max);
    }

    @Test
    void twoFacedSensorShowsEachConsumerItsOffset() {
        final SensorModel s = sensor(new SensorSpec(-90, 90, 0.01, 0.1, 0, 0, 1, 2),
            SensorFailure.twoFaced(0.0, 3.0, -3.0), 2000);
        for (long f = 0; f < 3000; f++) {
            final SensorReading r = s.sample(f, 10.0);
            if (f < 2) {
                continue;
            }
            final double v0 = s.valueFor(0);
            final double v1 = s.valueFor(1);
            final double v2 = s.valueFor(2);
            // The reported sample was prepared two frames earlier (latency).
            final boolean active = f - 2 >= ONSET && f - 2 < 2000;
            assertEquals(r.value(), v0, 1e-12);
            assertEquals(active ? 3.0 : 0.0, v1 - v0, 0.011, "frame " + f);
            assertEquals(active ? -3.0 : 0.0, v2 - v0, 0.011, "frame " + f);
            assertEquals(r.value(), s.valueFor(7), 1e-12, "a consumer with no offset sees the plain value");
        }
    }

    @Test
    void selfDetectedFailureFlagsInvalidSilentOneDoesNot() {
        final SensorModel flagged = sensor(NOISY, SensorFailure.hardOver(true).flagged(), 1500);
        final SensorModel silent = sensor(NOISY, SensorFailure.hardOver(true), 1500);
        for (long f = 0; f < 2000; f++) {
            final boolean active = f >= ONSET && f < 1500;
            assertEquals(!active, flagged.sample(f, 0.0).valid(), "frame " + f);
            assertTrue(silent.sample(f, 0.0).valid(), "frame " + f);
            assertEquals(active, silent.failureActive(f));
        }
    }

    @Test
    void stuckHeldDuringSlowUpdateStillBitIdentical() {
        final SensorModel s = sensor(new SensorSpec(-90, 90, 0, 0.3, 0, 0, 8, 4), SensorFailure.stuck(),
            ScheduledFailure.PERMANENT);
        long frozen = 0;
        boolean seen = false;
        for (long f = 0; f < 3000; f++) {
            final double v = s.sample(f, truth(f)).value();
            if (f == ONSET + 4) {
                frozen = Double.doubleToRawLongBits(v);
                seen = true;
            } else if (seen) {
                assertEquals(frozen, Double.doubleToRawLongBits(v), "frame " + f);
            }
        }
        assertTrue(seen);
        assertFalse(Double.isNaN(Double.longBitsToDouble(frozen)));
    }
}
