package org.bftvote.sim.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a PX4 ULog recording through a {@link RecordingMap}: each signal is one field of one topic, and every
 * instance ({@code multi_id}) of that topic is one of its channels, in instance order. Each sample's own
 * {@code timestamp} (µs) places it in time; {@link LatestSampleAligner} forms frames at the map's rate.
 *
 * <p>Validity: ULog sensor topics carry no validity flag, but PX4's drivers publish a cumulative {@code error_count}
 * (bus and transfer errors of that instance) in {@code sensor_accel}, {@code sensor_gyro}, {@code sensor_mag} and
 * {@code sensor_baro}. Where the topic has that field, a sample is invalid when its instance's {@code error_count}
 * rose since the instance's previous sample (errors happened since the last good reading), or when it exceeds
 * {@value #NO_RETURN_ERROR_COUNT} (PX4's {@code DataValidator} gives such a sensor confidence 0 for good,
 * {@code NORETURN_ERRCOUNT}); an instance's first sample is the baseline (errors before the log began are not this
 * sample's). A frame takes a channel as invalid when any of its samples since the previous frame was
 * ({@link LatestSampleAligner}), so an error between two frames is never lost to a faster sensor. PX4 weighs each
 * increase as one error in a window of 100 samples (its {@code error_density}); here each invalid sample is a bad
 * frame for the channel's persistence counter, so a single error rejects one frame and a burst latches the channel
 * as the configured persistence says. A topic without the field: every sample counts as valid (a stuck or silent
 * instance shows as frozen or stale).
 */
public final class UlogRecordingReader {
    /** An error count above this is PX4's "no return" (DataValidator's {@code NORETURN_ERRCOUNT}). */
    public static final long NO_RETURN_ERROR_COUNT = 10_000;
    /** The field PX4's sensor topics count driver errors in. */
    public static final String ERROR_COUNT_FIELD = "error_count";

    private final Path file;
    private final RecordingMap map;

    /**
     * @param file the recording
     * @param map  how to read it (format {@code ulog})
     */
    public UlogRecordingReader(final Path file, final RecordingMap map) {
        this.file = file;
        this.map = map;
    }

    /**
     * @return the frames
     * @throws RecordingException if the file is not ULog, a definition is malformed, or a topic or field the map
     *                            names is not in it
     * @throws IOException        if it cannot be read
     */
    public RecordedFrames read() throws RecordingException, IOException {
        final Set<String> topics = new LinkedHashSet<>();
        map.signals().forEach(s -> topics.add(s.topic()));
        final UlogFile ulog = UlogFile.read(file, topics);
        final int n = map.signals().size();
        final int[] channels = new int[n];
        final int[] fields = new int[n];
        long first = Long.MAX_VALUE;
        for (int s = 0; s < n; s++) {
            final RecordingMap.SignalMap signal = map.signals().get(s);
            final List<UlogFile.Dataset> instances = ulog.instances(signal.topic());
            if (instances.isEmpty()) {
                throw new RecordingException(file.toString(), "", signal.topic(), "no data of this topic in the "
                    + "file; map " + map.file());
            }
            channels[s] = instances.size();
            fields[s] = instances.get(0).format().indexOf(signal.field());
            if (fields[s] < 0) {
                throw new RecordingException(file.toString(), "", signal.topic() + "." + signal.field(), "the topic "
                    + "has no such field (it has " + String.join(", ", instances.get(0).fieldNames()) + ")");
            }
            for (final UlogFile.Dataset d : instances) {
                first = Math.min(first, d.timestampUs(0));
            }
        }
        final LatestSampleAligner aligner = new LatestSampleAligner(map, channels);
        for (int s = 0; s < n; s++) {
            final double scale = map.signals().get(s).scale();
            final List<UlogFile.Dataset> instances = ulog.instances(map.signals().get(s).topic());
            for (int c = 0; c < instances.size(); c++) {
                final UlogFile.Dataset d = instances.get(c);
                final int errors = d.format().indexOf(ERROR_COUNT_FIELD);
                for (int i = 0; i < d.count(); i++) {
                    final double v = d.value(fields[s], i);
                    aligner.add(s, c, (d.timestampUs(i) - first) * 1e-6, scale == 1.0 ? v : v * scale,
                        errors < 0 || valid(d, errors, i));
                }
            }
        }
        final RecordingSource source = new RecordingSource(file.toString(), "ulog", ulog.messages(),
            ulog.truncated(), ulog.note(), LatestSampleAligner.describe(map.frameRateHz()));
        return aligner.frames(map.signals().stream().map(RecordingMap.SignalMap::name).toList(),
            map.signals().stream().map(RecordingMap.SignalMap::unit).toList(), source);
    }

    /**
     * @return whether sample {@code i} of an instance is valid by its error count: not above
     *         {@link #NO_RETURN_ERROR_COUNT}, and not risen since the previous sample (the first is the baseline)
     */
    static boolean valid(final UlogFile.Dataset d, final int errorField, final int i) {
        final double count = d.value(errorField, i);
        return count <= NO_RETURN_ERROR_COUNT && (i == 0 || count <= d.value(errorField, i - 1));
    }
}
