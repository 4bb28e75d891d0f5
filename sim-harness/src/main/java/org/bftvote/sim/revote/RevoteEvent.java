package org.bftvote.sim.revote;

/**
 * One line of the event log: something the monitor decided about a channel or a signal, when, why, and how far the
 * value was from the threshold that decided it.
 *
 * @param frame     the frame
 * @param timeS     its time, seconds from the recording's first frame
 * @param signal    signal index
 * @param channel   channel index, or -1 for an event of the whole signal
 * @param event     {@code failed}, {@code readmitted}, {@code rejected}, {@code accepted}, {@code status} or
 *                  {@code redundancy}
 * @param reason    the library's reason ({@code MISCOMPARE}, {@code STALE}, ...) or the new state
 *                  ({@code NORMAL -> DEGRADED})
 * @param value     the channel's value in that frame (NaN for a signal event)
 * @param reference the median the channel was compared with (NaN when none)
 * @param margin    how far inside its threshold the value was: threshold − |value − reference| for a miscompare,
 *                  the distance inside the range for a range check (negative: beyond it); NaN when no threshold
 *                  applies
 */
public record RevoteEvent(int frame, double timeS, int signal, int channel, String event, String reason,
                          double value, double reference, double margin) {
}
