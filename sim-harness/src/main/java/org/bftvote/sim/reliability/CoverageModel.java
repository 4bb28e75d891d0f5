package org.bftvote.sim.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.bftvote.sim.emulation.RandomStreams;
import org.bftvote.sim.emulation.SimRandom;
import org.bftvote.sim.yaml.ProfileException;

/**
 * The Markov models' coverage, measured on the simulator: for each signal, the chance that the condition shows
 * when a first channel fails ({@code F = ∅}), and when a second fails after the first has settled
 * ({@code |F| = 1}). Each trial draws which unit of the channel fails (its lane's sensor for the signal or its
 * lane's computer) and its mode in proportion to their rates, places the first fault a quarter into the flight
 * and the second at three quarters (so the window separates them by the settle time), and counts a hit when the
 * condition shows on the signal after the last fault. A pair trial in which the condition showed already after the
 * first fault is set aside (that path is the first transition's). A third and later failure of a signal is not
 * measured: the point estimate and the lower end take it as covered, the upper end as showing the condition for
 * sure, which weighs in only at the third order of the rates.
 */
public final class CoverageModel {
    private final FailureCatalog catalog;
    private final ConsequenceOracle oracle;
    private final int lanes;
    private final int signals;
    private final long seed;
    private final int threads;

    /**
     * The models of every signal for one condition, with the trials behind them.
     *
     * @param condition the condition
     * @param signal    the signal's index
     * @param channelRates per channel, its failure rate per hour
     * @param hits      {@code [F][c]} hits
     * @param trials    {@code [F][c]} trials counted
     */
    public record SignalCoverage(Condition condition, int signal, double[] channelRates, long[][] hits,
                                 long[][] trials) {
        /**
         * @param level two-sided level of each coverage interval
         * @param end   -1 for the lower ends of the intervals, 0 for the point estimates, +1 for the upper ends
         *              (transitions without trials, the third failure and later: covered, covered, not covered)
         * @return the Markov model with those coverage values
         */
        public MarkovModel model(final double level, final int end) {
            final int states = hits.length;
            final double[][] p = new double[states][channelRates.length];
            for (int f = 0; f < states; f++) {
                for (int c = 0; c < channelRates.length; c++) {
                    p[f][c] = trials[f][c] == 0 ? (end > 0 ? 1.0 : 0.0) : end == 0 ? (double) hits[f][c] / trials[f][c]
                        : Intervals.binomial(hits[f][c], trials[f][c], level)[end < 0 ? 0 : 1];
                }
            }
            return new MarkovModel(channelRates, p);
        }
    }

    /**
     * @param catalog the units and rates
     * @param oracle  judges each trial
     * @param lanes   number of lanes (channels per signal)
     * @param signals number of signals
     * @param seed    base seed
     * @param threads worker threads
     */
    public CoverageModel(final FailureCatalog catalog, final ConsequenceOracle oracle, final int lanes,
        final int signals, final long seed, final int threads) {
        this.catalog = catalog;
        this.oracle = oracle;
        this.lanes = lanes;
        this.signals = signals;
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * @param trialsPerTransition trials for each first and second failure of each signal
     * @param finished            hears each finished trial
     * @return per signal and condition, the coverage counts
     * @throws ProfileException if the platform asks for a configuration the library refuses
     */
    public List<SignalCoverage> measure(final int trialsPerTransition, final IntConsumer finished)
        throws ProfileException {
        final List<int[]> transitions = new ArrayList<>();
        for (int s = 0; s < signals; s++) {
            for (int first = -1; first < lanes; first++) {
                for (int c = 0; c < lanes; c++) {
                    if (c != first) {
                        transitions.add(new int[] {s, first, c});
                    }
                }
            }
        }
        final int n = transitions.size() * trialsPerTransition;
        final List<SampleResult> trials = ParallelSamples.run(0, n, threads, i -> {
            final int[] t = transitions.get(i / trialsPerTransition);
            final SimRandom random = new RandomStreams(seed).stream("coverage." + i);
            final FaultSequence sequence = t[1] < 0
                ? new FaultSequence(new int[] {channelEvent(t[0], t[2], random)}, new double[] {0.5})
                : new FaultSequence(new int[] {channelEvent(t[0], t[1], random), channelEvent(t[0], t[2], random)},
                    new double[] {0.25, 0.75});
            return new SampleResult(sequence, 1.0, oracle.judge(sequence, random.nextLong()));
        }, finished);
        return tally(transitions, trials, trialsPerTransition);
    }

    private List<SignalCoverage> tally(final List<int[]> transitions, final List<SampleResult> trials,
        final int perTransition) {
        final List<SignalCoverage> out = new ArrayList<>();
        for (final Condition condition : Condition.values()) {
            for (int s = 0; s < signals; s++) {
                final long[][] hits = new long[1 << lanes][lanes];
                final long[][] counted = new long[1 << lanes][lanes];
                for (int t = 0; t < transitions.size(); t++) {
                    final int[] tr = transitions.get(t);
                    if (tr[0] != s) {
                        continue;
                    }
                    final int state = tr[1] < 0 ? 0 : 1 << tr[1];
                    for (int i = t * perTransition; i < (t + 1) * perTransition; i++) {
                        final Outcome o = trials.get(i).outcome();
                        final long lastOnset = o.onsetFrames()[o.onsetFrames().length - 1];
                        if (o.occurred(condition) && o.firstFrame(condition) < lastOnset) {
                            continue;
                        }
                        counted[state][tr[2]]++;
                        hits[state][tr[2]] += (o.signals(condition) & (1L << s)) != 0 ? 1 : 0;
                    }
                }
                out.add(new SignalCoverage(condition, s, channelRates(s), hits, counted));
            }
        }
        return out;
    }

    /**
     * @param signal a signal
     * @return per channel, the rate of its lane's sensor for the signal plus its lane's computer
     */
    double[] channelRates(final int signal) {
        final double[] rates = new double[lanes];
        for (final FailureUnit u : catalog.units()) {
            if (u.isLane() || u.signal() == signal) {
                rates[u.lane()] += u.ratePerHour();
            }
        }
        return rates;
    }

    /** Draws a failure of channel {@code lane} of {@code signal}: which unit and mode, in proportion to rates. */
    private int channelEvent(final int signal, final int lane, final SimRandom random) {
        final double target = random.nextDouble() * channelRates(signal)[lane];
        double cumulative = 0.0;
        int last = -1;
        for (final FailureUnit u : catalog.units()) {
            if (u.lane() != lane || !(u.isLane() || u.signal() == signal)) {
                continue;
            }
            for (int e = u.firstEvent(); e < u.firstEvent() + u.events(); e++) {
                last = e;
                cumulative += catalog.events().get(e).ratePerHour();
                if (target < cumulative) {
                    return e;
                }
            }
        }
        return last;
    }
}
