package org.bftvote.sim.baseline.px4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Checks the port against the behaviour PX4's own unit tests expect of {@code DataValidatorGroup}
 * ({@code src/modules/sensors/data_validator/tests/test_data_validator_group.cpp} at the same commit: no best
 * without data, priority wins among equal confidences, a priority switch is not a failover, a rising error count
 * is, a timeout flags the sensor) plus the stale rule the comparison relies on.
 */
class DataValidatorGroupPortTest {
    private static final long T0 = 666;
    private static final int TIMEOUT_US = 2000;

    private static DataValidatorGroup group(final int siblings) {
        final DataValidatorGroup g = new DataValidatorGroup(siblings);
        g.setTimeout(TIMEOUT_US);
        return g;
    }

    @Test
    void noDataNoBest() {
        final DataValidatorGroup g = group(4);
        final int[] index = {7};
        assertNull(g.getBest(T0, index));
        assertEquals(-1, index[0]);
        assertEquals(0, g.failoverCount());
        assertEquals(-1, g.failoverIndex());
        assertEquals(DataValidator.ERROR_FLAG_NO_ERROR, g.failoverState());
    }

    @Test
    void higherPriorityWinsAndASwitchOfPriorityIsNoFailover() {
        final DataValidatorGroup g = group(2);
        final float[] data = new float[3];
        for (int i = 0; i < 100; i++) {
            data[0] = i * 0.01f;
            g.put(0, T0, data, 0, 10);
            g.put(1, T0, data, 0, 100);
        }
        final int[] index = {-1};
        assertEquals(99 * 0.01f, g.getBest(T0, index)[0]);
        assertEquals(1, index[0]);
        data[0] = 3.14159f;
        g.put(0, T0, data, 0, 100);
        g.put(1, T0, data, 0, 1);
        assertEquals(3.14159f, g.getBest(T0, index)[0]);
        assertEquals(0, index[0]);
        assertEquals(0, g.failoverCount());
    }

    @Test
    void risingErrorCountFailsOverWithoutFlaggingTheSensor() {
        final DataValidatorGroup g = group(2);
        final float[] data = {1.0f, 0.0f, 0.0f};
        final int[] index = {-1};
        for (int i = 0; i < 100; i++) {
            data[0] = i * 0.01f;
            g.put(0, T0, data, 0, 100);
            g.put(1, T0, data, 0, 10);
        }
        g.getBest(T0, index);
        assertEquals(0, index[0]);
        data[0] = 3.14159f;
        for (int e = 1; e <= 25; e++) {
            g.put(0, T0, data, e, 100);
            g.put(1, T0, data, 0, 10);
        }
        assertEquals(3.14159f, g.getBest(T0 + 1, index)[0]);
        assertEquals(1, index[0]);
        assertEquals(1, g.failoverCount());
        assertEquals(DataValidator.ERROR_FLAG_NO_ERROR, g.getSensorState(0));
        assertEquals(-1, g.failoverIndex());
        assertEquals(DataValidator.ERROR_FLAG_NO_ERROR, g.failoverState());
        assertEquals(-1, g.getSensorState(5), "UINT32_MAX for an unknown index");
    }

    @Test
    void timeoutFlagsTheSelectedSensor() {
        final DataValidatorGroup g = group(1);
        final DataValidator added = g.addNewValidator();
        assertEquals(TIMEOUT_US, added.getTimeout());
        long t = T0;
        for (int i = 0; i < 200; i++) {
            added.put(t, 3.14159f + i * 1.1e-6f, 0, 50);
            t += 100;
        }
        final int[] index = {-1};
        g.getBest(t, index);
        assertEquals(1, index[0]);
        added.confidence(t + (long) (1.1 * TIMEOUT_US) + 100);
        assertEquals(DataValidator.ERROR_FLAG_TIMEOUT, added.state() & DataValidator.ERROR_FLAG_TIMEOUT);
        assertEquals(1, g.failoverIndex());
    }

    /** A frozen scalar counts three equal values a frame (its two zero entries too): stale after 33 repeats. */
    @Test
    void frozenScalarIsStaleAfterThirtyThreeRepeats() {
        final DataValidator v = new DataValidator();
        long t = 1;
        v.put(t++, 1.0f, 0, 50);
        v.put(t++, 2.0f, 0, 50);
        for (int k = 1; k <= 32; k++) {
            v.put(t, 2.0f, 0, 50);
            assertEquals(1.0f, v.confidence(t), "repeat " + k);
            t++;
        }
        v.put(t, 2.0f, 0, 50);
        assertEquals(0.0f, v.confidence(t));
        assertEquals(DataValidator.ERROR_FLAG_STALE_DATA, v.state());
    }
}
