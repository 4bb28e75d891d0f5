package org.bftvote.vote;

import java.util.List;
import java.util.function.Supplier;

/**
 * One real-valued voter configuration under test: how to build it, the channel count n it is used at and the
 * number f of arbitrary channels it must survive at that n.
 *
 * @param name      shown in test names
 * @param factory   builds a fresh voter
 * @param n         channels
 * @param f         arbitrary channels tolerated at n
 * @param accuracy  interval half-width for interval fusion (healthy values stay this close to the truth); 0 for
 *                  point voters
 */
record RealVoterCase(String name, Supplier<RealVoter> factory, int n, int f, double accuracy) {
    @Override
    public String toString() {
        return name;
    }

    /**
     * @return every real voter at the channel counts the property tests use.
     */
    static List<RealVoterCase> all() {
        return List.of(
            new RealVoterCase("MVS n=3", () -> new MidValueSelect(3), 3, 1, 0.0),
            new RealVoterCase("MVS n=5", () -> new MidValueSelect(16), 5, 2, 0.0),
            new RealVoterCase("MVS n=4 mean-of-middles", () -> new MidValueSelect(4), 4, 1, 0.0),
            new RealVoterCase("MVS n=4 lower-middle",
                () -> new MidValueSelect(4, MidValueSelect.EvenPolicy.LOWER_MIDDLE), 4, 1, 0.0),
            new RealVoterCase("FTM n=3 f=1", () -> new FaultTolerantMidpoint(3, 1), 3, 1, 0.0),
            new RealVoterCase("FTM n=4 f=1", () -> new FaultTolerantMidpoint(4, 1), 4, 1, 0.0),
            new RealVoterCase("FTM n=7 f=2", () -> new FaultTolerantMidpoint(64, 2), 7, 2, 0.0),
            new RealVoterCase("FTMean n=5 f=1", () -> new FaultTolerantMean(5, 1), 5, 1, 0.0),
            new RealVoterCase("FTMean n=7 f=2", () -> new FaultTolerantMean(16, 2), 7, 2, 0.0),
            new RealVoterCase("FTMean n=5 f=2", () -> new FaultTolerantMean(5, 2), 5, 2, 0.0),
            new RealVoterCase("IntervalFusion n=3 f=1", () -> new IntervalFusion(3, 1, 1.0), 3, 1, 1.0),
            new RealVoterCase("IntervalFusion n=5 f=2", () -> new IntervalFusion(5, 2, 1.0), 5, 2, 1.0),
            new RealVoterCase("IntervalFusion n=7 f=2", () -> new IntervalFusion(16, 2, 0.5), 7, 2, 0.5));
    }

    /**
     * @return the configurations at n = 2f + 1 or where one more fault than f can always break the bound: the
     *         trimming voters everywhere, interval fusion only at n = 2f + 1 (at larger n the k - f coverage it
     *         demands still needs a correct interval).
     */
    static List<RealVoterCase> tight() {
        return all().stream().filter(c -> !(c.factory().get() instanceof IntervalFusion) || c.n() == 2 * c.f() + 1)
            .toList();
    }
}
