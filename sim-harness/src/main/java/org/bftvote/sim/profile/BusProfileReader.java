package org.bftvote.sim.profile;

import java.nio.file.Path;
import java.util.List;

import org.bftvote.sim.yaml.Checks;
import org.bftvote.sim.yaml.Dimension;
import org.bftvote.sim.yaml.ProfileException;
import org.bftvote.sim.yaml.YMap;
import org.bftvote.sim.yaml.YNode;
import org.bftvote.sim.yaml.YamlFiles;

/**
 * Reads and validates a bus profile file ({@code kind: bus}).
 */
public final class BusProfileReader {
    private static final double MAX = Double.MAX_VALUE;

    private BusProfileReader() {
    }

    /**
     * Reads a bus profile.
     *
     * @param file the YAML file
     * @return the validated profile
     * @throws ProfileException on any problem, naming file, line and field
     */
    public static BusProfile read(final Path file) throws ProfileException {
        return read(YamlFiles.readMapping(file, ProfileFiles.display(file)), file);
    }

    /**
     * Reads a bus profile from an already parsed document.
     *
     * @param root the document root
     * @param file the file it came from
     * @return the validated profile
     * @throws ProfileException on any problem, naming file, line and field
     */
    public static BusProfile read(final YMap root, final Path file) throws ProfileException {
        ProfileFiles.checkKind(root, "bus");
        final String name = ProfileFiles.checkName(root, file);
        final String standard = root.text("standard");
        final String description = root.text("description");
        final double bitRate = root.quantity("bit_rate", Dimension.BIT_RATE, Double.MIN_VALUE, MAX);

        final YMap framing = root.required("framing").asMap();
        final int payload = bits(framing, "max_payload");
        final int overhead = bits(framing, "overhead");
        if (payload == 0) {
            throw framing.required("max_payload").error("a frame must carry at least one payload bit");
        }
        framing.finish();

        final double latencyMin = root.quantity("latency_min", Dimension.TIME, 0.0, MAX);
        final double latencyMax = root.quantity("latency_max", Dimension.TIME, 0.0, MAX);
        Checks.ordered(root.required("latency_max"), latencyMin, latencyMax, "latency_min <= latency_max");
        final double jitter = root.quantity("jitter", Dimension.TIME, 0.0, MAX);

        final LossModel loss = LossModelReader.read(root.required("loss"));
        final ErrorModel errors = readErrors(root.required("errors").asMap());
        final Redundancy redundancy = readRedundancy(root.required("redundancy").asMap());
        final Scheduling scheduling = readScheduling(root.required("scheduling").asMap());
        root.finish();
        return new BusProfile(name, root.node().file(), standard, description, bitRate, payload, overhead,
            latencyMin, latencyMax, jitter, loss, errors, redundancy, scheduling);
    }

    private static int bits(final YMap map, final String field) throws ProfileException {
        final YNode node = map.required(field);
        final double bits = Checks.canonicalRange(node, node.asQuantity(Dimension.DATA_SIZE), 0.0, 1.0e6);
        if (bits != Math.rint(bits)) {
            throw node.error("expected a whole number of bits, got " + bits);
        }
        return (int) bits;
    }

    private static ErrorModel readErrors(final YMap map) throws ProfileException {
        final ErrorModel errors = new ErrorModel(map.number("bit_error_rate", 0.0, 1.0),
            map.choice("detection", ErrorDetection.class), map.integer("detects_all_up_to_bits", 0, 64),
            map.number("undetected_fraction", 0.0, 1.0));
        map.finish();
        return errors;
    }

    private static Redundancy readRedundancy(final YMap map) throws ProfileException {
        final List<String> networks = map.texts("networks");
        final YNode networksNode = map.required("networks");
        if (networks.isEmpty()) {
            throw networksNode.error("expected at least one network name");
        }
        if (networks.size() != networks.stream().distinct().count()) {
            throw networksNode.error("network names must be distinct, got " + networks);
        }
        final RedundancyManagement management = map.choice("management", RedundancyManagement.class);
        if ((management == RedundancyManagement.NONE) != (networks.size() == 1)) {
            throw map.required("management").error("'" + management.yamlName() + "' does not fit "
                + networks.size() + " network(s): use 'none' exactly when there is one network");
        }
        final double skewMax = map.optionalQuantity("skew_max", Dimension.TIME, 0.0, MAX);
        int sequenceBits = 0;
        int acceptWindow = 0;
        if (map.has("sequence_numbers")) {
            final YMap sequence = map.required("sequence_numbers").asMap();
            sequenceBits = sequence.integer("bits", 1, 32);
            acceptWindow = sequence.integer("accept_window", 1, 1 << 16);
            sequence.finish();
        }
        map.finish();
        return new Redundancy(networks, management, skewMax, sequenceBits, acceptWindow);
    }

    private static Scheduling readScheduling(final YMap map) throws ProfileException {
        final ScheduleKind kind = map.choice("kind", ScheduleKind.class);
        final double periodMin = map.quantity("period_min", Dimension.TIME, Double.MIN_VALUE, MAX);
        final double periodMax = map.quantity("period_max", Dimension.TIME, Double.MIN_VALUE, MAX);
        Checks.ordered(map.required("period_max"), periodMin, periodMax, "period_min <= period_max");
        double slot = Double.NaN;
        if (kind == ScheduleKind.TIME_TRIGGERED) {
            slot = map.quantity("slot", Dimension.TIME, Double.MIN_VALUE, periodMin);
        }
        map.finish();
        return new Scheduling(kind, periodMin, periodMax, slot);
    }
}
