package org.bftvote.sim.reliability;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The Markov model of one signal's redundancy, for one condition: the state is the set of the signal's channels
 * that have failed (a channel fails when its lane's sensor for the signal or its lane's computer fails, at the sum
 * of their rates); when channel {@code c} fails in state {@code F}, the condition shows with probability
 * {@code p(F, c)} (absorbing), else the state becomes {@code F ∪ {c}}. The chance of absorption by the end of the
 * flight is {@code [exp(Q·T)]_{∅, absorbed}}, computed with Hipparchus's matrix exponential. With no repair the
 * chain is acyclic, so this is the closed form of the usual sums over failure orders, solved numerically.
 */
public final class MarkovModel {
    private final double[] channelRates;
    private final double[][] absorption;

    /**
     * @param channelRates per channel, its failure rate per hour
     * @param absorption   {@code [F][c]}: the chance the condition shows when channel {@code c} fails in state
     *                     {@code F} (bit mask of failed channels); entries for {@code c} in {@code F} are unused
     */
    public MarkovModel(final double[] channelRates, final double[][] absorption) {
        if (absorption.length != 1 << channelRates.length) {
            throw new IllegalArgumentException("one absorption row per set of failed channels");
        }
        this.channelRates = channelRates.clone();
        this.absorption = new double[absorption.length][];
        for (int f = 0; f < absorption.length; f++) {
            this.absorption[f] = absorption[f].clone();
        }
    }

    /**
     * @param hours the flight's length
     * @return the chance the condition has shown by then, starting with every channel healthy
     */
    public double probability(final double hours) {
        final int n = channelRates.length;
        final int states = 1 << n;
        final RealMatrix q = MatrixUtils.createRealMatrix(states + 1, states + 1);
        for (int f = 0; f < states; f++) {
            for (int c = 0; c < n; c++) {
                if ((f & (1 << c)) != 0) {
                    continue;
                }
                final double rate = channelRates[c] * hours;
                final double p = absorption[f][c];
                q.addToEntry(f, states, rate * p);
                q.addToEntry(f, f | (1 << c), rate * (1.0 - p));
                q.addToEntry(f, f, -rate);
            }
        }
        return MatrixUtils.matrixExponential(q).getEntry(0, states);
    }
}
