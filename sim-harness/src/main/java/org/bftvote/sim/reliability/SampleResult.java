package org.bftvote.sim.reliability;

/**
 * One judged sample.
 *
 * @param sequence the flight's faults
 * @param weight   its likelihood ratio (1 for plain Monte Carlo)
 * @param outcome  what the faults led to
 */
public record SampleResult(FaultSequence sequence, double weight, Outcome outcome) {

    /**
     * @param c a condition
     * @return the sample's contribution to the condition's estimate: the weight when it showed, else 0
     */
    public double score(final Condition c) {
        return outcome.occurred(c) ? weight : 0.0;
    }

    /**
     * @param c      a condition
     * @param signal a signal's index
     * @return the weight when the condition showed on that signal, else 0
     */
    public double score(final Condition c, final int signal) {
        return (outcome.signals(c) & (1L << signal)) != 0 ? weight : 0.0;
    }
}
