package org.bftvote.sim.recording;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bftvote.sim.yaml.Dimension;
import org.bftvote.sim.yaml.ProfileException;
import org.bftvote.sim.yaml.YMap;
import org.bftvote.sim.yaml.YNode;
import org.bftvote.sim.yaml.YamlFiles;

/**
 * Reads a recording map ({@link RecordingMap}) from YAML, checking every field; a problem is a
 * {@link ProfileException} naming the file, line and field.
 *
 * <pre>
 * kind: recording-map
 * name: ardupilot-cubeorange-mag
 * description: ...                        # optional
 * format: csv                             # csv (plain or .gz) or ulog
 * time: {column: t_ms, unit: ms}          # csv only: the time column and its unit (ns, us, ms, s)
 * frames: rows                            # csv: one frame per row, every channel fresh; or
 * frames: {rate: {value: 10, unit: Hz}}   # frames at a rate, each channel's latest sample (ulog: required)
 * config: ardupilot-cubeorange.channels.yaml   # optional: the channel configuration it recommends
 * signals:
 *   - {name: mag_x, unit: mG, channels: [MagX_0, MagX_1, MagX_2], valid: [Health_0, Health_1, Health_2]}
 *   - {name: accel_x, unit: m/s^2, topic: sensor_accel, field: x}     # ulog: the topic's instances are channels
 *   - {topic: sensor_gyro, fields: [x, y, z], unit: rad/s}           # ulog: one signal per field, topic.field
 * known_faults:                           # optional
 *   - {signal: mag_z, channel: 1, from: {value: 0, unit: s}, why: "..."}
 * </pre>
 */
public final class RecordingMapReader {
    /** The {@code kind} every map declares. */
    public static final String KIND = "recording-map";

    private RecordingMapReader() {
    }

    /**
     * @param path the map file
     * @return the map
     * @throws ProfileException naming file, line and field of the first problem
     */
    public static RecordingMap read(final Path path) throws ProfileException {
        final String shown = path.toString();
        final YMap root = YamlFiles.readMapping(path, shown);
        final YNode kind = root.required("kind");
        if (!KIND.equals(kind.asString())) {
            throw kind.error("expected '" + KIND + "', got '" + kind.asString() + "'");
        }
        final String name = root.text("name");
        root.optional("description");
        final YNode formatNode = root.required("format");
        final RecordingMap.Format format = switch (formatNode.asString()) {
            case "csv" -> RecordingMap.Format.CSV;
            case "ulog" -> RecordingMap.Format.ULOG;
            default -> throw formatNode.error("expected csv or ulog, got '" + formatNode.asString() + "'");
        };
        String timeColumn = "";
        double timeScale = 1e-6;
        if (format == RecordingMap.Format.CSV) {
            final YMap time = root.required("time").asMap();
            timeColumn = time.text("column");
            final YNode unit = time.required("unit");
            timeScale = unit.asUnit(Dimension.TIME).toCanonical(1.0);
            time.finish();
        }
        final double rate = frames(root, format);
        final String config = root.optional("config").isPresent()
            ? resolve(path, root.text("config")) : null;
        final List<RecordingMap.SignalMap> signals = signals(root, format);
        final List<RecordingMap.KnownFault> faults = knownFaults(root, signals);
        root.finish();
        return new RecordingMap(name, shown, format, timeColumn, timeScale, rate, signals, config, faults);
    }

    private static String resolve(final Path map, final String file) {
        final Path dir = map.toAbsolutePath().getParent();
        return dir.resolve(file).normalize().toString();
    }

    private static double frames(final YMap root, final RecordingMap.Format format) throws ProfileException {
        final YNode frames = root.required("frames");
        if (frames.isScalar()) {
            if (!"rows".equals(frames.asString()) || format == RecordingMap.Format.ULOG) {
                throw frames.error(format == RecordingMap.Format.ULOG
                    ? "a ULog recording needs frames at a rate: {rate: {value: 100, unit: Hz}}"
                    : "expected 'rows' or {rate: {value: ..., unit: Hz}}");
            }
            return Double.NaN;
        }
        final YMap m = frames.asMap();
        final double rate = m.quantity("rate", Dimension.FREQUENCY, 1e-3, 1e6);
        m.finish();
        return rate;
    }

