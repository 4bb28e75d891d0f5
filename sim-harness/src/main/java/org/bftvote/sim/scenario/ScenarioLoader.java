package org.bftvote.sim.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import org.bftvote.sim.profile.BusAttachment;
import org.bftvote.sim.profile.FailureKind;
import org.bftvote.sim.profile.FaultParameters;
import org.bftvote.sim.profile.FaultParametersReader;
import org.bftvote.sim.profile.LossModel;
import org.bftvote.sim.profile.LossModelReader;
import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.ProfileFiles;
import org.bftvote.sim.profile.SignalSpec;
import org.bftvote.sim.yaml.Dimension;
import org.bftvote.sim.yaml.IoReasons;
import org.bftvote.sim.yaml.ProfileException;
import org.bftvote.sim.yaml.Unit;
import org.bftvote.sim.yaml.YMap;
import org.bftvote.sim.yaml.YNode;
import org.bftvote.sim.yaml.YamlFiles;

/**
 * Reads and validates a scenario file ({@code kind: scenario}) against a profile catalog: the platform must exist,
 * every platform signal needs a truth model, fault targets must name lanes, signals and buses of that platform,
 * and expectations must refer to existing faults and signals.
 */
public final class ScenarioLoader {
    private static final double MAX = Double.MAX_VALUE;

    private final ProfileCatalog catalog;

    /**
     * Creates a loader resolving platforms in a catalog.
     *
     * @param catalog the loaded profiles
     */
    public ScenarioLoader(final ProfileCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Loads and validates a scenario file.
     *
     * @param file the YAML file
     * @return the scenario
     * @throws ProfileException on any problem, naming file, line and field
     */
    public Scenario load(final Path file) throws ProfileException {
        final YMap root = YamlFiles.readMapping(file, ProfileFiles.display(file));
        ProfileFiles.checkKind(root, "scenario");
        final String name = ProfileFiles.checkName(root, file);
        final String description = root.text("description");
        final YNode platformNode = root.required("platform");
        final PlatformProfile platform = catalog.platform(platformNode.asString());
        if (platform == null) {
            throw platformNode.error("no platform profile '" + platformNode.asString() + "' (known: "
                + String.join(", ", catalog.platforms().keySet()) + ")");
        }
        final double duration = root.quantity("duration", Dimension.TIME, Double.MIN_VALUE, MAX);
        final String tooLong = Scenario.lengthProblem(duration, platform.frameRate());
        if (tooLong != null) {
            throw root.required("duration").error(tooLong);
        }
        final YNode seedNode = root.required("seed");
        final long seed = seedNode.asLong();
        final List<TruthSpec> truth = readTruth(root.required("truth").asMap(), platform, file);
        final List<FaultInjection> faults = new ArrayList<>();
        if (root.has("faults")) {
            final Set<String> ids = new HashSet<>();
            for (final YNode item : root.required("faults").asList()) {
                final FaultInjection fault = readFault(item.asMap(), platform, duration);
                if (!ids.add(fault.id())) {
                    throw item.error("fault id '" + fault.id() + "' is used twice");
                }
                faults.add(fault);
            }
        }
        RandomFaults random = RandomFaults.OFF;
        if (root.has("random_faults")) {
            final YMap map = root.required("random_faults").asMap();
            random = new RandomFaults(map.required("enabled").asBoolean(), map.number("scale", Double.MIN_VALUE, MAX));
            map.finish();
        }
        Expectations expectations = Expectations.NONE;
        if (root.has("expectations")) {
            expectations = readExpectations(root.required("expectations").asMap(), platform, faults);
        }
        root.finish();
        return new Scenario(name, root.node().file(), description, platform, duration, seed, truth, faults, random,
            expectations);
    }

    private static List<TruthSpec> readTruth(final YMap map, final PlatformProfile platform, final Path file)
        throws ProfileException {
        final List<TruthSpec> result = new ArrayList<>();
        for (final SignalSpec signal : platform.signals()) {
            result.add(readTruthModel(map.required(signal.name()).asMap(), signal, file));
        }
        map.finish();
        return result;
    }

    private static TruthSpec readTruthModel(final YMap map, final SignalSpec signal, final Path file)
        throws ProfileException {
        final Dimension dim = signal.unit().dimension();
        final TruthSpec model = switch (map.choice("model", TruthKind.class)) {
            case CONSTANT -> new TruthSpec.Constant(map.quantity("value", dim, -MAX, MAX));
            case SUM_OF_SINES -> {
                final double offset = map.has("offset") ? map.quantity("offset", dim, -MAX, MAX) : 0.0;
                final List<TruthSpec.Sine> sines = new ArrayList<>();
                for (final YNode item : map.required("components").asList()) {
                    final YMap sine = item.asMap();
                    sines.add(new TruthSpec.Sine(sine.quantity("amplitude", dim, 0.0, MAX),
                        sine.quantity("frequency", Dimension.FREQUENCY, 0.0, MAX),
                        sine.has("phase") ? sine.quantity("phase", Dimension.ANGLE, -MAX, MAX) : 0.0));
                    sine.finish();
                }
                if (sines.isEmpty()) {
                    throw map.required("components").error("expected at least one sine component");
                }
                yield new TruthSpec.SumOfSines(offset, sines);
            }
            case STEP -> new TruthSpec.Step(map.quantity("initial", dim, -MAX, MAX),
                map.quantity("final", dim, -MAX, MAX), map.quantity("at", Dimension.TIME, 0.0, MAX));
            case DOUBLET -> new TruthSpec.Doublet(
                map.has("baseline") ? map.quantity("baseline", dim, -MAX, MAX) : 0.0,
                map.quantity("amplitude", dim, -MAX, MAX), map.quantity("start", Dimension.TIME, 0.0, MAX),
                map.quantity("half_period", Dimension.TIME, Double.MIN_VALUE, MAX));
            case RANDOM_WALK -> new TruthSpec.RandomWalk(map.quantity("initial", dim, signal.rangeMin(),
                signal.rangeMax()), map.quantity("sigma_per_sqrt_s", dim, 0.0, MAX));
            case CSV -> readCsv(map, dim, file);
        };
        map.finish();
        return model;
    }

    private static TruthSpec readCsv(final YMap map, final Dimension dim, final Path scenarioFile)
        throws ProfileException {
        final YNode fileNode = map.required("file");
        final Path parent = scenarioFile.toAbsolutePath().getParent();
        final Path csv = parent.resolve(fileNode.asString()).normalize();
        final String timeColumn = map.text("time_column");
        final Unit timeUnit = map.required("time_unit").asUnit(Dimension.TIME);
        final String valueColumn = map.text("value_column");
        final Unit valueUnit = map.required("value_unit").asUnit(dim);
        final String header;
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            header = reader.readLine();
        } catch (final IOException e) {
            throw fileNode.error("cannot read CSV file " + ProfileFiles.display(csv) + ": " + IoReasons.reason(e));
        }
        final List<String> columns = header == null ? List.of() : Arrays.asList(header.trim().split("\\s*,\\s*"));
        for (final String column : List.of(timeColumn, valueColumn)) {
            if (!columns.contains(column)) {
                throw fileNode.error("CSV file " + ProfileFiles.display(csv) + " has no column '" + column
                    + "' (header: " + columns + ")");
            }
        }
        return new TruthSpec.CsvFile(csv, timeColumn, timeUnit, valueColumn, valueUnit);
    }

