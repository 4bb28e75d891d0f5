package org.bftvote.sim.revote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bftvote.channel.OutputStatus;
import org.bftvote.sim.recording.RecordedFrames;
import org.bftvote.sim.recording.RecordingSource;
import org.bftvote.sim.results.JsonOut;

/**
 * {@code summary.json} of a re-voted recording: what was read (file, format, records, alignment, whether it was read
 * whole), and per signal the statuses, each channel's first exclusion, the known faults' detection, false
 * exclusions, the output against the healthy median, and the closest a channel not known faulty came to the
 * threshold; with a PX4 comparison, what PX4's selector chose. Keys in a fixed order, numbers exact, no
 * timestamps: the same input gives the same bytes. Layout {@value #SCHEMA_VERSION}, described field by field in the
 * JSON Schema {@code schema/recording-summary.schema.json} (a resource of this module).
 */
public final class RecordingSummary {
    /** Layout version, written as {@code schema_version}. */
    public static final int SCHEMA_VERSION = 1;
    /** The file's name. */
    public static final String FILE_NAME = "summary.json";

    private RecordingSummary() {
    }

    /**
     * @param run   the run
     * @param map   the map's name
     * @param px4   the PX4 selection, or {@code null}
     * @param files the files written, relative names
     * @return the JSON text
     */
    public static String toJson(final RevoteRun run, final String map, final Px4Selection px4,
        final List<String> files) {
        final RecordedFrames rec = run.recording();
        final RecordingSource src = rec.source();
        final JsonOut j = new JsonOut().beginObject();
        j.name("schema_version").value(SCHEMA_VERSION);
        j.name("recording").beginObject().name("file").value(src.file()).name("format").value(src.format())
            .name("map").value(map).name("records").value(src.records()).name("truncated").value(src.truncated())
            .name("note").value(src.note()).name("alignment").value(src.alignment()).endObject();
        j.name("frames").beginObject().name("count").value(rec.frames())
            .name("first_t_s").value(rec.frames() == 0 ? Double.NaN : rec.timeS(0))
            .name("last_t_s").value(rec.frames() == 0 ? Double.NaN : rec.timeS(rec.frames() - 1)).endObject();
        j.name("signals").beginArray();
        for (int s = 0; s < rec.signals(); s++) {
            signal(j, run, s, px4);
        }
        j.endArray();
        j.name("events").value(run.events().size());
        j.name("files").beginArray();
        files.forEach(j::value);
        j.endArray();
        return j.endObject().toString();
    }

    private static void signal(final JsonOut j, final RevoteRun run, final int s, final Px4Selection px4) {
        final RecordedFrames rec = run.recording();
        final SignalOutcome o = run.outcomes().get(s);
        j.beginObject().name("name").value(o.name()).name("unit").value(rec.unit(s))
            .name("channels").value(o.channels()).name("miscompare_threshold").value(o.threshold());
        j.name("status_frames").beginObject();
        for (final OutputStatus status : OutputStatus.values()) {
            j.name(status.name()).value(o.statusFrames(status));
        }
        j.endObject().name("availability").value(rec.frames() == 0 ? Double.NaN
            : (double) o.availableFrames() / rec.frames());
        j.name("exclusions").beginArray();
        for (int c = 0; c < o.channels(); c++) {
            if (o.firstExclusion(c) != SignalOutcome.NEVER) {
                j.beginObject().name("channel").value(c).name("frame").value(o.firstExclusion(c))
                    .name("t_s").value(rec.timeS(o.firstExclusion(c))).name("reason").value(o.exclusionReason(c))
                    .endObject();
            }
        }
        j.endArray().name("false_exclusions").value(o.falseExclusions());
        j.name("known_faults").beginArray();
        for (final SignalOutcome.Detection d : o.detections()) {
            j.beginObject().name("channel").value(d.channel()).name("onset_frame").value(d.onsetFrame())
                .name("detection_frame").frameOrNull(d.detectionFrame()).name("latency_s").value(d.latencyS())
                .endObject();
        }
        j.endArray();
        j.name("output_error_vs_healthy_median").beginObject().name("frames").value(o.errorFrames())
            .name("rms").value(o.errorRms()).name("max").value(o.errorMax()).endObject();
        j.name("largest_healthy_deviation").beginObject().name("value").value(o.healthyDeviationMax())
            .name("channel").frameOrNull(o.healthyDeviationChannel())
            .name("frame").frameOrNull(o.healthyDeviationFrame())
            .name("margin_to_threshold").value(o.threshold() - o.healthyDeviationMax()).endObject();
        if (px4 != null) {
            px4.appendTo(j, s);
        }
        j.endObject();
    }

    /**
     * @param file  where to
     * @param run   the run
     * @param map   the map's name
     * @param px4   the PX4 selection, or {@code null}
     * @param files the files written
     * @throws IOException if it cannot be written
     */
    public static void write(final Path file, final RevoteRun run, final String map, final Px4Selection px4,
        final List<String> files) throws IOException {
        Files.writeString(file, toJson(run, map, px4, files), StandardCharsets.UTF_8);
    }
}
