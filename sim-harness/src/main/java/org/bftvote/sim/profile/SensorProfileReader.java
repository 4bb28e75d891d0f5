package org.bftvote.sim.profile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.yaml.Checks;
import org.bftvote.sim.yaml.Dimension;
import org.bftvote.sim.yaml.ProfileException;
import org.bftvote.sim.yaml.Unit;
import org.bftvote.sim.yaml.YMap;
import org.bftvote.sim.yaml.YNode;
import org.bftvote.sim.yaml.YamlFiles;

/**
 * Reads and validates a sensor profile file ({@code kind: sensor}).
 */
public final class SensorProfileReader {
    private static final double MAX = Double.MAX_VALUE;

    private SensorProfileReader() {
    }

    /**
     * Reads a sensor profile.
     *
     * @param file the YAML file
     * @return the validated profile
     * @throws ProfileException on any problem, naming file, line and field
     */
    public static SensorProfile read(final Path file) throws ProfileException {
        return read(YamlFiles.readMapping(file, ProfileFiles.display(file)), file);
    }

    /**
     * Reads a sensor profile from an already parsed document.
     *
     * @param root the document root
     * @param file the file it came from
     * @return the validated profile
     * @throws ProfileException on any problem, naming file, line and field
     */
    public static SensorProfile read(final YMap root, final Path file) throws ProfileException {
        ProfileFiles.checkKind(root, "sensor");
        final String name = ProfileFiles.checkName(root, file);
        final String description = root.text("description");
        final Unit unit = signalUnit(root.required("output_unit"));
        final Dimension dim = unit.dimension();
        final double rangeMin = root.quantity("range_min", dim, -MAX, MAX);
        final double rangeMax = root.quantity("range_max", dim, -MAX, MAX);
        if (rangeMin >= rangeMax) {
            throw root.required("range_max").error("expected range_min < range_max");
        }
        final double resolution = root.quantity("resolution", dim, 0.0, rangeMax - rangeMin);
        final double updateRate = root.quantity("update_rate", Dimension.FREQUENCY, Double.MIN_VALUE, MAX);
        final double noiseRms = noise(root, dim, updateRate);
        final double bias = root.quantity("bias", dim, 0.0, MAX);
        final double biasInstability = root.quantity("bias_instability", dim, 0.0, MAX);
        final double latency = root.quantity("latency", Dimension.TIME, 0.0, MAX);
        final List<RatedFailure> modes = new ArrayList<>();
        for (final YNode item : root.required("failure_modes").asList()) {
            final YMap map = item.asMap();
            final FailureKind kind = map.choice("mode", FailureKind.class);
            final double rate = map.quantity("rate", Dimension.FAILURE_RATE, 0.0, MAX);
            final FaultParameters parameters = FaultParametersReader.read(map, kind, dim);
            map.finish();
            modes.add(new RatedFailure(kind, rate, parameters));
        }
        root.finish();
        return new SensorProfile(name, root.node().file(), description, unit, rangeMin, rangeMax, resolution,
            noiseRms, bias, biasInstability, updateRate, latency, modes);
    }

    /**
     * Reads a unit that must be the unit of a measurable signal (angle, rate, acceleration, pressure, length,
     * speed).
     *
     * @param node the node holding the unit symbol
     * @return the unit
     * @throws ProfileException if the symbol names no such unit
     */
    public static Unit signalUnit(final YNode node) throws ProfileException {
        final String symbol = node.asString();
        final Unit unit = Unit.bySymbol(symbol);
        if (unit == null || !unit.dimension().isSignal()) {
            final List<String> allowed = new ArrayList<>();
            for (final Dimension dimension : Dimension.values()) {
                if (dimension.isSignal()) {
                    allowed.addAll(Unit.symbolsOf(dimension));
                }
            }
            throw node.error("unit '" + symbol + "' is not a signal unit (expected one of: "
                + String.join(", ", allowed) + ")");
        }
        return unit;
    }

    /** Noise is given either as RMS per sample or as a density; the density is converted with sqrt(rate). */
    private static double noise(final YMap root, final Dimension dim, final double updateRate)
        throws ProfileException {
        final boolean hasRms = root.has("noise_rms");
        final boolean hasDensity = root.has("noise_density");
        if (hasRms == hasDensity) {
            throw new ProfileException(root.node().file(), root.node().line(), "noise_rms",
                "expected exactly one of noise_rms and noise_density");
        }
        if (hasRms) {
            return root.quantity("noise_rms", dim, 0.0, MAX);
        }
        final Dimension density = dim.noiseDensity();
        final YNode node = root.required("noise_density");
        if (density == null) {
            throw node.error("a noise density is defined only for angular rate and acceleration outputs; "
                + "give noise_rms instead");
        }
        // White noise of density N sampled at fs has a per-sample standard deviation of N * sqrt(fs).
        return Checks.canonicalRange(node, node.asQuantity(density), 0.0, MAX) * Math.sqrt(updateRate);
    }
}
