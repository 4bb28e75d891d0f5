package org.bftvote.sim.emulation;

import java.util.Arrays;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * One lane fault over frames {@code [onsetFrame, endFrame)}. Immutable; build with the factory of the kind.
 *
 * @param kind           what the lane does
 * @param lane           the faulty lane
 * @param onsetFrame     first faulty frame
 * @param endFrame       first healthy frame again ({@link ScheduledFailure#PERMANENT} for never)
 * @param probability    {@code OMISSION}: chance a frame's messages are dropped; else 0
 * @param receiverValues {@code TWO_FACED}: per-receiver offset or value; {@code SOS_TIMING}: per-receiver chance
 *                       of arriving in time; else empty. Indexed by receiver lane
 * @param absolute       {@code TWO_FACED}: {@code receiverValues} are the values sent, not offsets
 * @param extraMessages  {@code BABBLING}: extra messages per frame
 * @param frameOffset    {@code BABBLING}: frame stamp of the extra messages relative to the current frame
 * @param delayUs        {@code SOS_TIMING}: how late the lane transmits, in µs (a receiver that is not a victim
 *                       still accepts the message if its transfer plus this delay meets the bus deadline); else 0
 */
public record LaneFault(LaneFaultMode kind, int lane, long onsetFrame, long endFrame, double probability,
                        double[] receiverValues, boolean absolute, int extraMessages, long frameOffset,
                        double delayUs) {
    private static final double[] NONE = new double[0];

    /**
     * Validates every field; prefer the factories.
     *
     * @param kind           not null
     * @param lane           non-negative
     * @param onsetFrame     non-negative
     * @param endFrame       after {@code onsetFrame}
     * @param probability    0 to 1
     * @param receiverValues finite; copied; probabilities 0 to 1 for {@code SOS_TIMING}
     * @param absolute       see the record
     * @param extraMessages  0 to 1000
     * @param frameOffset    any
     * @param delayUs        finite, non-negative
     */
    public LaneFault {
        Require.notNull("laneFault.kind", kind);
        Require.inRange("laneFault.lane", lane, 0, Integer.MAX_VALUE);
        if (onsetFrame < 0 || endFrame <= onsetFrame) {
            throw new InvalidConfigException("laneFault.endFrame", endFrame, "0 <= laneFault.onsetFrame ("
                + onsetFrame + ") < laneFault.endFrame");
        }
        LossSpec.probability("laneFault.probability", probability);
        receiverValues = receiverValues == null ? NONE : receiverValues.clone();
        for (int i = 0; i < receiverValues.length; i++) {
            Require.finite("laneFault.receiverValues[" + i + "]", receiverValues[i]);
            if (kind == LaneFaultMode.SOS_TIMING) {
                LossSpec.probability("laneFault.receiverValues[" + i + "]", receiverValues[i]);
            }
        }
        if ((kind == LaneFaultMode.TWO_FACED || kind == LaneFaultMode.SOS_TIMING) && receiverValues.length == 0) {
            throw new InvalidConfigException("laneFault.receiverValues", "[]", "one value per receiver lane");
        }
        Require.inRange("laneFault.extraMessages", extraMessages, 0, 1000);
        Require.finiteNonNegative("laneFault.delayUs", delayUs);
    }

    /**
     * @return a copy of the per-receiver values
     */
    @Override
    public double[] receiverValues() {
        return receiverValues.clone();
    }

    /** Per-frame access without copying; 0 for a receiver beyond the array. */
    double receiverValue(final int receiver) {
        return receiver >= 0 && receiver < receiverValues.length ? receiverValues[receiver] : 0.0;
    }

    /**
     * @param frame a frame
     * @return whether this fault is active in it
     */
    public boolean activeAt(final long frame) {
        return frame >= onsetFrame && frame < endFrame;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof LaneFault f && kind == f.kind && lane == f.lane && onsetFrame == f.onsetFrame
            && endFrame == f.endFrame && Double.compare(probability, f.probability) == 0
            && Arrays.equals(receiverValues, f.receiverValues) && absolute == f.absolute
            && extraMessages == f.extraMessages && frameOffset == f.frameOffset
            && Double.compare(delayUs, f.delayUs) == 0;
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + lane) * 31 + Long.hashCode(onsetFrame) + Arrays.hashCode(receiverValues);
    }

    @Override
    public String toString() {
        return "LaneFault[" + kind + ", lane=" + lane + ", frames " + onsetFrame + ".." + endFrame + ", probability="
            + probability + ", receiverValues=" + Arrays.toString(receiverValues) + ", absolute=" + absolute
            + ", extraMessages=" + extraMessages + ", frameOffset=" + frameOffset + ", delayUs=" + delayUs + "]";
    }

    private static LaneFault of(final LaneFaultMode kind, final int lane, final long onset, final long end) {
        return new LaneFault(kind, lane, onset, end, 0.0, NONE, false, 0, 0, 0.0);
    }

    /**
     * @param lane  the lane
     * @param onset first silent frame
     * @return a permanent crash
     */
    public static LaneFault crash(final int lane, final long onset) {
        return of(LaneFaultMode.CRASH, lane, onset, ScheduledFailure.PERMANENT);
    }

    /**
     * @param lane        the lane
     * @param onset       first frame
     * @param end         end frame, exclusive
     * @param probability chance a frame's messages are dropped
     * @return send omissions
     */
    public static LaneFault omission(final int lane, final long onset, final long end, final double probability) {
        return new LaneFault(LaneFaultMode.OMISSION, lane, onset, end, probability, NONE, false, 0, 0, 0.0);
    }

    /**
     * @param lane            the lane
     * @param onset           first frame
     * @param end             end frame, exclusive
     * @param receiverOffsets offset added to every value sent to each receiver
     * @return a two-faced lane
     */
    public static LaneFault twoFaced(final int lane, final long onset, final long end,
                                     final double... receiverOffsets) {
        return new LaneFault(LaneFaultMode.TWO_FACED, lane, onset, end, 0.0, receiverOffsets, false, 0, 0, 0.0);
    }

    /**
     * @param lane           the lane
     * @param onset          first frame
     * @param end            end frame, exclusive
     * @param receiverValues value sent to each receiver in place of every entry
     * @return a two-faced lane sending fixed values
     */
    public static LaneFault twoFacedValues(final int lane, final long onset, final long end,
                                           final double... receiverValues) {
        return new LaneFault(LaneFaultMode.TWO_FACED, lane, onset, end, 0.0, receiverValues, true, 0, 0, 0.0);
    }

    /**
     * @param lane  the lane
     * @param onset first frame
     * @param end   end frame, exclusive
     * @return a lane sending random bytes
     */
    public static LaneFault garbage(final int lane, final long onset, final long end) {
        return of(LaneFaultMode.GARBAGE, lane, onset, end);
    }

    /**
     * @param lane                the lane
     * @param onset               first frame
     * @param end                 end frame, exclusive
     * @param delayUs             how late the lane transmits, µs
     * @param inTimeProbabilities per receiver, the chance that its window still takes the message (0 for a victim,
     *                            whose window closes before the late message arrives); a receiver whose window
     *                            takes it still gets it only if the transfer plus {@code delayUs} meets the deadline
     * @return slightly-off-specification timing
     */
    public static LaneFault sosTiming(final int lane, final long onset, final long end, final double delayUs,
                                      final double... inTimeProbabilities) {
        return new LaneFault(LaneFaultMode.SOS_TIMING, lane, onset, end, 0.0, inTimeProbabilities, false, 0, 0,
            delayUs);
    }

    /**
     * @param lane  the lane
     * @param onset first frame it does not run
     * @param end   first frame it runs again, with its own frame count (behind)
     * @return a stalled lane computer
     */
    public static LaneFault stall(final int lane, final long onset, final long end) {
        return of(LaneFaultMode.STALL, lane, onset, end);
    }

    /**
     * @param lane  the lane
     * @param onset first frame it does not run
     * @param end   first frame it runs again, as a new pipeline that does not know the frame number
     * @return a lane computer that goes down and restarts
     */
    public static LaneFault reboot(final int lane, final long onset, final long end) {
        return of(LaneFaultMode.REBOOT, lane, onset, end);
    }

    /**
     * @param lane          the lane
     * @param onset         first frame
     * @param end           end frame, exclusive
     * @param extraMessages extra messages per frame
     * @param frameOffset   frame stamp offset of the extra messages
     * @return a babbling lane
     */
    public static LaneFault babbling(final int lane, final long onset, final long end, final int extraMessages,
                                     final long frameOffset) {
        return new LaneFault(LaneFaultMode.BABBLING, lane, onset, end, 0.0, NONE, false, extraMessages,
            frameOffset, 0.0);
    }
}
