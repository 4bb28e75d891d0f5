package org.bftvote.sim.revote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bftvote.InvalidConfigException;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.sim.recording.RecordedFrames;
import org.bftvote.sim.recording.RecordingException;
import org.bftvote.sim.recording.RecordingMap;
import org.bftvote.sim.recording.RecordingMapReader;
import org.bftvote.sim.recording.Recordings;
import org.bftvote.sim.results.OutputFolder;
import org.bftvote.sim.results.Provenance;
import org.bftvote.sim.yaml.ProfileException;

/**
 * The {@code replay-log} command's work: reads a recording through its map, resolves the channel configuration (the
 * map's recommended file, then {@code --config} on top), re-votes it through the library and writes what
 * {@code run} writes ({@code frames.csv}, {@code signal-<s>.png}, {@code health-<s>.png}, {@code summary.json}),
 * the event log {@code events.csv} and {@code provenance.json}; with {@code --against BASE} also the diff against
 * the configuration BASE gives ({@code diff.csv}, {@code overlay-<s>.png}); with {@code --sweep} instead a table and
 * a heatmap over the grid; with {@code --compare px4} PX4's selection beside bftvote's vote in the CSV, plots and
 * summary.
 */
public final class ReplayLog {
    private ReplayLog() {
    }

    /**
     * What the command asked for.
     *
     * @param recording  the recording
     * @param map        its map
     * @param config     a configuration applied over the map's, or {@code null}
     * @param against    a configuration to diff against (applied over the map's), or {@code null}
     * @param sweep      a sweep grid, or {@code null}
     * @param comparePx4 whether to run PX4's selection beside
     * @param out        the output folder
     * @param force      whether to clear an output folder holding older files
     * @param threads    sweep threads
     * @param arguments  the command line, for the provenance
     */
    public record Request(Path recording, Path map, Path config, Path against, String sweep, boolean comparePx4,
                          Path out, boolean force, int threads, List<String> arguments) {
    }

    /**
     * What it did.
     *
     * @param text      the summary for people
     * @param warning   a warning for standard error (a recording not read whole), or empty
     * @param files     the files written, relative to the output folder
     */
    public record Result(String text, String warning, List<String> files) {
    }

    /**
     * @param r the request
     * @return what was written and the summary
     * @throws ProfileException   if the map or a configuration file is malformed (file, line, field)
     * @throws RecordingException if the recording is malformed (file, line or byte, field)
     * @throws InvalidConfigException if the library refuses the resolved configuration (signal and parameter)
     * @throws IllegalArgumentException if the sweep grid does not parse
     * @throws IOException        if a file cannot be read or written, or the output folder is refused
     */
    public static Result run(final Request r) throws ProfileException, RecordingException, IOException {
        final RecordingMap map = RecordingMapReader.read(r.map());
        final ChannelsConfig mapConfig = map.config() == null ? ChannelsConfig.EMPTY
            : ChannelsConfig.read(Path.of(map.config()));
        final ChannelsConfig config = r.config() == null ? mapConfig : mapConfig.then(ChannelsConfig.read(r.config()));
        final ChannelsConfig against = r.against() == null ? null
            : mapConfig.then(ChannelsConfig.read(r.against()));
        final SweepSpec sweep = r.sweep() == null ? null : SweepSpec.parse(r.sweep());
        final RecordedFrames rec = Recordings.read(r.recording(), map);
        final ChannelConfig[] configs = RecordingRevote.configs(rec, config);
        OutputFolder.prepare(r.out(), r.force());
        provenance(r, map, rec, config).write(r.out());
        final String warning = rec.source().note().isEmpty() ? "" : "warning: " + r.recording() + ": "
            + rec.source().note();
        if (sweep != null) {
            return sweep(r, map, rec, config, sweep, warning);
        }
        final RevoteRun run = RecordingRevote.run(rec, configs, map.knownFaults(), true);
        final Px4Selection px4 = r.comparePx4() ? Px4Selection.run(rec, map.knownFaults()) : null;
        final List<String> files = new ArrayList<>();
        RecordingFiles.frames(r.out().resolve(RecordingFiles.FRAMES_CSV), run, px4);
        files.add(RecordingFiles.FRAMES_CSV);
        RecordingFiles.events(r.out().resolve(RecordingFiles.EVENTS_CSV), run);
        files.add(RecordingFiles.EVENTS_CSV);
        for (final Path p : RecordingPlots.write(r.out(), run, px4)) {
            files.add(p.getFileName().toString());
        }
        String diffText = "";
        if (against != null) {
            final RevoteRun base = RecordingRevote.run(rec, RecordingRevote.configs(rec, against),
                map.knownFaults(), true);
            final ConfigDiff diff = ConfigDiff.of(base, run);
            diff.write(r.out().resolve(ConfigDiff.FILE_NAME));
            files.add(ConfigDiff.FILE_NAME);
            for (final Path p : RecordingPlots.overlays(r.out(), base, run, diff)) {
                files.add(p.getFileName().toString());
            }
            diffText = "against " + r.against() + ":\n" + diff.text(rec);
        }
        files.add(RecordingSummary.FILE_NAME);
        RecordingSummary.write(r.out().resolve(RecordingSummary.FILE_NAME), run, map.name(), px4, files);
        return new Result(RecordingText.of(run, px4) + diffText + "files:   " + r.out() + " ("
            + String.join(", ", files) + ", " + Provenance.FILE_NAME + ")\n", warning, files);
    }

    private static Result sweep(final Request r, final RecordingMap map, final RecordedFrames rec,
        final ChannelsConfig config, final SweepSpec spec, final String warning) throws IOException {
        final List<Sweep.Row> rows = Sweep.run(rec, config, spec, map.knownFaults(), r.threads());
        Sweep.write(r.out().resolve(Sweep.TABLE), spec, rows);
        final List<String> files = new ArrayList<>(List.of(Sweep.TABLE));
        if (SweepHeatmap.write(r.out().resolve(Sweep.HEATMAP), spec, rows)) {
            files.add(Sweep.HEATMAP);
        }
        final StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "sweep of %s over %d points "
            + "(%s)%n", r.recording(), rows.size(), rec.source().alignment()));
        text.append(Sweep.header(spec));
        rows.forEach(row -> text.append(Sweep.line(row)));
        return new Result(text.append("files:   ").append(r.out()).append(" (").append(String.join(", ", files))
            .append(", ").append(Provenance.FILE_NAME).append(")\n").toString(), warning, files);
    }

    private static Provenance provenance(final Request r, final RecordingMap map, final RecordedFrames rec,
        final ChannelsConfig config) throws IOException {
        final Provenance.Builder b = Provenance.builder("replay-log").arguments(r.arguments())
            .input("recording", r.recording()).input("map", r.map());
        if (map.config() != null) {
            b.input("map config", Path.of(map.config()));
        }
        if (r.config() != null) {
            b.input("config", r.config());
        }
        if (r.against() != null) {
            b.input("against", r.against());
        }
        final StringBuilder yaml = new StringBuilder("kind: channels\nsignals:\n");
        for (int s = 0; s < rec.signals(); s++) {
            yaml.append(config.settings(rec.name(s)).toYaml(rec.name(s)));
        }
        return b.configuration(yaml.toString()).build();
    }
}
