package org.bftvote.sim.reliability;

import java.util.List;
import java.util.function.IntConsumer;

import org.bftvote.sim.emulation.RandomStreams;
import org.bftvote.sim.emulation.SimRandom;
import org.bftvote.sim.yaml.ProfileException;

/**
 * Plain Monte Carlo: flights drawn at the catalog's own rates ({@link PlainSampling}), each judged by the oracle
 * when it has a fault at all. Its estimate is the share of flights in which the condition showed, with the exact
 * Clopper–Pearson interval. Feasible only where that share is not tiny, hence the inflated rates of the check.
 * Sample {@code i} draws everything from the stream {@code plain.<i>} of the seed.
 *
 * @param samples the judged flights, in sample order
 */
public record PlainMonteCarlo(List<SampleResult> samples) {

    /**
     * @param catalog      the units and their rates
     * @param oracle       judges each flight
     * @param missionHours the flight's length
     * @param n            flights
     * @param seed         base seed
     * @param threads      worker threads
     * @param finished     hears each finished flight
     * @return the flights
     * @throws ProfileException if the platform asks for a configuration the library refuses
     */
    public static PlainMonteCarlo run(final FailureCatalog catalog, final ConsequenceOracle oracle,
        final double missionHours, final int n, final long seed, final int threads, final IntConsumer finished)
        throws ProfileException {
        final PlainSampling sampling = new PlainSampling(catalog, missionHours);
        return new PlainMonteCarlo(ParallelSamples.run(0, n, threads, i -> {
            final SimRandom random = new RandomStreams(seed).stream("plain." + i);
            final FaultSequence sequence = sampling.draw(random);
            final long simulationSeed = random.nextLong();
            return new SampleResult(sequence, 1.0,
                sequence.size() == 0 ? Outcome.NOTHING : oracle.judge(sequence, simulationSeed));
        }, finished));
    }

    /**
     * @param c a condition
     * @return the share of flights in which it showed, with its Clopper–Pearson interval
     */
    public Estimate estimate(final Condition c) {
        long hits = 0;
        for (final SampleResult r : samples) {
            hits += r.outcome().occurred(c) ? 1 : 0;
        }
        final long n = samples.size();
        final double p = (double) hits / n;
        final double[] ci = Intervals.binomial(hits, n, Intervals.LEVEL);
        return new Estimate(p, Math.sqrt(p * (1 - p) / n), ci[0], ci[1], n, hits, hits);
    }

    /** @return frames simulated */
    public long frames() {
        long frames = 0;
        for (final SampleResult r : samples) {
            frames += r.outcome().frames();
        }
        return frames;
    }
}
