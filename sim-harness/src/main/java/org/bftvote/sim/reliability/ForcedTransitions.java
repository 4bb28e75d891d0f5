package org.bftvote.sim.reliability;

import org.bftvote.sim.emulation.SimRandom;

/**
 * Importance sampling of a flight's faults by forced transitions and failure biasing. For a stratum of exactly
 * {@code k} faults it forces {@code k} transitions into the flight and draws:
 * <ul>
 *   <li><b>when</b>: the {@code k} onsets as the order statistics of {@code k} uniform times in {@code [0, T]}
 *       (density {@code k!/T^k}), which is close to the true shape of {@code k} rare failures in a flight, so that
 *       the weights stay even;</li>
 *   <li><b>which unit</b> fails at each onset, from a biased choice {@code β} (failure biasing): with weight
 *       {@code 1 − w} in proportion to the remaining units' rates (the true choice), with weight {@code w} in
 *       proportion to the rates of the remaining units {@link FailureUnit#related related} to one already failed (a
 *       second channel of a signal that has lost one: the combinations that can defeat the redundancy). The first
 *       unit is chosen as the true process chooses it;</li>
 *   <li><b>which mode</b>, in proportion to the unit's modes' rates (as the true process does).</li>
 * </ul>
 * The likelihood ratio, the true density of the path over the sampling density, is
 * {@code Π_j (λ_uj / β_uj) · exp(−∫_0^T Λ(t) dt) · T^k / k!}, {@code Λ(t)} the total rate of the units not failed at
 * time {@code t} (each unit fails at most once; the exponential covers "no other failure" up to the end). The mean
 * of {@code ratio × indicator} over a stratum's samples is an unbiased estimate of P(exactly k faults and the
 * condition): every path the true process can produce has a positive sampling density. Stateless apart from its
 * settings; thread safe.
 */
public final class ForcedTransitions {
    private final FailureCatalog catalog;
    private final double missionHours;
    private final double biasWeight;

    /** A drawn sequence with its likelihood ratio. */
    public record Draw(FaultSequence sequence, double likelihoodRatio) {
    }

    /**
     * @param catalog      the units and their rates
     * @param missionHours the flight's length {@code T}, hours, &gt; 0
     * @param biasWeight   {@code w}, the share of choices made among related units, {@code 0 <= w < 1}
     */
    public ForcedTransitions(final FailureCatalog catalog, final double missionHours, final double biasWeight) {
        if (!(missionHours > 0.0) || !(biasWeight >= 0.0 && biasWeight < 1.0)) {
            throw new IllegalArgumentException("mission hours must be > 0 and the bias weight in [0, 1)");
        }
        this.catalog = catalog;
        this.missionHours = missionHours;
        this.biasWeight = biasWeight;
    }

    /**
     * @param k      faults in the sequence, 1 to the number of units
     * @param random the sample's stream
     * @return the sequence and its likelihood ratio
     */
    public Draw draw(final int k, final SimRandom random) {
        final int units = catalog.units().size();
        final boolean[] failed = new boolean[units];
        final int[] events = new int[k];
        final double[] hours = new double[k];
        for (int j = 0; j < k; j++) {
            hours[j] = random.nextDouble() * missionHours;
        }
        java.util.Arrays.sort(hours);
        double ratio = 1.0;
        double exposure = 0.0;
        double t = 0.0;
        for (int j = 0; j < k; j++) {
            exposure += remainingRate(failed) * (hours[j] - t);
            t = hours[j];
            final int unit = chooseUnit(failed, j, random);
            ratio *= catalog.units().get(unit).ratePerHour() / bias(failed, j, unit) * missionHours / (j + 1);
            failed[unit] = true;
            events[j] = chooseMode(unit, random);
        }
        exposure += remainingRate(failed) * (missionHours - t);
        return new Draw(new FaultSequence(events, hours), ratio * Math.exp(-exposure));
    }

    /**
     * @param failed units failed so far
     * @param drawn  how many have failed
     * @param unit   a unit not failed
     * @return the biased chance {@code β} of choosing {@code unit} next
     */
    double bias(final boolean[] failed, final int drawn, final int unit) {
        final double rate = catalog.units().get(unit).ratePerHour();
        final double remaining = remainingRate(failed);
        final double related = relatedRate(failed, drawn);
        if (related == 0.0) {
            return rate / remaining;
        }
        return (1.0 - biasWeight) * rate / remaining + (isRelated(failed, drawn, unit) ? biasWeight * rate / related
            : 0.0);
    }

    private int chooseUnit(final boolean[] failed, final int drawn, final SimRandom random) {
        final double u = random.nextDouble();
        double cumulative = 0.0;
        int last = -1;
        for (int unit = 0; unit < failed.length; unit++) {
            if (failed[unit]) {
                continue;
            }
            last = unit;
            cumulative += bias(failed, drawn, unit);
            if (u < cumulative) {
                return unit;
            }
        }
        return last;
    }

    private int chooseMode(final int unit, final SimRandom random) {
        final FailureUnit u = catalog.units().get(unit);
        final double target = random.nextDouble() * u.ratePerHour();
        double cumulative = 0.0;
        for (int e = u.firstEvent(); e < u.firstEvent() + u.events(); e++) {
            cumulative += catalog.events().get(e).ratePerHour();
            if (target < cumulative) {
                return e;
            }
        }
        return u.firstEvent() + u.events() - 1;
    }

    private double remainingRate(final boolean[] failed) {
        double total = 0.0;
        for (int unit = 0; unit < failed.length; unit++) {
            total += failed[unit] ? 0.0 : catalog.units().get(unit).ratePerHour();
        }
        return total;
    }

    private double relatedRate(final boolean[] failed, final int drawn) {
        if (drawn == 0) {
            return 0.0;
        }
        double rate = 0.0;
        for (int unit = 0; unit < failed.length; unit++) {
            rate += !failed[unit] && isRelated(failed, drawn, unit) ? catalog.units().get(unit).ratePerHour() : 0.0;
        }
        return rate;
    }

    private boolean isRelated(final boolean[] failed, final int drawn, final int unit) {
        if (drawn == 0 || failed[unit]) {
            return false;
        }
        final FailureUnit candidate = catalog.units().get(unit);
        for (int other = 0; other < failed.length; other++) {
            if (failed[other] && catalog.units().get(other).related(candidate)) {
                return true;
            }
        }
        return false;
    }
}
