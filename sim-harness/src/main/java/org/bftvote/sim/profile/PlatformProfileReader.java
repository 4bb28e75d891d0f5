package org.bftvote.sim.profile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bftvote.sim.yaml.Dimension;
import org.bftvote.sim.yaml.ProfileException;
import org.bftvote.sim.yaml.Unit;
import org.bftvote.sim.yaml.YMap;
import org.bftvote.sim.yaml.YNode;
import org.bftvote.sim.yaml.YamlFiles;

/**
 * Reads and validates a platform profile ({@code kind: platform}), resolving its bus and sensor references
 * against already loaded profiles.
 */
public final class PlatformProfileReader {
    private static final double MAX = Double.MAX_VALUE;
    /** Largest clean-frame and readmission count of a lane readmission (the library's bound). */
    private static final int MAX_COUNT = 1_000_000;

    private PlatformProfileReader() {
    }

    /**
     * Reads a platform profile.
     *
     * @param file    the YAML file
     * @param buses   bus profiles by name
     * @param sensors sensor profiles by name
     * @return the validated profile
     * @throws ProfileException on any problem, naming file, line and field
     */
    public static PlatformProfile read(final Path file, final Map<String, BusProfile> buses,
        final Map<String, SensorProfile> sensors) throws ProfileException {
        return read(YamlFiles.readMapping(file, ProfileFiles.display(file)), file, buses, sensors, Set.of());
    }

    /**
     * Reads a platform profile from an already parsed document.
     *
     * @param root    the document root
     * @param file    the file it came from
     * @param buses   bus profiles by name
     * @param sensors sensor profiles by name
     * @param broken  names of bus and sensor profiles whose files exist but are invalid, so that a reference to
     *                one is reported as such rather than as unknown
     * @return the validated profile
     * @throws ProfileException on any problem, naming file, line and field
     */
    public static PlatformProfile read(final YMap root, final Path file, final Map<String, BusProfile> buses,
        final Map<String, SensorProfile> sensors, final Set<String> broken) throws ProfileException {
        ProfileFiles.checkKind(root, "platform");
        final String name = ProfileFiles.checkName(root, file);
        final String description = root.text("description");
        final double frameRate = root.quantity("frame_rate", Dimension.FREQUENCY, Double.MIN_VALUE, MAX);
        final List<String> lanes = root.texts("lanes");
        if (lanes.isEmpty() || new HashSet<>(lanes).size() != lanes.size()) {
            throw root.required("lanes").error("expected at least one lane and distinct lane names, got " + lanes);
        }
        final List<BusAttachment> attachments = readBuses(root.required("buses"), buses, broken);
        final AgreementSettings agreement = readAgreement(root.required("agreement").asMap(), lanes.size());
        final List<SignalSpec> signals = new ArrayList<>();
        final Set<String> signalNames = new HashSet<>();
        for (final YNode item : root.required("signals").asList()) {
            final SignalSpec signal = readSignal(item.asMap(), lanes, sensors, broken);
            if (!signalNames.add(signal.name())) {
                throw item.error("signal '" + signal.name() + "' is defined twice");
            }
            signals.add(signal);
        }
        if (signals.isEmpty()) {
            throw root.required("signals").error("expected at least one signal");
        }
        final List<RatedLaneFailure> laneFailures = new ArrayList<>();
        if (root.has("lane_failure_modes")) {
            for (final YNode item : root.required("lane_failure_modes").asList()) {
                laneFailures.add(readLaneFailure(item.asMap()));
            }
        }
        root.finish();
        return new PlatformProfile(name, root.node().file(), description, frameRate, lanes, attachments, agreement,
            signals, laneFailures);
    }

