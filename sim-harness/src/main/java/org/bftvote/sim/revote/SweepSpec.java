package org.bftvote.sim.revote;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep's grid, as written on the command line: {@code threshold=0.1:1.0:0.1,persistence=5,10,20,50} is the
 * miscompare threshold from 0.1 to 1.0 in steps of 0.1 (both ends included; steps added in decimal, so 0.3 is
 * 0.3) times the consecutive persistence 5, 10, 20 and 50 frames: 40 points, the first parameter varying slowest.
 * A parameter may name one signal, {@code mag_z.threshold=...}; otherwise it applies to every signal.
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>sets</th></tr>
 *   <tr><td>{@code threshold}</td><td>{@code miscompare_threshold}</td></tr>
 *   <tr><td>{@code persistence}</td><td>{@code persistence: {consecutive: N}}</td></tr>
 *   <tr><td>{@code stale}</td><td>{@code stale_limit}</td></tr>
 *   <tr><td>{@code frozen}</td><td>{@code frozen_frames}</td></tr>
 *   <tr><td>{@code rate}</td><td>{@code rate_limit}</td></tr>
 * </table>
 *
 * @param parameters the parameters in the order given
 */
public record SweepSpec(List<Parameter> parameters) {
    /** Most points a sweep may have. */
    public static final int MAX_POINTS = 100_000;
    private static final List<String> NAMES = List.of("threshold", "persistence", "stale", "frozen", "rate");

    /**
     * One swept parameter.
     *
     * @param signal the signal it is restricted to, or {@code *} for every signal
     * @param name   the parameter's name
     * @param values its values in order
     */
    public record Parameter(String signal, String name, List<Double> values) {
        /** @return the parameter as written, {@code threshold} or {@code mag_z.threshold} */
        public String label() {
            return "*".equals(signal) ? name : signal + "." + name;
        }

        /**
         * @param value one of its values
         * @return settings that set it
         */
        SignalSettings settings(final double value) {
            final Integer n = (int) Math.round(value);
            return switch (name) {
                case "threshold" -> new SignalSettings(null, null, null, null, null, null, value, null, null, null,
                    null, null, null, null, null, null, null);
                case "persistence" -> new SignalSettings(null, null, null, null, null, null, null, "consecutive", n,
                    null, null, null, null, null, null, null, null);
                case "stale" -> new SignalSettings(null, null, null, null, n, null, null, null, null, null, null,
                    null, null, null, null, null, null);
                case "frozen" -> new SignalSettings(null, null, null, null, null, n, null, null, null, null, null,
                    null, null, null, null, null, null);
                case "rate" -> new SignalSettings(null, null, null, value, null, null, null, null, null, null, null,
                    null, null, null, null, null, null);
                default -> throw new IllegalStateException("unknown parameter " + name);
            };
        }
    }

    /**
     * @param parameters see the record description
     */
    public SweepSpec {
        parameters = List.copyOf(parameters);
    }

    /**
     * @param text the grid as written
     * @return the grid
     * @throws IllegalArgumentException naming the part that does not parse, for people
     */
    public static SweepSpec parse(final String text) {
        final List<Parameter> out = new ArrayList<>();
        String signal = null;
        String name = null;
        List<Double> values = null;
        for (final String raw : text.split(",", -1)) {
            final String token = raw.trim();
            final int eq = token.indexOf('=');
            String valueText = token;
            if (eq >= 0) {
                if (name != null) {
                    out.add(new Parameter(signal, name, values));
                }
                final String key = token.substring(0, eq).trim();
                final int dot = key.lastIndexOf('.');
                signal = dot < 0 ? "*" : key.substring(0, dot);
                name = dot < 0 ? key : key.substring(dot + 1);
                if (!NAMES.contains(name)) {
                    throw new IllegalArgumentException("--sweep: unknown parameter '" + key + "' (one of "
                        + String.join(", ", NAMES) + ", optionally SIGNAL.name)");
                }
                values = new ArrayList<>();
                valueText = token.substring(eq + 1).trim();
            } else if (name == null) {
                throw new IllegalArgumentException("--sweep: '" + token + "' comes before any parameter=values");
            }
            values.addAll(values(valueText, name));
        }
        if (name != null) {
            out.add(new Parameter(signal, name, values));
        }
        final SweepSpec spec = new SweepSpec(out);
        if (out.isEmpty() || spec.points() > MAX_POINTS) {
            throw new IllegalArgumentException("--sweep: expected 1 to " + MAX_POINTS + " points, got "
                + (out.isEmpty() ? 0 : spec.points()));
        }
        return spec;
    }

    private static List<Double> values(final String text, final String name) {
        try {
            final String[] range = text.split(":");
            if (range.length == 1) {
                return List.of(Double.parseDouble(range[0]));
            }
            if (range.length != 3) {
                throw new NumberFormatException("expected FROM:TO:STEP");
            }
            final BigDecimal from = new BigDecimal(range[0]);
            final BigDecimal to = new BigDecimal(range[1]);
            final BigDecimal step = new BigDecimal(range[2]);
            if (step.signum() <= 0 || to.compareTo(from) < 0) {
                throw new NumberFormatException("expected FROM <= TO and STEP > 0");
            }
            final List<Double> out = new ArrayList<>();
            for (BigDecimal v = from; v.compareTo(to) <= 0 && out.size() <= MAX_POINTS; v = v.add(step)) {
                out.add(v.doubleValue());
            }
            return out;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("--sweep: '" + text + "' of " + name + " is not a number or "
                + "FROM:TO:STEP (" + e.getMessage() + ")", e);
        }
    }

    /** @return how many points the grid has */
    public int points() {
        long n = 1;
        for (final Parameter p : parameters) {
            n *= p.values().size();
            if (n > MAX_POINTS) {
                return MAX_POINTS + 1;
            }
        }
        return (int) n;
    }

    /**
     * @param point a point index
     * @return the value index of each parameter at that point (the first parameter varies slowest)
     */
    public int[] coordinates(final int point) {
        final int[] at = new int[parameters.size()];
        int rest = point;
        for (int p = parameters.size() - 1; p >= 0; p--) {
            final int n = parameters.get(p).values().size();
            at[p] = rest % n;
            rest /= n;
        }
        return at;
    }

    /**
     * @param base  the configuration swept from
     * @param point a point index
     * @return the configuration at that point: {@code base} with the point's settings applied last
     */
    public ChannelsConfig configuration(final ChannelsConfig base, final int point) {
        final int[] at = coordinates(point);
        ChannelsConfig c = base;
        for (int p = 0; p < parameters.size(); p++) {
            final Parameter parameter = parameters.get(p);
            final double value = parameter.values().get(at[p]);
            c = c.with(parameter.signal(), parameter.settings(value));
        }
        return c;
    }
}
