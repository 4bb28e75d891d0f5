package org.bftvote.sim.recording;

import java.util.List;

/**
 * How to read one recording into signals and channels: which file format, where time is and in which unit, which
 * columns (CSV) or topic fields (ULog) are the channels of each signal, which columns say a channel is valid, how
 * frames are formed, and which channels are known to be faulty (for detection latency and false exclusions).
 * Read from YAML by {@link RecordingMapReader}.
 *
 * @param name        the map's name
 * @param file        the map file as shown in messages
 * @param format      the recording's format
 * @param timeColumn  CSV: the time column; ULog: unused (every topic's {@code timestamp}, µs)
 * @param timeScale   seconds per unit of the time column (CSV; 1e-6 for ULog)
 * @param frameRateHz frames per second for latest-sample alignment, or NaN for one frame per CSV row
 * @param signals     the signals, in output order
 * @param config      the channel configuration file the map recommends, resolved against the map's folder, or
 *                    {@code null} for none
 * @param knownFaults channels known to be faulty, in file order
 */
public record RecordingMap(String name, String file, Format format, String timeColumn, double timeScale,
                           double frameRateHz, List<SignalMap> signals, String config, List<KnownFault> knownFaults) {
    /** Recording formats. */
    public enum Format {
        /** Comma-separated text with a header row, optionally gzip-compressed ({@code .gz}). */
        CSV,
        /** PX4 ULog. */
        ULOG
    }

    /**
     * One voted signal.
     *
     * @param name     signal name, unique in the map
     * @param unit     unit, as text for people
     * @param channels CSV: one column per channel; ULog: empty (the topic's instances are the channels)
     * @param valid    CSV: one column per channel whose non-zero value means valid, or empty for "always valid"
     * @param topic    ULog: the topic; CSV: empty
     * @param field    ULog: the field of the topic; CSV: empty
     * @param scale    every value is multiplied by it (1 for none)
     */
    public record SignalMap(String name, String unit, List<String> channels, List<String> valid, String topic,
                            String field, double scale) {
        /**
         * @param name     see the record description
         * @param unit     see the record description
         * @param channels see the record description
         * @param valid    see the record description
         * @param topic    see the record description
         * @param field    see the record description
         * @param scale    see the record description
         */
        public SignalMap {
            channels = List.copyOf(channels);
            valid = List.copyOf(valid);
        }
    }

    /**
     * A channel known to be faulty from a time on: what detection is measured against.
     *
     * @param signal  the signal's name
     * @param channel the channel index
     * @param fromS   seconds from the recording's first frame at which it is faulty
     * @param why     for people: how it is known
     */
    public record KnownFault(String signal, int channel, double fromS, String why) {
    }

    /**
     * @param name        see the record description
     * @param file        see the record description
     * @param format      see the record description
     * @param timeColumn  see the record description
     * @param timeScale   see the record description
     * @param frameRateHz see the record description
     * @param signals     see the record description
     * @param config      see the record description
     * @param knownFaults see the record description
     */
    public RecordingMap {
        signals = List.copyOf(signals);
        knownFaults = List.copyOf(knownFaults);
    }

    /** @return whether frames are formed at a rate (latest sample) rather than one per row */
    public boolean atRate() {
        return !Double.isNaN(frameRateHz);
    }
}
