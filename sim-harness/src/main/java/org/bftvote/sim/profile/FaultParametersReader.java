package org.bftvote.sim.profile;

import java.util.List;
import java.util.Map;

import org.bftvote.sim.yaml.Dimension;
import org.bftvote.sim.yaml.ProfileException;
import org.bftvote.sim.yaml.YMap;

/**
 * Reads the parameters of a sensor failure mode from the mapping that names the mode, in profiles
 * ({@code failure_modes}) and in scenarios (sensor fault injections).
 *
 * <p>Fields each mode takes (quantities in the signal's dimension unless noted; every mode also takes an optional
 * {@code duration}, a time):
 * <ul>
 * <li>stuck: optional {@code value}</li>
 * <li>hard_over: {@code direction} (max or min)</li>
 * <li>null_output, erratic: none</li>
 * <li>ramp_drift: {@code slope_per_s}</li>
 * <li>noise_burst: {@code noise_rms}</li>
 * <li>intermittent_spikes: {@code amplitude}, {@code spike_rate} (frequency), optional {@code spike_width} (time)</li>
 * <li>oscillation: {@code amplitude}, {@code frequency} (frequency)</li>
 * <li>two_faced: {@code spread}</li>
 * <li>bias: {@code offset}</li>
 * </ul>
 * A field a mode does not take is rejected as unknown.
 */
public final class FaultParametersReader {
    private static final double MAX = Double.MAX_VALUE;

    /** Required fields per mode. */
    private static final Map<FailureKind, List<String>> REQUIRED = Map.of(
        FailureKind.STUCK, List.of(),
        FailureKind.HARD_OVER, List.of("direction"),
        FailureKind.NULL_OUTPUT, List.of(),
        FailureKind.RAMP_DRIFT, List.of("slope_per_s"),
        FailureKind.NOISE_BURST, List.of("noise_rms"),
        FailureKind.INTERMITTENT_SPIKES, List.of("amplitude", "spike_rate"),
        FailureKind.OSCILLATION, List.of("amplitude", "frequency"),
        FailureKind.ERRATIC, List.of(),
        FailureKind.TWO_FACED, List.of("spread"),
        FailureKind.BIAS, List.of("offset"));

    private FaultParametersReader() {
    }

    /**
     * Reads the parameters of one mode; the caller still calls {@link YMap#finish()} after reading its own fields.
     *
     * @param map    the mapping holding the mode's fields
     * @param kind   the mode
     * @param signal the dimension of the sensor output or signal the fault acts on
     * @return the parameters, NaN (or null) where the mode takes none
     * @throws ProfileException if a required field is missing, or a field has the wrong unit, type or range
     */
    public static FaultParameters read(final YMap map, final FailureKind kind, final Dimension signal)
        throws ProfileException {
        final List<String> required = REQUIRED.get(kind);
        for (final String field : required) {
            map.required(field);
        }
        final double value = kind == FailureKind.STUCK ? map.optionalQuantity("value", signal, -MAX, MAX) : Double.NaN;
        final HardOverDirection direction = required.contains("direction")
            ? map.choice("direction", HardOverDirection.class) : null;
        final double slope = field(map, required, "slope_per_s", signal, -MAX);
        final double noiseRms = field(map, required, "noise_rms", signal, 0.0);
        final double amplitude = field(map, required, "amplitude", signal, -MAX);
        final double spikeRate = field(map, required, "spike_rate", Dimension.FREQUENCY, Double.MIN_VALUE);
        final double spikeWidth = kind == FailureKind.INTERMITTENT_SPIKES
            ? map.optionalQuantity("spike_width", Dimension.TIME, Double.MIN_VALUE, MAX) : Double.NaN;
        final double frequency = field(map, required, "frequency", Dimension.FREQUENCY, Double.MIN_VALUE);
        final double spread = field(map, required, "spread", signal, 0.0);
        final double offset = field(map, required, "offset", signal, -MAX);
        final double duration = map.optionalQuantity("duration", Dimension.TIME, Double.MIN_VALUE, MAX);
        return new FaultParameters(value, direction, slope, noiseRms, amplitude, spikeRate, spikeWidth, frequency,
            spread, offset, duration);
    }

    private static double field(final YMap map, final List<String> required, final String field,
        final Dimension dimension, final double min) throws ProfileException {
        if (!required.contains(field)) {
            return Double.NaN;
        }
        return map.quantity(field, dimension, min, MAX);
    }
}
