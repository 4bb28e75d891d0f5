package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Replays the real CubeOrange recordings (three IMUs, barometers and magnetometers; see
 * {@code src/test/resources/real-logs/README.md}) through managers configured as recommended in
 * {@code docs/guides/tune-monitors.md}. Each row is a frame with every channel fresh; each instance's health flag is
 * its validity.
 */
@Tag("MON-5")
class RealLogReplayTest {
    /** Barometer pressure, Pa, 10 Hz: healthy units differ by up to about 90 Pa (60 Pa from the median). */
    static ChannelConfig.Builder barometer() {
        return ChannelConfig.builder(3).range(30_000.0, 110_000.0).rateLimit(200.0).staleLimit(5)
            .frozenDetection(50).miscompareThreshold(150.0).persistence(PersistencePolicy.consecutive(10))
            .duplex(DuplexPolicy.holdLastGood(10));
    }

    /** Magnetometer axis, milligauss, 10 Hz. */
    static ChannelConfig.Builder magnetometerAxis() {
        return ChannelConfig.builder(3).range(-6_500.0, 6_500.0).rateLimit(400.0).staleLimit(5)
            .frozenDetection(50).miscompareThreshold(300.0).persistence(PersistencePolicy.consecutive(10))
            .duplex(DuplexPolicy.holdLastGood(10));
    }

    /** Gyro axis, rad/s, 400 Hz (a 2000 deg/s part). */
    static ChannelConfig.Builder gyroAxis() {
        return ChannelConfig.builder(3).range(-35.0, 35.0).rateLimit(2.0).staleLimit(8)
            .frozenDetection(200).miscompareThreshold(0.15).persistence(PersistencePolicy.leaky(2, 1, 40))
            .duplex(DuplexPolicy.holdLastGood(20));
    }

    /** Accelerometer axis, m/s², 400 Hz (a 16 g part). */
    static ChannelConfig.Builder accelerometerAxis() {
        return ChannelConfig.builder(3).range(-160.0, 160.0).rateLimit(20.0).staleLimit(8)
            .frozenDetection(200).miscompareThreshold(1.0).persistence(PersistencePolicy.leaky(2, 1, 40))
            .duplex(DuplexPolicy.holdLastGood(20));
    }

    /** Replays one quantity and returns the output of the last frame; asserts every frame on the way. */
    private static ChannelOutput replay(final RealLog log, final String field, final String health,
                                        final ChannelConfig config, final long expectFailed) {
        final RecordingListener events = new RecordingListener();
        final ChannelManager m = new ChannelManager(config, events);
        final ChannelOutput out = m.newOutput();
        final double[][] values = new double[3][];
        final double[][] healthy = new double[3][];
        for (int i = 0; i < 3; i++) {
            values[i] = log.column(field + "_" + i);
            healthy[i] = log.column(health + "_" + i);
        }
        final double[] v = new double[3];
        for (int row = 0; row < log.rows(); row++) {
            long valid = 0;
            for (int i = 0; i < 3; i++) {
                v[i] = values[i][row];
                valid |= healthy[i][row] == 1.0 ? 1L << i : 0L;
            }
            m.update(row, v, valid, 0b111, out);
            final String where = field + " row " + row + " " + events.events;
            assertEquals(0L, out.failedMask() & ~expectFailed, where);
            assertEquals(0L, out.rejectedMask(), where);
            assertTrue(out.status() != OutputStatus.INVALID && out.status() != OutputStatus.NO_MAJORITY, where);
        }
        assertEquals(expectFailed, out.failedMask(), field + " " + events.events);
        return out;
    }

    @Test
    void noImuAxisIsEverExcluded() {
        final RealLog imu = RealLog.load("carbonix_cubeorange_IMU_3x400Hz_excerpt.csv.gz");
        assertEquals(36_000, imu.rows());
        for (final String axis : new String[] {"GyrX", "GyrY", "GyrZ"}) {
            final ChannelOutput out = replay(imu, axis, "GH", gyroAxis().build(), 0L);
            assertEquals(OutputStatus.NORMAL, out.status());
        }
        for (final String axis : new String[] {"AccX", "AccY", "AccZ"}) {
            final ChannelOutput out = replay(imu, axis, "AH", accelerometerAxis().build(), 0L);
            assertEquals(OutputStatus.NORMAL, out.status());
        }
    }

    @Test
    void noBarometerIsEverExcludedDespiteTheirSteadyOffsets() {
        final RealLog baro = RealLog.load("carbonix_cubeorange_BARO_3x10Hz.csv");
        replay(baro, "Press", "Health", barometer().build(), 0L);
    }

    @Test
    void theInconsistentMagnetometerIsExcludedOnItsZAxisOnly() {
        final RealLog mag = RealLog.load("carbonix_cubeorange_MAG_3x10Hz.csv");
        replay(mag, "MagX", "Health", magnetometerAxis().build(), 0L);
        replay(mag, "MagY", "Health", magnetometerAxis().build(), 0L);
        final RecordingListener events = new RecordingListener();
        final ChannelManager z = new ChannelManager(magnetometerAxis().build(), events);
        final ChannelOutput out = z.newOutput();
        final double[] v = new double[3];
        for (int row = 0; row < mag.rows(); row++) {
            for (int i = 0; i < 3; i++) {
                v[i] = mag.column("MagZ_" + i)[row];
            }
            z.update(row, v, 0b111, 0b111, out);
            assertEquals(row >= 9, out.isFailed(1), "row " + row);
            assertEquals(0L, out.failedMask() & 0b101, "row " + row);
            assertTrue(out.status() == OutputStatus.NORMAL || out.status() == OutputStatus.DEGRADED, "row " + row);
            final double lo = Math.min(v[0], v[2]);
            final double hi = Math.max(v[0], v[2]);
            assertTrue(out.value() >= lo && out.value() <= hi, "never follows instance 1, row " + row);
        }
        assertEquals(ExclusionReason.MISCOMPARE, out.failureReason(1));
        assertEquals(java.util.List.of("failed 0 9 ch1 MISCOMPARE"), events.starting("failed"));
    }
}
