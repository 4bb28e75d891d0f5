package org.bftvote.sim.run;

import org.bftvote.InvalidConfigException;

/**
 * One fault the scenario injects. The faulty unit is channel {@link #lane()} (every lane reads one channel of each
 * signal, so channel index = lane index) of {@link #signal()}, or of every signal when the signal is
 * {@link #ALL_SIGNALS} (a whole-lane fault); or no unit at all, {@link #NO_UNIT} (a bus fault: nothing the lanes could
 * isolate; its effect shows in the message counts).
 *
 * <p>It counts as detected once every lane the oracle calls healthy has excluded the unit: an exclusion of that
 * channel for that signal, for any signal when either side says {@link #ALL_SIGNALS}.
 *
 * @param id         identifier unique within the run, used by expectations ({@code fault_detected_within_s})
 * @param target     the target as the scenario wrote it, for people (for example {@code "lane 2 pitch_rate"})
 * @param kind       fault kind as the scenario wrote it (for example {@code stuck}, {@code byzantine})
 * @param onsetFrame first frame in which the fault is active
 * @param lane       faulty lane / channel index, or {@link #NO_UNIT}
 * @param signal     signal index, or {@link #ALL_SIGNALS}
 */
public record InjectedFault(String id, String target, String kind, long onsetFrame, int lane, int signal) {
    /** Signal index meaning "every signal of the lane". */
    public static final int ALL_SIGNALS = -1;
    /** Lane index meaning "no faulty unit" (a bus fault); its signal is {@link #ALL_SIGNALS}. */
    public static final int NO_UNIT = -1;

    /**
     * Checks the fields.
     *
     * @param id         see the record description
     * @param target     see the record description
     * @param kind       see the record description
     * @param onsetFrame see the record description
     * @param lane       see the record description
     * @param signal     see the record description
     * @throws InvalidConfigException on a blank id, null text, negative onset, lane or signal below their range
     *                                (upper bounds are checked by {@link RunDescriptor})
     */
    public InjectedFault {
        if (id == null || id.isBlank()) {
            throw new InvalidConfigException("fault.id", id, "a non-blank id");
        }
        if (target == null || kind == null) {
            throw new InvalidConfigException("fault." + id + ".target/kind", "null", "target and kind given");
        }
        if (onsetFrame < 0) {
            throw new InvalidConfigException("fault." + id + ".onset_frame", onsetFrame, "onset_frame >= 0");
        }
        if (lane < NO_UNIT || lane == NO_UNIT && signal != ALL_SIGNALS) {
            throw new InvalidConfigException("fault." + id + ".lane", lane,
                "lane >= 0, or -1 (no unit) with signal -1");
        }
        if (signal < ALL_SIGNALS) {
            throw new InvalidConfigException("fault." + id + ".signal", signal, "signal >= -1 (-1 = all)");
        }
    }

    /**
     * @param excludedSignal signal of an exclusion, or {@link #ALL_SIGNALS} for a lane-level exclusion
     * @param channel        the excluded channel (lane)
     * @return whether that exclusion removes this fault's unit
     */
    public boolean matches(final int excludedSignal, final int channel) {
        return channel == lane && (signal == ALL_SIGNALS || excludedSignal == ALL_SIGNALS || excludedSignal == signal);
    }
}
