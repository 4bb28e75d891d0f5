package org.bftvote.sim.revote;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.yaml.ProfileException;
import org.bftvote.sim.yaml.YMap;
import org.bftvote.sim.yaml.YNode;
import org.bftvote.sim.yaml.YamlFiles;

/**
 * A channel configuration file: redundancy-management settings per signal, keyed by a signal name or a prefix
 * pattern ending in {@code *} ({@code "gyro_*"}). For a signal, every entry that matches it applies in file order,
 * each overriding the fields it gives; an exact name usually comes after the patterns. A second file given with
 * {@code --config} applies the same way on top, so it need only name what it changes. Immutable.
 *
 * <pre>
 * kind: channels
 * signals:
 *   "mag_*":
 *     voter: mid_value_select              # median | fault_tolerant_midpoint | fault_tolerant_mean | interval_fusion
 *     range: [-6500, 6500]                 # the signal's unit
 *     rate_limit: 400                      # largest change per frame
 *     stale_limit: 5                       # frames without a fresh sample before STALE
 *     frozen_frames: 50                    # 0 = no frozen check
 *     miscompare_threshold: 300
 *     persistence: {consecutive: 10}       # or {leaky: {up: 2, down: 1, trip: 40}}
 *     duplex: {hold_last_good: 10}         # or {select_by_priority: [0, 1, 2]}
 *     reintegration: latch                 # or {after_good_frames: 500, max: 3}
 *     status_hold: 2                       # NORMAL held through 2 frames of rejections; 0 = off
 * </pre>
 *
 * <p>A trace's recorded configuration also carries the lanes' {@code agreement} (lanes, m, mode, fault budget,
 * lane-exclusion persistence); see {@link AgreementSpec}.
 *
 * @param file      the file as shown in messages, or empty for a configuration made in code
 * @param entries   the entries in file order
 * @param agreement the agreement block, or {@code null} when the file has none
 */
public record ChannelsConfig(String file, List<Entry> entries, AgreementSpec agreement) {
    /** The {@code kind} every configuration file declares. */
    public static final String KIND = "channels";
    /** A configuration with no entries. */
    public static final ChannelsConfig EMPTY = new ChannelsConfig("", List.of(), null);

    /**
     * One entry.
     *
     * @param key      a signal name, or a prefix ending in {@code *}
     * @param settings what it sets
     */
    public record Entry(String key, SignalSettings settings) {
        boolean matches(final String signal) {
            return key.endsWith("*") ? signal.startsWith(key.substring(0, key.length() - 1)) : key.equals(signal);
        }
    }

    /**
     * @param file      see the record description
     * @param entries   see the record description
     * @param agreement see the record description
     */
    public ChannelsConfig {
        entries = List.copyOf(entries);
    }

    /**
     * @param signal a signal name
     * @return what this configuration sets for it
     */
    public SignalSettings settings(final String signal) {
        SignalSettings s = SignalSettings.NONE;
        for (final Entry e : entries) {
            if (e.matches(signal)) {
                s = s.over(e.settings());
            }
        }
        return s;
    }

    /**
     * @param signal a signal name
     * @return whether an entry names it or a pattern matches it
     */
    public boolean covers(final String signal) {
        return entries.stream().anyMatch(e -> e.matches(signal));
    }

    /**
     * @param override a configuration whose entries apply after these
     * @return both, this one's entries first
     */
    public ChannelsConfig then(final ChannelsConfig override) {
        final List<Entry> all = new ArrayList<>(entries);
        all.addAll(override.entries);
        return new ChannelsConfig(file.isEmpty() ? override.file : file, all,
            agreement != null ? agreement : override.agreement);
    }

    /**
     * @param signal   a signal name
     * @param settings settings to apply after every entry of this configuration
     * @return this configuration with one more entry
     */
    public ChannelsConfig with(final String signal, final SignalSettings settings) {
        final List<Entry> all = new ArrayList<>(entries);
        all.add(new Entry(signal, settings));
        return new ChannelsConfig(file, all, agreement);
    }

    /**
     * Reads a configuration file.
     *
     * @param path the file
     * @return the configuration
     * @throws ProfileException naming file, line and field of the first problem
     */
    public static ChannelsConfig read(final Path path) throws ProfileException {
        return of(YamlFiles.readMapping(path, path.toString()), path.toString());
    }

    /**
     * Reads a configuration from text (the one a trace records).
     *
     * @param text  the YAML
     * @param shown how it is named in messages
     * @return the configuration
     * @throws ProfileException naming the line and field of the first problem
     */
    public static ChannelsConfig parse(final String text, final String shown) throws ProfileException {
        return of(YamlFiles.readMapping(text, shown), shown);
    }

    private static ChannelsConfig of(final YMap root, final String shown) throws ProfileException {
        final YNode kind = root.required("kind");
        if (!KIND.equals(kind.asString())) {
            throw kind.error("expected '" + KIND + "', got '" + kind.asString() + "'");
        }
        root.optional("description");
        final AgreementSpec agreement = root.has("agreement") ? AgreementSpec.read(root.required("agreement").asMap())
            : null;
        final YMap signals = root.required("signals").asMap();
        final List<Entry> entries = new ArrayList<>();
        for (final String key : signals.fieldNames()) {
            entries.add(new Entry(key, SettingsReader.read(signals.required(key).asMap())));
        }
        signals.finish();
        root.finish();
        return new ChannelsConfig(shown, entries, agreement);
    }
}
