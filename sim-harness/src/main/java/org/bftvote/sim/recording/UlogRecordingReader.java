package org.bftvote.sim.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a PX4 ULog recording through a {@link RecordingMap}: each signal is one field of one topic, and every
 * instance ({@code multi_id}) of that topic is one of its channels, in instance order. Each sample's own
 * {@code timestamp} (µs) places it in time; {@link LatestSampleAligner} forms frames at the map's rate. Every sample
 * counts as valid (ULog sensor topics carry no validity flag; a stuck or silent instance shows as frozen or
 * stale).
 */
public final class UlogRecordingReader {
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
                for (int i = 0; i < d.count(); i++) {
                    final double v = d.value(fields[s], i);
                    aligner.add(s, c, (d.timestampUs(i) - first) * 1e-6, scale == 1.0 ? v : v * scale, true);
                }
            }
        }
        final RecordingSource source = new RecordingSource(file.toString(), "ulog", ulog.messages(),
            ulog.truncated(), ulog.note(), LatestSampleAligner.describe(map.frameRateHz()));
        return aligner.frames(map.signals().stream().map(RecordingMap.SignalMap::name).toList(),
            map.signals().stream().map(RecordingMap.SignalMap::unit).toList(), source);
    }
}
