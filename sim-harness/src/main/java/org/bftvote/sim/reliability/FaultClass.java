package org.bftvote.sim.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bftvote.sim.emulation.SimRandom;

/**
 * A class of fault combinations whose probability is known exactly, sampled by conditional Monte Carlo: the flights
 * in which exactly one set of units fails in one combination of modes, that combination one of the class's. Only
 * what the faults lead to needs simulation.
 *
 * <p>Units fail independently, unit {@code u} within the flight with probability {@code p_u = 1 − exp(−λ_u T)}, so
 * exactly the set {@code A} fails with probability {@code P(A) = exp(−ΛT) · Π_{u∈A} (exp(λ_u T) − 1)}, in modes
 * {@code m_u} with {@code P(A, m) = P(A) · Π_{u∈A} λ_{m_u}/λ_u}, and the class with
 * {@code P(C) = Σ_{(A, m)∈C} P(A, m)}. Given the class, the true process chooses the combination in proportion to
 * {@code P(A, m)} and each unit's onset independently from its exponential law cut at {@code T} (inverse
 * distribution: {@code t = −ln(1 − v·p_u)/λ_u}, {@code v} uniform). A draw does exactly that, so a sample's
 * weight is the constant {@code P(C)}, and the mean of {@code P(C) × indicator} over a class's samples is an
 * unbiased estimate of P(the class's flights and the condition).
 *
 * <p>The classes ({@link #of}): one fault, by signal (a sensor of it) or a lane's computer; two faults, by how they
 * can combine on one signal: two sensors of it in different lanes, or a lane's computer and a sensor of it in another
 * lane (both split further by the rarer of the two modes, the lower rate, by name when equal, so that a rare mode that
 * defeats the redundancy with most partners has a class of its own), two lanes' computers, or unrelated. Immutable;
 * thread safe.
 */
final class FaultClass {
    private final FailureCatalog catalog;
    private final double missionHours;
    private final String label;
    private final int[][] combinations;
    private final double[] cumulative;
    private final double probability;

    private FaultClass(final FailureCatalog catalog, final double missionHours, final String label,
        final List<int[]> combinations, final double noFault) {
        this.catalog = catalog;
        this.missionHours = missionHours;
        this.label = label;
        this.combinations = combinations.toArray(new int[0][]);
        this.cumulative = new double[this.combinations.length];
        double sum = 0.0;
        for (int i = 0; i < this.combinations.length; i++) {
            double odds = 1.0;
            for (final int e : this.combinations[i]) {
                final FailureEvent event = catalog.events().get(e);
                final double unitRate = catalog.units().get(event.unit()).ratePerHour();
                odds *= Math.expm1(unitRate * missionHours) * (event.ratePerHour() / unitRate);
            }
            sum += odds;
            cumulative[i] = sum;
        }
        this.probability = noFault * sum;
    }

    /**
     * The classes of {@code k} faults, in a fixed order (the catalog's unit and mode order).
     *
     * @param catalog      the units and their rates
     * @param missionHours the flight's length {@code T}
     * @param k            1 or 2
     * @return the classes that hold at least one combination
     */
    static List<FaultClass> of(final FailureCatalog catalog, final double missionHours, final int k) {
        if (k < 1 || k > 2) {
            throw new IllegalArgumentException("fault classes hold one or two faults, not " + k);
        }
        final Map<String, List<int[]>> byLabel = new LinkedHashMap<>();
        final int n = catalog.events().size();
        for (int a = 0; a < n; a++) {
            if (k == 1) {
                byLabel.computeIfAbsent(single(catalog, a), x -> new ArrayList<>()).add(new int[] {a});
                continue;
            }
            for (int b = a + 1; b < n; b++) {
                if (catalog.events().get(a).unit() != catalog.events().get(b).unit()) {
                    byLabel.computeIfAbsent(pair(catalog, a, b), x -> new ArrayList<>()).add(new int[] {a, b});
                }
            }
        }
        final double noFault = Math.exp(-catalog.totalRate() * missionHours);
        final List<FaultClass> classes = new ArrayList<>();
        for (final Map.Entry<String, List<int[]>> e : byLabel.entrySet()) {
            classes.add(new FaultClass(catalog, missionHours, e.getKey(), e.getValue(), noFault));
        }
        return classes;
    }

    /** @return what the class holds, for tables */
    String label() {
        return label;
    }

    /**
     * @return the label without the signal: classes of one group on different signals tend to behave alike (a
     *         sensor's rare mode that defeats the redundancy of one signal tends to defeat that of another), which
     *         the allocation uses to share what the pilot saw ({@link ImportanceSampling})
     */
    String group() {
        return label.replaceAll(" of [^ ,]+", "");
    }

    /** @return the number of faults in each of its flights */
    int faults() {
        return combinations[0].length;
    }

    /** @return {@code P(C)}, the chance that a flight's faults are exactly one of the class's combinations */
    double probability() {
        return probability;
    }

    /**
     * @param random the sample's stream
     * @return a flight of the class drawn as the true process draws it given the class; its weight {@code P(C)}
     */
    ForcedTransitions.Draw draw(final SimRandom random) {
        final double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, target);
        i = Math.min(i >= 0 ? i + 1 : -i - 1, combinations.length - 1);
        final int[] events = combinations[i].clone();
        final double[] hours = new double[events.length];
        for (int j = 0; j < events.length; j++) {
            final double rate = catalog.units().get(catalog.events().get(events[j]).unit()).ratePerHour();
            final double p = -Math.expm1(-rate * missionHours);
            hours[j] = Math.min(missionHours, -Math.log1p(-random.nextDouble() * p) / rate);
        }
        if (events.length == 2 && hours[1] < hours[0]) {
            final double h = hours[0];
            hours[0] = hours[1];
            hours[1] = h;
            final int e = events[0];
            events[0] = events[1];
            events[1] = e;
        }
        return new ForcedTransitions.Draw(new FaultSequence(events, hours), probability);
    }

    private static String single(final FailureCatalog catalog, final int event) {
        final FailureUnit u = catalog.units().get(catalog.events().get(event).unit());
        return u.isLane() ? "1 fault: a lane's computer" : "1 fault: a sensor of " + signal(u);
    }

    private static String pair(final FailureCatalog catalog, final int ea, final int eb) {
        final FailureEvent x = catalog.events().get(ea);
        final FailureEvent y = catalog.events().get(eb);
        final FailureUnit a = catalog.units().get(x.unit());
        final FailureUnit b = catalog.units().get(y.unit());
        if (!a.related(b)) {
            return "2 faults: unrelated (in one lane, or sensors on different signals)";
        }
        if (a.isLane() && b.isLane()) {
            return "2 faults: two lanes' computers";
        }
        final int byRate = Double.compare(x.ratePerHour(), y.ratePerHour());
        final boolean xRarer = byRate < 0 || byRate == 0 && x.mode().compareTo(y.mode()) <= 0;
        final FailureEvent rarer = xRarer ? x : y;
        final String mode = (catalog.units().get(rarer.unit()).isLane() ? "lane " : "sensor ") + rarer.mode();
        if (a.isLane() || b.isLane()) {
            return "2 faults: a lane's computer and a sensor of " + signal(a.isLane() ? b : a)
                + " in another lane, rarer mode " + mode;
        }
        return "2 faults: two sensors of " + signal(a) + ", rarer mode " + mode;
    }

    /** The signal's name: a sensor unit is named {@code lane.signal}. */
    private static String signal(final FailureUnit u) {
        return u.name().substring(u.name().indexOf('.') + 1);
    }
}
