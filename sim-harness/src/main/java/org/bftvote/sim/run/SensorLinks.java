package org.bftvote.sim.run;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.bftvote.sim.emulation.DeliveryOutcome;
import org.bftvote.sim.emulation.SampleLink;

/**
 * What each lane receives of its sensors' samples over its {@link SensorBuses sensor bus}: every fresh sample is sent
 * as its 8-byte IEEE-754 double; what arrives is what the lane reads.
 *
 * <ul>
 *   <li>delivered: the sample as the sensor produced it;</li>
 *   <li>lost, late (after the frame's deadline) or corrupted and caught by the bus's error detection: nothing new
 *       arrives, so the lane keeps reading the last sample it received, and the reading is not fresh — the same as a
 *       frame between two samples of a slow sensor;</li>
 *   <li>corrupted and not caught: the flipped bytes, decoded as a double, are a fresh sample — possibly far out of
 *       range, NaN or infinite — held until the next sample arrives; while the lane holds such a value,
 *       {@link #corrupted} says so, for the oracle (a transient fault of that channel).</li>
 * </ul>
 *
 * With no sensor bus, or while every sample is delivered, the lane reads exactly what the sensor reports. Counts per
 * frame by outcome ({@link #count}). Allocates nothing per sample. Not thread safe.
 */
final class SensorLinks {
    private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
        ByteOrder.LITTLE_ENDIAN);
    private static final int OUTCOMES = DeliveryOutcome.values().length;

    private final SensorBuses buses;
    private final int signals;
    private final byte[] payload = new byte[SensorBuses.PAYLOAD_BYTES];
    private final long[] counts = new long[OUTCOMES];
    /** Per (lane, signal): the lane reads a held value instead of the sensor's report. */
    private final boolean[] holding;
    private final double[] heldValue;
    private final boolean[] heldValid;
    /** Per (lane, signal): the lane holds a corrupted sample. */
    private final boolean[] corrupt;
    /** Samples sent this frame (the delivered ones are not counted one by one). */
    private long sent;
    private SampleLink[] laneLinks;
    private boolean valid;
    private boolean fresh;

    /**
     * @param buses   the lanes' sensor buses, or null for none (every sample arrives as produced)
     * @param lanes   lanes
     * @param signals signals per lane
     */
    SensorLinks(final SensorBuses buses, final int lanes, final int signals) {
        this.buses = buses;
        this.signals = signals;
        this.holding = new boolean[lanes * signals];
        this.heldValue = new double[lanes * signals];
        this.heldValid = new boolean[lanes * signals];
        this.corrupt = new boolean[lanes * signals];
    }

    /** Starts a frame: the per-frame counts restart at zero. */
    void beginFrame() {
        java.util.Arrays.fill(counts, 0L);
        sent = 0;
    }

    /**
     * Starts a lane's samples of the frame (the bus form in force for the lane this frame is looked up once).
     *
     * @param frame the frame
     * @param lane  the lane whose samples follow
     */
    void beginLane(final long frame, final int lane) {
        laneLinks = buses == null ? null : buses.links(frame, lane);
    }

    /**
     * Carries one sensor's report of this frame to the lane of the last {@link #beginLane}. Read {@link #valid()}
     * and {@link #fresh()} after.
     *
     * @param lane          the receiving lane
     * @param signal        the signal (the sensor unit's index on the lane's bus)
     * @param value         the value the sensor reports to this lane
     * @param sensorValid   whether the sensor flags it valid
     * @param sensorFresh   whether it is a new sample (only new samples travel)
     * @param previous      what the lane read in the previous frame (held if nothing new arrives)
     * @param previousValid whether that was flagged valid
     * @return the value the lane reads
     */
    double receive(final int lane, final int signal, final double value, final boolean sensorValid,
        final boolean sensorFresh, final double previous, final boolean previousValid) {
        final int i = lane * signals + signal;
        if (laneLinks == null || !sensorFresh && !holding[i]) {
            // No bus, or between samples with the last one received intact: the lane reads what the sensor reports.
            valid = sensorValid;
            fresh = sensorFresh;
            return value;
        }
        if (sensorFresh) {
            final SampleLink link = laneLinks[signal];
            final DeliveryOutcome outcome = link.send();
            sent++;
            if (outcome == DeliveryOutcome.DELIVERED) {
                if (holding[i]) {
                    holding[i] = false;
                    corrupt[i] = false;
                }
                valid = sensorValid;
                fresh = true;
                return value;
            }
            counts[outcome.ordinal()]++;
            holding[i] = true;
            if (outcome == DeliveryOutcome.CORRUPTED_UNDETECTED) {
                LE_LONG.set(payload, 0, Double.doubleToRawLongBits(value));
                link.damage(payload, 0, payload.length);
                corrupt[i] = true;
                heldValue[i] = Double.longBitsToDouble((long) LE_LONG.get(payload, 0));
                heldValid[i] = sensorValid;
                valid = sensorValid;
                fresh = true;
                return heldValue[i];
            }
            // Lost, late, or caught by the bus's checks: nothing new arrived, so the lane keeps what it read last
            // (a corrupted sample stays corrupt).
            heldValue[i] = previous;
            heldValid[i] = previousValid;
        }
        valid = heldValid[i];
        fresh = false;
        return heldValue[i];
    }

    /** @return whether the reading last returned by {@link #receive} is flagged valid */
    boolean valid() {
        return valid;
    }

    /** @return whether the reading last returned by {@link #receive} is a new sample */
    boolean fresh() {
        return fresh;
    }

    /**
     * @param lane   a lane
     * @param signal a signal
     * @return whether the lane reads, this frame, a sample its sensor bus corrupted without detecting it
     */
    boolean corrupted(final int lane, final int signal) {
        return buses != null && corrupt[lane * signals + signal];
    }

    /**
     * @param outcome a {@link DeliveryOutcome} ordinal
     * @return samples with that outcome on every lane's sensor bus this frame
     */
    long count(final int outcome) {
        if (outcome == DeliveryOutcome.DELIVERED.ordinal()) {
            long other = 0;
            for (final long c : counts) {
                other += c;
            }
            return sent - other;
        }
        return counts[outcome];
    }
}