    private static RatedLaneFailure readLaneFailure(final YMap map) throws ProfileException {
        final LaneFailureKind kind = map.choice("mode", LaneFailureKind.class);
        final double rate = map.quantity("rate", Dimension.FAILURE_RATE, 0.0, 1.0);
        final double duration = map.optionalQuantity("duration", Dimension.TIME, Double.MIN_VALUE, MAX);
        double probability = Double.NaN;
        double offset = Double.NaN;
        double delay = Double.NaN;
        double babble = Double.NaN;
        switch (kind) {
            case OMISSION -> probability = map.number("probability", Double.MIN_VALUE, 1.0);
            case TWO_FACED -> offset = map.number("offset_fraction", Double.MIN_VALUE, 100.0);
            case OFF_SPEC_TIMING -> delay = map.quantity("delay", Dimension.TIME, Double.MIN_VALUE, MAX);
            case BABBLING -> babble = map.quantity("babble_rate", Dimension.FREQUENCY, Double.MIN_VALUE, MAX);
            case CRASH, GARBAGE -> {
                // no parameters
            }
        }
        map.finish();
        return new RatedLaneFailure(kind, rate, duration, probability, offset, delay, babble);
    }

    private static List<BusAttachment> readBuses(final YNode node, final Map<String, BusProfile> buses,
        final Set<String> broken) throws ProfileException {
        final List<BusAttachment> result = new ArrayList<>();
        final Set<String> names = new HashSet<>();
        for (final YNode item : node.asList()) {
            final YMap map = item.asMap();
            final String name = map.text("name");
            if (!names.add(name)) {
                throw map.required("name").error("bus '" + name + "' is defined twice");
            }
            final YNode profileNode = map.required("profile");
            final BusProfile profile = buses.get(profileNode.asString());
            if (profile == null) {
                throw profileNode.error(broken.contains(profileNode.asString())
                    ? "bus profile '" + profileNode.asString() + "' has errors of its own (reported for its file)"
                    : "no bus profile '" + profileNode.asString() + "' (known: "
                    + String.join(", ", buses.keySet()) + ")");
            }
            result.add(new BusAttachment(name, profile, map.choice("role", BusRole.class)));
            map.finish();
        }
        if (result.isEmpty()) {
            throw node.error("expected at least one bus");
        }
        return result;
    }

    private static AgreementSettings readAgreement(final YMap map, final int n) throws ProfileException {
        final AgreementMode mode = map.choice("mode", AgreementMode.class);
        final int m = map.integer("m", 0, n);
        final AgreementSettings settings;
        if (mode == AgreementMode.OM) {
            if (m > 0 && n < 3 * m + 1) {
                throw map.required("m").error("OM(" + m + ") needs n >= 3m+1 = " + (3 * m + 1) + " lanes, the "
                    + "platform has " + n);
            }
            settings = new AgreementSettings(mode, m, m, 0, 0);
        } else {
            final YMap budget = map.required("budget").asMap();
            final int a = budget.integer("asymmetric", 0, n);
            final int s = budget.integer("symmetric", 0, n);
            final int b = budget.integer("benign", 0, n);
            budget.finish();
            if (m < a || n <= 2 * a + 2 * s + b + m) {
                throw map.required("budget").error("OMH needs m >= a and n > 2a + 2s + b + m; got n=" + n + ", m=" + m
                    + ", a=" + a + ", s=" + s + ", b=" + b);
            }
            settings = new AgreementSettings(mode, m, a, s, b);
        }
        final Optional<AgreementSettings.LaneReadmission> readmission = map.has("lane_readmission")
            ? Optional.of(readLaneReadmission(map.required("lane_readmission").asMap())) : Optional.empty();
        map.finish();
        return new AgreementSettings(settings.mode(), settings.m(), settings.asymmetric(), settings.symmetric(),
            settings.benign(), readmission);
    }

    private static AgreementSettings.LaneReadmission readLaneReadmission(final YMap map) throws ProfileException {
        final LaneReadmissionKind policy = map.choice("policy", LaneReadmissionKind.class);
        final AgreementSettings.LaneReadmission readmission = policy == LaneReadmissionKind.NEVER
            ? new AgreementSettings.LaneReadmission(policy, 0, 0)
            : new AgreementSettings.LaneReadmission(policy, map.integer("clean_frames", 1, MAX_COUNT),
                map.integer("max_times", 1, MAX_COUNT));
        map.finish();
        return readmission;
    }