    private static List<RecordingMap.SignalMap> signals(final YMap root, final RecordingMap.Format format)
        throws ProfileException {
        final List<RecordingMap.SignalMap> out = new ArrayList<>();
        final Set<String> names = new HashSet<>();
        for (final YNode item : root.required("signals").asList()) {
            final YMap s = item.asMap();
            final List<RecordingMap.SignalMap> made = format == RecordingMap.Format.CSV ? List.of(csvSignal(s))
                : ulogSignals(s);
            s.finish();
            for (final RecordingMap.SignalMap signal : made) {
                if (!names.add(signal.name())) {
                    throw item.error("signal '" + signal.name() + "' appears twice");
                }
                out.add(signal);
            }
        }
        if (out.isEmpty()) {
            throw root.required("signals").error("expected at least one signal");
        }
        return out;
    }

    private static RecordingMap.SignalMap csvSignal(final YMap s) throws ProfileException {
        final String name = s.text("name");
        final String unit = s.optional("unit").isPresent() ? s.text("unit") : "";
        final List<String> channels = s.texts("channels");
        if (channels.isEmpty() || channels.size() > 64) {
            throw s.required("channels").error("expected 1 to 64 columns, got " + channels.size());
        }
        final List<String> valid = s.optional("valid").isPresent() ? s.texts("valid") : List.of();
        if (!valid.isEmpty() && valid.size() != channels.size()) {
            throw s.required("valid").error("expected one column per channel (" + channels.size() + "), got "
                + valid.size());
        }
        return new RecordingMap.SignalMap(name, unit, channels, valid, "", "", scale(s));
    }

    private static List<RecordingMap.SignalMap> ulogSignals(final YMap s) throws ProfileException {
        final String topic = s.text("topic");
        final String unit = s.optional("unit").isPresent() ? s.text("unit") : "";
        final double scale = scale(s);
        if (s.has("fields")) {
            final List<RecordingMap.SignalMap> out = new ArrayList<>();
            for (final String field : s.texts("fields")) {
                out.add(new RecordingMap.SignalMap(topic + "." + field, unit, List.of(), List.of(), topic, field,
                    scale));
            }
            return out;
        }
        final String field = s.text("field");
        final String name = s.optional("name").isPresent() ? s.text("name") : topic + "." + field;
        return List.of(new RecordingMap.SignalMap(name, unit, List.of(), List.of(), topic, field, scale));
    }

    private static double scale(final YMap s) throws ProfileException {
        return s.optional("scale").isPresent() ? s.number("scale", -1e12, 1e12) : 1.0;
    }

    private static List<RecordingMap.KnownFault> knownFaults(final YMap root,
        final List<RecordingMap.SignalMap> signals) throws ProfileException {
        final List<RecordingMap.KnownFault> out = new ArrayList<>();
        if (!root.has("known_faults")) {
            return out;
        }
        for (final YNode item : root.required("known_faults").asList()) {
            final YMap f = item.asMap();
            final YNode signalNode = f.required("signal");
            final String signal = signalNode.asString();
            final RecordingMap.SignalMap spec = signals.stream().filter(x -> x.name().equals(signal)).findFirst()
                .orElseThrow(() -> signalNode.error("no signal '" + signal + "' in this map"));
            final int max = spec.channels().isEmpty() ? 63 : spec.channels().size() - 1;
            final int channel = f.integer("channel", 0, max);
            final double from = f.optional("from").isPresent()
                ? f.quantity("from", Dimension.TIME, 0.0, Double.MAX_VALUE) : 0.0;
            final String why = f.optional("why").isPresent() ? f.text("why") : "";
            f.finish();
            out.add(new RecordingMap.KnownFault(signal, channel, from, why));
        }
        return out;
    }
}