    private static FaultInjection readFault(final YMap map, final PlatformProfile platform, final double runSeconds)
        throws ProfileException {
        final String id = map.text("id");
        final double start = map.quantity("at", Dimension.TIME, 0.0, runSeconds);
        final YMap target = map.required("target").asMap();
        final FaultInjection fault;
        if (target.has("bus")) {
            fault = readBusFault(map, target, platform, id, start);
        } else {
            final int lane = lane(target.required("lane"), platform);
            if (target.has("signal")) {
                final YNode signalNode = target.required("signal");
                final SignalSpec signal = platform.signal(signalNode.asString());
                if (signal == null) {
                    throw signalNode.error("platform '" + platform.name() + "' has no signal '"
                        + signalNode.asString() + "' (known: " + signalNames(platform) + ")");
                }
                final FailureKind kind = map.choice("mode", FailureKind.class);
                final FaultParameters parameters = FaultParametersReader.read(map, kind, signal.unit().dimension());
                fault = new FaultInjection.SensorFault(id, start, lane, platform.lanes().get(lane), platform.signals()
                    .indexOf(signal), signal.name(), kind, parameters);
            } else {
                fault = readLaneFault(map, platform, id, start, lane);
            }
        }
        target.finish();
        map.finish();
        return fault;
    }

