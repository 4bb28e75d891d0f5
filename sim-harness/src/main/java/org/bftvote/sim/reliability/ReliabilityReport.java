package org.bftvote.sim.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bftvote.sim.results.JsonOut;

/**
 * A study's files and console table: {@value #JSON} (every figure), {@value #CUT_SETS} (the fault combinations
 * per condition, largest first), {@value #CONVERGENCE} and {@value #PLOT} (the running estimate), and with the
 * checks {@value #CHECKS}. No timestamps, no paths: the same study gives the same bytes (the PNG aside).
 */
public final class ReliabilityReport {
    /** The summary's file name. */
    public static final String JSON = "reliability.json";
    /** The cut sets' file name. */
    public static final String CUT_SETS = "cut-sets.csv";
    /** The convergence table's file name. */
    public static final String CONVERGENCE = "convergence.csv";
    /** The convergence plot's file name. */
    public static final String PLOT = "convergence.png";
    /** The checks' file name. */
    public static final String CHECKS = "checks.csv";
    /** Cut sets shown in the table and the summary per condition. */
    static final int TOP_CUT_SETS = 8;
    private static final int POINTS = 40;

    private final ReliabilityStudy.Result result;
    private final List<Figures> figures = new ArrayList<>();
    private final ReliabilityChecks checks;

    /**
     * @param result a study's findings
     */
    public ReliabilityReport(final ReliabilityStudy.Result result) {
        this.result = result;
        for (final Condition c : result.settings().conditions()) {
            figures.add(Figures.of(result, c));
        }
        this.checks = result.check() == null ? null : new ReliabilityChecks(result);
    }

    /** @return the figures of the conditions estimated, in declaration order */
    public List<Figures> figures() {
        return figures;
    }

    /**
     * @return whether the buses' effect alone was estimated: not with {@code --background-hours 0}, which judges no
     *         fault-free flight (its upper end would be unbounded), so the table and the summary leave it and the
     *         sum out and say so
     */
    public boolean busesEstimated() {
        return result.backgroundHours() > 0.0;
    }

    /** @return the checks, or {@code null} when not run */
    public ReliabilityChecks checks() {
        return checks;
    }

