package org.bftvote.sim.reliability;

import java.util.Arrays;

import org.bftvote.sim.emulation.SimRandom;

/**
 * Plain Monte Carlo of a flight's faults at the catalog's rates: every unit's failure time is drawn from its
 * exponential, those within the flight are kept in time order, each with a mode drawn in proportion to the
 * unit's modes' rates. Every sample weighs 1. Thread safe.
 */
public final class PlainSampling {
    private final FailureCatalog catalog;
    private final double missionHours;

    /**
     * @param catalog      the units and their rates
     * @param missionHours the flight's length, hours, &gt; 0
     */
    public PlainSampling(final FailureCatalog catalog, final double missionHours) {
        this.catalog = catalog;
        this.missionHours = missionHours;
    }

    /**
     * @param random the sample's stream
     * @return the flight's faults, possibly none
     */
    public FaultSequence draw(final SimRandom random) {
        final int units = catalog.units().size();
        final double[] when = new double[units];
        final int[] mode = new int[units];
        int struck = 0;
        for (int u = 0; u < units; u++) {
            final FailureUnit unit = catalog.units().get(u);
            when[u] = -Math.log1p(-random.nextDouble()) / unit.ratePerHour();
            final double target = random.nextDouble() * unit.ratePerHour();
            double cumulative = 0.0;
            mode[u] = unit.firstEvent() + unit.events() - 1;
            for (int e = unit.firstEvent(); e < unit.firstEvent() + unit.events(); e++) {
                cumulative += catalog.events().get(e).ratePerHour();
                if (target < cumulative) {
                    mode[u] = e;
                    break;
                }
            }
            struck += when[u] < missionHours ? 1 : 0;
        }
        final Integer[] order = new Integer[units];
        for (int u = 0; u < units; u++) {
            order[u] = u;
        }
        Arrays.sort(order, (a, b) -> Double.compare(when[a], when[b]));
        final int[] events = new int[struck];
        final double[] hours = new double[struck];
        for (int i = 0; i < struck; i++) {
            events[i] = mode[order[i]];
            hours[i] = when[order[i]];
        }
        return new FaultSequence(events, hours);
    }
}