    private static FaultInjection readLaneFault(final YMap map, final PlatformProfile platform, final String id,
        final double start, final int lane) throws ProfileException {
        final double duration = map.optionalQuantity("duration", Dimension.TIME, Double.MIN_VALUE, MAX);
        final LaneFaultKind kind = map.choice("mode", LaneFaultKind.class);
        if ((kind == LaneFaultKind.REBOOT || kind == LaneFaultKind.STALL) && !Double.isFinite(duration)) {
            throw new ProfileException(map.node().file(), map.node().line(), map.node().path() + ".duration",
                "missing required field: a lane " + kind.yamlName() + " needs a duration (how long the lane computer "
                + "is down); a lane that never comes back is a crash");
        }
        double omission = Double.NaN;
        double offset = Double.NaN;
        double delay = Double.NaN;
        double babble = Double.NaN;
        final List<Integer> victims = new ArrayList<>();
        final List<Double> victimOffsets = new ArrayList<>();
        switch (kind) {
            case OMISSION -> omission = map.number("probability", Double.MIN_VALUE, 1.0);
            case TWO_FACED -> {
                victims.addAll(victims(map.required("victims"), platform, lane));
                final YNode offsetNode = map.required("offset_fraction");
                if (offsetNode.isScalar()) {
                    offset = map.number("offset_fraction", Double.MIN_VALUE, 100.0);
                } else {
                    victimOffsets.addAll(victimOffsets(offsetNode, victims.size()));
                }
            }
            case OFF_SPEC_TIMING -> {
                victims.addAll(victims(map.required("victims"), platform, lane));
                delay = map.quantity("delay", Dimension.TIME, Double.MIN_VALUE, MAX);
            }
            case BABBLING -> babble = map.quantity("rate", Dimension.FREQUENCY, Double.MIN_VALUE, MAX);
            case CRASH, GARBAGE, REBOOT, STALL -> {
                // no parameters besides the duration
            }
        }
        if (kind == LaneFaultKind.TWO_FACED && victimOffsets.isEmpty()) {
            victimOffsets.addAll(Collections.nCopies(victims.size(), offset));
        }
        return new FaultInjection.LaneFault(id, start, duration, lane, platform.lanes().get(lane), kind, omission,
            victims, offset, delay, babble, victimOffsets);
    }

    /** A two-faced lane's offsets, one per victim: a list as long as the victims', each non-zero and at most 100. */
    private static List<Double> victimOffsets(final YNode node, final int victims) throws ProfileException {
        final List<YNode> items = node.asList();
        if (items.size() != victims) {
            throw node.error("expected one offset per victim (" + victims + "), got " + items.size());
        }
        final List<Double> result = new ArrayList<>();
        for (final YNode item : items) {
            final double value = item.asNumber();
            if (!(Math.abs(value) <= 100.0) || value == 0.0) {
                throw item.error("expected an offset fraction from -100 to 100, not 0, got " + value);
            }
            result.add(value);
        }
        return result;
    }

    private static FaultInjection readBusFault(final YMap map, final YMap target, final PlatformProfile platform,
        final String id, final double start) throws ProfileException {
        final YNode busNode = target.required("bus");
        final BusAttachment bus = platform.bus(busNode.asString());
        if (bus == null) {
            final List<String> names = new ArrayList<>();
            for (final BusAttachment attachment : platform.buses()) {
                names.add(attachment.name());
            }
            throw busNode.error("platform '" + platform.name() + "' has no bus '" + busNode.asString() + "' (known: "
                + String.join(", ", names) + ")");
        }
        if (bus.role() == org.bftvote.sim.profile.BusRole.OUTPUT) {
            throw busNode.error("bus '" + bus.name() + "' is the platform's output bus; faults can be injected on its "
                + "exchange and sensor buses only (the output bus is not emulated)");
        }
        String network = null;
        if (target.has("network")) {
            final YNode networkNode = target.required("network");
            network = networkNode.asString();
            if (!bus.profile().redundancy().networks().contains(network)) {
                throw networkNode.error("bus '" + bus.name() + "' has no network '" + network + "' (known: "
                    + String.join(", ", bus.profile().redundancy().networks()) + ")");
            }
        }
        final double duration = map.optionalQuantity("duration", Dimension.TIME, Double.MIN_VALUE, MAX);
        final BusFaultKind kind = map.choice("mode", BusFaultKind.class);
        LossModel loss = null;
        double bitErrorRate = Double.NaN;
        double extraLatency = Double.NaN;
        switch (kind) {
            case LOSS -> loss = LossModelReader.read(map.required("loss"));
            case BIT_ERRORS -> bitErrorRate = map.number("bit_error_rate", 0.0, 1.0);
            case DELAY -> extraLatency = map.quantity("extra_latency", Dimension.TIME, Double.MIN_VALUE, MAX);
            case SILENT -> {
                // no parameters
            }
        }
        return new FaultInjection.BusFault(id, start, duration, bus.name(), network, kind, loss, bitErrorRate,
            extraLatency);
    }

