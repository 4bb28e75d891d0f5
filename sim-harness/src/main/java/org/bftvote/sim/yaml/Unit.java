package org.bftvote.sim.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit accepted in profile and scenario files, with its dimension and its factor to the canonical unit.
 *
 * <p>The symbols are the exact strings written in YAML ({@code unit: us}). Only the units listed here are accepted;
 * an unknown symbol or one of the wrong dimension is a {@link ProfileException}.
 */
public enum Unit {
    /** Nanosecond. */
    NANOSECOND("ns", Dimension.TIME, 1e-9),
    /** Microsecond. */
    MICROSECOND("us", Dimension.TIME, 1e-6),
    /** Millisecond. */
    MILLISECOND("ms", Dimension.TIME, 1e-3),
    /** Second. */
    SECOND("s", Dimension.TIME, 1.0),
    /** Minute. */
    MINUTE("min", Dimension.TIME, 60.0),
    /** Hour. */
    HOUR("h", Dimension.TIME, 3600.0),
    /** Hertz. */
    HERTZ("Hz", Dimension.FREQUENCY, 1.0),
    /** Kilohertz. */
    KILOHERTZ("kHz", Dimension.FREQUENCY, 1e3),
    /** Bit per second. */
    BIT_PER_SECOND("bit/s", Dimension.BIT_RATE, 1.0),
    /** Kilobit per second. */
    KILOBIT_PER_SECOND("kbit/s", Dimension.BIT_RATE, 1e3),
    /** Megabit per second. */
    MEGABIT_PER_SECOND("Mbit/s", Dimension.BIT_RATE, 1e6),
    /** Bit. */
    BIT("bit", Dimension.DATA_SIZE, 1.0),
    /** Byte (8 bits). */
    BYTE("byte", Dimension.DATA_SIZE, 8.0),
    /** Failures per flight hour. */
    PER_FLIGHT_HOUR("per_flight_hour", Dimension.FAILURE_RATE, 1.0),
    /** Degree. */
    DEGREE("deg", Dimension.ANGLE, 1.0),
    /** Radian. */
    RADIAN("rad", Dimension.ANGLE, 180.0 / Math.PI),
    /** Degree per second. */
    DEGREE_PER_SECOND("deg/s", Dimension.ANGULAR_RATE, 1.0),
    /** Degree per hour (gyro bias figures). */
    DEGREE_PER_HOUR("deg/h", Dimension.ANGULAR_RATE, 1.0 / 3600.0),
    /** Radian per second. */
    RADIAN_PER_SECOND("rad/s", Dimension.ANGULAR_RATE, 180.0 / Math.PI),
    /** Metre per second squared. */
    METRE_PER_SECOND_SQUARED("m/s^2", Dimension.ACCELERATION, 1.0),
    /** Standard gravity, 9.80665 m/s^2. */
    STANDARD_GRAVITY("g", Dimension.ACCELERATION, 9.80665),
    /** Milli-g. */
    MILLI_G("mg", Dimension.ACCELERATION, 9.80665e-3),
    /** Micro-g. */
    MICRO_G("ug", Dimension.ACCELERATION, 9.80665e-6),
    /** Pascal. */
    PASCAL("Pa", Dimension.PRESSURE, 1.0),
    /** Hectopascal. */
    HECTOPASCAL("hPa", Dimension.PRESSURE, 100.0),
    /** Kilopascal. */
    KILOPASCAL("kPa", Dimension.PRESSURE, 1000.0),
    /** Metre. */
    METRE("m", Dimension.LENGTH, 1.0),
    /** Millimetre. */
    MILLIMETRE("mm", Dimension.LENGTH, 1e-3),
    /** Foot. */
    FOOT("ft", Dimension.LENGTH, 0.3048),
    /** Metre per second. */
    METRE_PER_SECOND("m/s", Dimension.SPEED, 1.0),
    /** Knot. */
    KNOT("kt", Dimension.SPEED, 1852.0 / 3600.0),
    /** Angle random walk in degree per root hour: 1 deg/sqrt(h) = 1/60 (deg/s)/sqrt(Hz). */
    DEGREE_PER_ROOT_HOUR("deg/sqrt(h)", Dimension.ANGULAR_RATE_NOISE_DENSITY, 1.0 / 60.0),
    /** Rate noise density in (deg/s)/sqrt(Hz). */
    DEGREE_PER_SECOND_PER_ROOT_HERTZ("deg/s/sqrt(Hz)", Dimension.ANGULAR_RATE_NOISE_DENSITY, 1.0),
    /** Velocity random walk in (m/s)/sqrt(h): 1 m/s/sqrt(h) = 1/60 (m/s^2)/sqrt(Hz). */
    METRE_PER_SECOND_PER_ROOT_HOUR("m/s/sqrt(h)", Dimension.ACCELERATION_NOISE_DENSITY, 1.0 / 60.0),
    /** Acceleration noise density in (m/s^2)/sqrt(Hz). */
    METRE_PER_SECOND_SQUARED_PER_ROOT_HERTZ("m/s^2/sqrt(Hz)", Dimension.ACCELERATION_NOISE_DENSITY, 1.0),
    /** Acceleration noise density in micro-g per root hertz. */
    MICRO_G_PER_ROOT_HERTZ("ug/sqrt(Hz)", Dimension.ACCELERATION_NOISE_DENSITY, 9.80665e-6);

    private final String symbol;
    private final Dimension dimension;
    private final double toCanonical;

    Unit(final String symbol, final Dimension dimension, final double toCanonical) {
        this.symbol = symbol;
        this.dimension = dimension;
        this.toCanonical = toCanonical;
    }

    /**
     * Returns the symbol as written in YAML.
     *
     * @return the symbol
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Returns the dimension of this unit.
     *
     * @return the dimension
     */
    public Dimension dimension() {
        return dimension;
    }

    /**
     * Converts a value in this unit to the canonical unit of its dimension.
     *
     * @param value the value in this unit
     * @return the value in the canonical unit
     */
    public double toCanonical(final double value) {
        return value * toCanonical;
    }

    /**
     * Converts a value in the canonical unit of this unit's dimension to this unit.
     *
     * @param canonical the value in the canonical unit
     * @return the value in this unit
     */
    public double fromCanonical(final double canonical) {
        return canonical / toCanonical;
    }

    /**
     * Finds a unit by its exact symbol.
     *
     * @param symbol the symbol, case-sensitive
     * @return the unit, or null when no unit has this symbol
     */
    public static Unit bySymbol(final String symbol) {
        for (final Unit unit : values()) {
            if (unit.symbol.equals(symbol)) {
                return unit;
            }
        }
        return null;
    }

    /**
     * Lists the symbols of all units of one dimension, in declaration order.
     *
     * @param dimension the dimension
     * @return the symbols
     */
    public static List<String> symbolsOf(final Dimension dimension) {
        final List<String> symbols = new ArrayList<>();
        for (final Unit unit : values()) {
            if (unit.dimension == dimension) {
                symbols.add(unit.symbol);
            }
        }
        return symbols;
    }
}
