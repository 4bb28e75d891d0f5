package org.bftvote.sim.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FailureRateTest {
    /** 10 events per hour over 1,000 simulated hours at 1 frame/s: count within 4 Poisson standard deviations. */
    @Test
    void triggerCountMatchesRateTimesHours() {
        final PoissonTrigger trigger = new PoissonTrigger(10.0, 1.0, new SimRandom(123));
        final long frames = 1000L * 3600;
        long count = 0;
        for (long f = 0; f < frames; f++) {
            if (trigger.fires()) {
                count++;
            }
        }
        assertEquals(10_000.0, count, 4 * Math.sqrt(10_000.0));
    }

    @Test
    void zeroRateNeverFires() {
        final PoissonTrigger trigger = new PoissonTrigger(0.0, 100.0, new SimRandom(1));
        for (int f = 0; f < 100_000; f++) {
            assertFalse(trigger.fires());
        }
    }

    /**
     * A sensor with a 20-per-hour rate of 10-frame bias faults, 200 simulated hours at 2 frames/s: the number of
     * onsets within 4 Poisson standard deviations of 4,000 (the 10-frame episodes remove about 0.03 % of the time).
     */
    @Test
    void sensorDrawsFailuresFromRate() {
        final SensorModel s = new SensorModel(SensorSpec.ideal(-100, 100), 2.0, List.of(),
            List.of(new FailureRate(SensorFailure.bias(50.0), 20.0, 10)), new SimRandom(9));
        final long frames = 200L * 3600 * 2;
        long onsets = 0;
        boolean wasActive = false;
        for (long f = 0; f < frames; f++) {
            final double v = s.sample(f, 0.0).value();
            final boolean active = v == 50.0;
            assertEquals(active, s.failureActive(f), "frame " + f);
            if (active && !wasActive) {
                onsets++;
            }
            wasActive = active;
        }
        assertEquals(4000.0, onsets, 4 * Math.sqrt(4000.0));
        assertTrue(onsets > 0);
    }
}