    private static int lane(final YNode node, final PlatformProfile platform) throws ProfileException {
        final int lane = platform.laneIndex(node.asString());
        if (lane < 0) {
            throw node.error("platform '" + platform.name() + "' has no lane '" + node.asString() + "' (known: "
                + String.join(", ", platform.lanes()) + ")");
        }
        return lane;
    }

    private static List<Integer> victims(final YNode node, final PlatformProfile platform, final int faulty)
        throws ProfileException {
        final List<Integer> result = new ArrayList<>();
        for (final YNode item : node.asList()) {
            final int lane = lane(item, platform);
            if (lane == faulty || result.contains(lane)) {
                throw item.error("victims must be distinct lanes other than the faulty one");
            }
            result.add(lane);
        }
        if (result.isEmpty()) {
            throw node.error("expected at least one victim lane");
        }
        return result;
    }

    private static String signalNames(final PlatformProfile platform) {
        final List<String> names = new ArrayList<>();
        for (final SignalSpec signal : platform.signals()) {
            names.add(signal.name());
        }
        return String.join(", ", names);
    }

    private static Expectations readExpectations(final YMap map, final PlatformProfile platform,
        final List<FaultInjection> faults) throws ProfileException {
        final OptionalLong violations = map.has("max_agreement_violations")
            ? OptionalLong.of(map.integer("max_agreement_violations", 0, Integer.MAX_VALUE)) : OptionalLong.empty();
        final Map<String, FaultInjection> byId = new HashMap<>();
        for (final FaultInjection fault : faults) {
            byId.put(fault.id(), fault);
        }
        final List<Expectations.Detection> detections = new ArrayList<>();
        if (map.has("fault_detected_within")) {
            for (final YNode item : map.required("fault_detected_within").asList()) {
                final YMap detection = item.asMap();
                final YNode faultNode = detection.required("fault");
                if (!byId.containsKey(faultNode.asString())) {
                    throw faultNode.error("no fault with id '" + faultNode.asString() + "' in this scenario (known: "
                        + String.join(", ", byId.keySet().stream().sorted().toList()) + ")");
                }
                detections.add(new Expectations.Detection(faultNode.asString(),
                    detection.quantity("time", Dimension.TIME, 0.0, MAX)));
                detection.finish();
            }
        }
        final OptionalDouble availability = map.has("min_availability")
            ? OptionalDouble.of(map.number("min_availability", 0.0, 1.0)) : OptionalDouble.empty();
        final Optional<Boolean> exceeded = map.has("hypothesis_exceeded")
            ? Optional.of(map.required("hypothesis_exceeded").asBoolean()) : Optional.empty();
        final Map<String, Double> rms = new LinkedHashMap<>();
        if (map.has("max_output_error_rms")) {
            final YMap rmsMap = map.required("max_output_error_rms").asMap();
            for (final String signalName : rmsMap.fieldNames()) {
                final SignalSpec signal = platform.signal(signalName);
                if (signal == null) {
                    throw rmsMap.required(signalName).error("platform '" + platform.name() + "' has no signal '"
                        + signalName + "' (known: " + signalNames(platform) + ")");
                }
                rms.put(signalName, rmsMap.quantity(signalName, signal.unit().dimension(), 0.0, MAX));
            }
            rmsMap.finish();
        }
        final OptionalLong falseExclusions = map.has("max_false_exclusions")
            ? OptionalLong.of(map.integer("max_false_exclusions", 0, Integer.MAX_VALUE)) : OptionalLong.empty();
        final Optional<Boolean> lost = map.has("agreement_lost")
            ? Optional.of(map.required("agreement_lost").asBoolean()) : Optional.empty();
        final OptionalLong validity = map.has("max_validity_violations")
            ? OptionalLong.of(map.integer("max_validity_violations", 0, Integer.MAX_VALUE)) : OptionalLong.empty();
        final Expectations.Recovery recovery = readRecoveryExpectations(map);
        map.finish();
        return new Expectations(violations, detections, availability, exceeded, rms, falseExclusions, lost,
            validity, recovery);
    }

    private static Expectations.Recovery readRecoveryExpectations(final YMap map) throws ProfileException {
        return new Expectations.Recovery(count(map, "max_undetected_divergence_frames"),
            count(map, "max_recovery_frames"),
            map.has("recovery_within_bound") ? Optional.of(map.required("recovery_within_bound").asBoolean())
                : Optional.empty(),
            count(map, "max_flag_latency_frames"), count(map, "max_lane_readmissions"));
    }

    private static OptionalLong count(final YMap map, final String name) throws ProfileException {
        return map.has(name) ? OptionalLong.of(map.integer(name, 0, Integer.MAX_VALUE)) : OptionalLong.empty();
    }
}
