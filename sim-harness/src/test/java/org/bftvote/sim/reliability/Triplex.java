package org.bftvote.sim.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * A small model with a closed-form answer: three units of one signal (one per lane), each failing exponentially at
 * its own rate with one mode; with perfect coverage a single failure is harmless and the signal is lost exactly when
 * two or more have failed, whenever they failed.
 */
final class Triplex {
    private Triplex() {
    }

    /**
     * @param rates each unit's rate per hour
     * @return the catalog
     */
    static FailureCatalog catalog(final double... rates) {
        final List<FailureUnit> units = new ArrayList<>();
        final List<FailureEvent> events = new ArrayList<>();
        for (int u = 0; u < rates.length; u++) {
            units.add(new FailureUnit("L" + u + ".x", u, 0, u, 1, rates[u]));
            events.add(new FailureEvent(u, "hard_over", rates[u], Double.NaN, (id, start) -> {
                throw new UnsupportedOperationException("not simulated");
            }));
        }
        return FailureCatalog.of(units, events);
    }

    /** @return the oracle of perfect coverage: loss of signal iff two or more faults, charged to all of them */
    static ConsequenceOracle twoOfThree() {
        return (sequence, seed) -> {
            final int c = Condition.values().length;
            final long[] first = new long[c];
            final long[] signals = new long[c];
            final long[] cut = new long[c];
            java.util.Arrays.fill(first, -1L);
            if (sequence.size() >= 2) {
                first[Condition.LOSS_OF_SIGNAL.ordinal()] = 1;
                signals[Condition.LOSS_OF_SIGNAL.ordinal()] = 1L;
                cut[Condition.LOSS_OF_SIGNAL.ordinal()] = 0b11;
            }
            return new Outcome(first, signals, cut, new long[sequence.size()], 100L * sequence.size());
        };
    }

    /**
     * The two-of-three oracle with a second, frequent condition: agreement is lost whenever unit 2 fails and the
     * sample's seed is even, so P(loss of agreement) = P(unit 2 fails) / 2, dominated by single faults.
     *
     * @return the oracle
     */
    static ConsequenceOracle twoOfThreeAndAgreementLostByUnitTwo() {
        final ConsequenceOracle twoOfThree = twoOfThree();
        return (sequence, seed) -> {
            final Outcome o = twoOfThree.judge(sequence, seed);
            final long[] first = o.firstFrame().clone();
            final long[] signals = o.signals().clone();
            final long[] cut = o.cutSet().clone();
            for (int j = 0; j < sequence.size(); j++) {
                if (sequence.event(j) == 2 && (seed & 1L) == 0L) {
                    first[Condition.LOSS_OF_AGREEMENT.ordinal()] = 1;
                    signals[Condition.LOSS_OF_AGREEMENT.ordinal()] = 1L;
                    cut[Condition.LOSS_OF_AGREEMENT.ordinal()] = 1L << j;
                }
            }
            return new Outcome(first, signals, cut, o.onsetFrames(), o.frames());
        };
    }

    /**
     * @param hours the flight's length
     * @param rates each unit's rate
     * @return P(at least two of the three have failed by then)
     */
    static double exact(final double hours, final double... rates) {
        final double[] p = new double[3];
        for (int u = 0; u < 3; u++) {
            p[u] = -Math.expm1(-rates[u] * hours);
        }
        return p[0] * p[1] * (1 - p[2]) + p[0] * (1 - p[1]) * p[2] + (1 - p[0]) * p[1] * p[2] + p[0] * p[1] * p[2];
    }
}