    /**
     * Writes every file into {@code dir}.
     *
     * @param dir the output directory (exists)
     * @throws IOException if a file cannot be written
     */
    public void write(final Path dir) throws IOException {
        Files.writeString(dir.resolve(JSON), json(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(CUT_SETS), cutSetsCsv(), StandardCharsets.UTF_8);
        final List<List<double[]>> rows = new ArrayList<>();
        final StringBuilder csv = new StringBuilder("condition,samples,estimate_per_fh,lower_per_fh,upper_per_fh\n");
        final double t = result.settings().missionHours();
        for (final Condition c : result.settings().conditions()) {
            final List<double[]> r = result.importance().convergence(c, POINTS);
            rows.add(r);
            for (final double[] row : r) {
                csv.append(c.key()).append(',').append((long) row[0]).append(',').append(row[1] / t).append(',')
                    .append(row[2] / t).append(',').append(row[3] / t).append('\n');
            }
        }
        Files.writeString(dir.resolve(CONVERGENCE), csv.toString(), StandardCharsets.UTF_8);
        ConvergencePlot.write(dir.resolve(PLOT), result.base().platform().name()
            + ": importance-sampling estimate per flight hour and 95 % interval", result.settings().conditions(), rows,
            t);
        if (checks != null) {
            Files.writeString(dir.resolve(CHECKS), checks.csv(), StandardCharsets.UTF_8);
        }
    }

    /** @return the console table */
    public String table() {
        final StringBuilder sb = new StringBuilder();
        final ReliabilitySettings s = result.settings();
        sb.append(String.format(Locale.ROOT, "reliability of %s (truth from %s): %d units, %d failure modes; flight "
            + "of %.4g h; %d importance samples (1 to %d faults%s), %.4g fault-free hours%n",
            result.base().platform().name(), result.base().name(), result.catalog().units().size(),
            result.catalog().events().size(), s.missionHours(), result.importance().samples(), s.maxFaults(),
            s.stratification() == Stratification.CLASSES ? String.format(Locale.ROOT, "; %d strata by fault class, "
                + "+%d pilot samples", result.importance().strata().size(), result.importance().pilotSamples()) : "",
            result.backgroundHours()));
        sb.append(String.format(Locale.ROOT, "%-18s %11s %25s %8s %7s %9s %8s %9s%n", "per flight hour",
            "estimate", "95 % interval", "rel.hw", "hits", "ESS", "VRF", "gain"));
        for (final Figures f : figures) {
            row(sb, f.condition().key(), f.faults(), f.varianceReduction(), f.efficiencyGain());
            if (busesEstimated()) {
                row(sb, "  buses alone", f.buses(), Double.NaN, Double.NaN);
                row(sb, "  sum of both", f.total(), Double.NaN, Double.NaN);
            } else {
                sb.append(String.format(Locale.ROOT, "%-18s not estimated (--background-hours 0): the figure above "
                    + "leaves out the buses' effect alone%n", "  buses alone"));
            }
        }
        sb.append(String.format(Locale.ROOT, "more than %d faults in a flight: below %s per flight hour (added to the "
            + "upper ends)%n", s.maxFaults(), result.importance().truncationBound() == 0.0 ? "0 (every unit sampled)"
            : String.format(Locale.ROOT, "%.3g", result.importance().truncationBound() / s.missionHours())));
        for (final Condition c : result.settings().conditions()) {
            cutSets(sb, c);
        }
        if (checks != null) {
            sb.append(checks.table());
        }
        return sb.toString();
    }

    private void cutSets(final StringBuilder sb, final Condition c) {
        final List<Map.Entry<String, Double>> sets = result.importance().cutSets(c);
        if (sets.isEmpty()) {
            return;
        }
        final double total = result.importance().estimate(c).value();
        sb.append(String.format(Locale.ROOT, "%s, dominant fault combinations:%n", c.key()));
        for (int i = 0; i < Math.min(TOP_CUT_SETS, sets.size()); i++) {
            sb.append(String.format(Locale.ROOT, "  %5.1f %%  %.3g /fh  %s%n", 100.0 * sets.get(i).getValue() / total,
                sets.get(i).getValue() / result.settings().missionHours(), sets.get(i).getKey()));
        }
    }

    private static void row(final StringBuilder sb, final String name, final Estimate e, final double vrf,
        final double gain) {
        final String rhw = e.value() > 0.0 && e.relativeHalfWidth() < 10.0
            ? String.format(Locale.ROOT, "%.1f%%", 100.0 * e.relativeHalfWidth()) : "-";
        sb.append(String.format(Locale.ROOT, "%-18s %11.4g [%11.4g, %11.4g] %8s %7d %9.1f %8s %9s%n", name,
            e.value(), e.lower(), e.upper(), rhw, e.hits(),
            e.effectiveSampleSize(), Double.isNaN(vrf) ? "" : String.format(Locale.ROOT, "%.3g", vrf),
            Double.isNaN(gain) ? "" : String.format(Locale.ROOT, "%.3g", gain)));
    }

    /** @return the cut sets of every condition, largest first */
    public String cutSetsCsv() {
        final StringBuilder sb = new StringBuilder("condition,rank,per_flight_hour,share,faults\n");
        for (final Condition c : result.settings().conditions()) {
            final double total = result.importance().estimate(c).value();
            int rank = 1;
            for (final Map.Entry<String, Double> e : result.importance().cutSets(c)) {
                sb.append(c.key()).append(',').append(rank++).append(',')
                    .append(e.getValue() / result.settings().missionHours()).append(',')
                    .append(e.getValue() / total).append(",\"").append(e.getKey()).append("\"\n");
            }
        }
        return sb.toString();
    }

    /** @return the summary document */
    public String json() {
        final ReliabilitySettings s = result.settings();
        final JsonOut j = new JsonOut().beginObject();
        j.name("schema_version").value(1);
        j.name("platform").value(result.base().platform().name());
        j.name("truth_from").value(result.base().name());
        j.name("settings").beginObject().name("mission_hours").value(s.missionHours()).name("samples")
            .value(s.samples()).name("max_faults").value(s.maxFaults()).name("warmup_s").value(s.warmupSeconds())
            .name("settle_s").value(s.settleSeconds()).name("bias_weight").value(s.biasWeight())
            .name("seed").value(s.seed()).name("stratification").value(s.stratification().key())
            .name("background_hours").value(s.backgroundHours()).name("conditions")
            .beginArray();
        for (final Condition c : s.conditions()) {
            j.value(c.key());
        }
        j.endArray().endObject();
        j.name("units").value(result.catalog().units().size());
        j.name("failure_modes").value(result.catalog().events().size());
        j.name("total_rate_per_hour").value(result.catalog().totalRate());
        j.name("importance_samples").value(result.importance().samples());
        j.name("pilot_samples").value(result.importance().pilotSamples());
        j.name("frames_simulated").value(result.importance().frames());
        j.name("truncation_bound_per_fh").value(result.importance().truncationBound() / s.missionHours());
        j.name("conditions").beginArray();
        for (final Figures f : figures) {
            condition(j, f);
        }
        j.endArray();
        if (checks != null) {
            checks.appendTo(j);
        }
        return j.endObject().toString();
    }

    private void condition(final JsonOut j, final Figures f) {
        final Condition c = f.condition();
        j.beginObject().name("condition").value(c.key()).name("description").value(c.description());
        named(j, "per_flight_hour", f.faults());
        if (busesEstimated()) {
            named(j, "buses_alone", f.buses());
            named(j, "sum_with_buses_alone", f.total());
        } else {
            j.name("buses_alone").nullValue().name("sum_with_buses_alone").nullValue();
        }
        j.name("variance_reduction_factor").value(f.varianceReduction());
        j.name("plain_monte_carlo_flight_hours").value(f.plainFlightHours());
        j.name("efficiency_gain").value(f.efficiencyGain());
        j.name("strata").beginArray();
        for (int k = 1; k <= result.importance().maxFaults(); k++) {
            final Estimate e = result.importance().stratum(c, k).times(1.0 / result.settings().missionHours());
            j.beginObject().name("faults").value(k);
            estimate(j, e);
            j.endObject();
        }
        j.endArray();
        if (result.settings().stratification() == Stratification.CLASSES) {
            j.name("classes").beginArray();
            for (int i = 0; i < result.importance().strata().size(); i++) {
                final Estimate e = result.importance().cell(c, i).times(1.0 / result.settings().missionHours());
                j.beginObject().name("class").value(result.importance().label(i)).name("faults")
                    .value(result.importance().faults(i));
                estimate(j, e);
                j.endObject();
            }
            j.endArray();
        }
        j.name("cut_sets").beginArray();
        final List<Map.Entry<String, Double>> sets = result.importance().cutSets(c);
        for (int i = 0; i < Math.min(TOP_CUT_SETS, sets.size()); i++) {
            j.beginObject().name("faults").value(sets.get(i).getKey()).name("per_flight_hour")
                .value(sets.get(i).getValue() / result.settings().missionHours()).endObject();
        }
        j.endArray().endObject();
    }

    /**
     * @param j    inside an object
     * @param name the member's name
     * @param e    an estimate, written as an object
     */
    static void named(final JsonOut j, final String name, final Estimate e) {
        estimate(j.name(name).beginObject(), e);
        j.endObject();
    }

    /**
     * @param j inside an object
     * @param e an estimate, written as members of that object
     */
    static void estimate(final JsonOut j, final Estimate e) {
        j.name("estimate").value(e.value()).name("lower").value(e.lower()).name("upper").value(e.upper())
            .name("standard_error").value(e.standardError()).name("samples").value(e.samples())
            .name("hits").value(e.hits()).name("effective_sample_size").value(e.effectiveSampleSize());
    }
}