    private static SignalSpec readSignal(final YMap map, final List<String> lanes,
        final Map<String, SensorProfile> sensors, final Set<String> broken) throws ProfileException {
        final String name = map.text("name");
        final Unit unit = SensorProfileReader.signalUnit(map.required("unit"));
        final Dimension dim = unit.dimension();
        final double rangeMin = map.quantity("range_min", dim, -MAX, MAX);
        final double rangeMax = map.quantity("range_max", dim, -MAX, MAX);
        if (rangeMin >= rangeMax) {
            throw map.required("range_max").error("expected range_min < range_max");
        }
        final YMap sensorMap = map.required("sensors").asMap();
        final List<SensorProfile> byLane = new ArrayList<>();
        for (final String lane : lanes) {
            final YNode ref = sensorMap.required(lane);
            final SensorProfile sensor = sensors.get(ref.asString());
            if (sensor == null) {
                throw ref.error(broken.contains(ref.asString())
                    ? "sensor profile '" + ref.asString() + "' has errors of its own (reported for its file)"
                    : "no sensor profile '" + ref.asString() + "' (known: "
                    + String.join(", ", sensors.keySet()) + ")");
            }
            if (sensor.outputUnit().dimension() != dim) {
                throw ref.error("sensor '" + sensor.name() + "' measures " + sensor.outputUnit().dimension()
                    .description() + ", the signal is " + dim.description());
            }
            if (sensor.rangeMin() > rangeMin || sensor.rangeMax() < rangeMax) {
                throw ref.error("sensor '" + sensor.name() + "' range does not cover the signal range");
            }
            byLane.add(sensor);
        }
        sensorMap.finish();
        final ChannelSettings channel = readChannel(map.required("channel").asMap(), dim);
        map.finish();
        return new SignalSpec(name, unit, rangeMin, rangeMax, byLane, channel);
    }

    private static ChannelSettings readChannel(final YMap map, final Dimension dim) throws ProfileException {
        final VoterKind voter = map.choice("voter", VoterKind.class);
        final double threshold = map.quantity("miscompare_threshold", dim, Double.MIN_VALUE, MAX);
        final double rateThreshold = map.optionalQuantity("rate_threshold_per_s", dim, Double.MIN_VALUE, MAX);

        final YMap p = map.required("persistence").asMap();
        final PersistenceKind kind = p.choice("kind", PersistenceKind.class);
        final ChannelSettings.Persistence persistence;
        if (kind == PersistenceKind.CONSECUTIVE) {
            persistence = new ChannelSettings.Persistence(kind, p.integer("frames", 1, 1_000_000), 0, 0, 0);
        } else {
            persistence = new ChannelSettings.Persistence(kind, 0, p.integer("increment", 1, 1_000_000),
                p.integer("decrement", 0, 1_000_000), p.integer("trip", 1, 1_000_000));
        }
        p.finish();

        final YMap r = map.required("reintegration").asMap();
        final ReintegrationKind policy = r.choice("policy", ReintegrationKind.class);
        final int goodFrames = policy == ReintegrationKind.LATCH ? 0 : r.integer("good_frames", 1, 1_000_000);
        r.finish();

        final DuplexPolicyKind duplex = map.choice("duplex_policy", DuplexPolicyKind.class);
        ChannelSettings.FrozenDetection frozen = null;
        if (map.has("frozen_detection")) {
            final YMap f = map.required("frozen_detection").asMap();
            frozen = new ChannelSettings.FrozenDetection(f.integer("window_frames", 2, 1_000_000),
                f.quantity("min_change", dim, 0.0, MAX));
            f.finish();
        }
        map.finish();
        return new ChannelSettings(voter, threshold, rateThreshold, persistence,
            new ChannelSettings.Reintegration(policy, goodFrames), duplex, frozen);
    }
}
