package org.bftvote.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bftvote.testsupport.ClockRound;
import org.junit.jupiter.api.Test;

/**
 * Every behaviour of one faulty clock among four lanes on a small grid: each healthy clock, every claim the faulty
 * lane can make to each healthy lane (or silence), and — in the second test — every combination of reading errors
 * ±ε. The Welch–Lynch bounds hold in each case.
 */
class ClockSyncExhaustiveTest {
    private static final long[] CLAIMS = {-4, -1, 0, 1, 2, 3, 4, 7, ClockRound.MISSING};

    @Test
    void everyClaimOfOneFaultyLaneWithExactReadings() {
        long cases = 0;
        for (int faulty = 0; faulty < 4; faulty++) {
            final ClockRound round = new ClockRound(4);
            round.faulty = 1L << faulty;
            final int[] healthy = healthyOf(faulty);
            for (int clocks = 0; clocks < 64; clocks++) {
                for (int h = 0; h < 3; h++) {
                    round.clock[healthy[h]] = (clocks >> (2 * h)) & 3;
                }
                for (int behaviour = 0; behaviour < CLAIMS.length * CLAIMS.length * CLAIMS.length; behaviour++) {
                    int rest = behaviour;
                    for (int h = 0; h < 3; h++) {
                        round.claim[healthy[h]][faulty] = CLAIMS[rest % CLAIMS.length];
                        rest /= CLAIMS.length;
                    }
                    check(round, 0, "faulty=" + faulty + " clocks=" + clocks + " behaviour=" + behaviour);
                    cases++;
                }
            }
        }
        assertEquals(4L * 64 * 729, cases);
    }

    @Test
    void everyReadingErrorAndClaimWithEpsilonOne() {
        final long epsilon = 1;
        final long[] claims = {-3, 0, 2, 5, ClockRound.MISSING};
        final ClockRound round = new ClockRound(4);
        final int faulty = 3;
        round.faulty = 1L << faulty;
        final int[] healthy = healthyOf(faulty);
        long cases = 0;
        for (int clocks = 0; clocks < 8; clocks++) {
            for (int h = 0; h < 3; h++) {
                round.clock[healthy[h]] = 2L * ((clocks >> h) & 1);
            }
            for (int errors = 0; errors < 729; errors++) {
                int rest = errors;
                for (final int u : healthy) {
                    for (final int j : healthy) {
                        if (u != j) {
                            round.error[u][j] = rest % 3 - 1;
                            rest /= 3;
                        }
                    }
                }
                for (int behaviour = 0; behaviour < claims.length * claims.length * claims.length; behaviour++) {
                    int b = behaviour;
                    for (int h = 0; h < 3; h++) {
                        round.claim[healthy[h]][faulty] = claims[b % claims.length];
                        b /= claims.length;
                    }
                    check(round, epsilon, "clocks=" + clocks + " errors=" + errors + " behaviour=" + behaviour);
                    cases++;
                }
            }
        }
        assertEquals(8L * 729 * 125, cases);
    }

    private static void check(final ClockRound round, final long epsilon, final String what) {
        final long[] after = round.clock.clone();
        round.run(ClockSyncPropertyTest.corrector(ClockSyncPropertyTest.lanes(4, 1), 0), after);
        final String violation = round.violation(epsilon, after);
        if (violation != null) {
            throw new AssertionError(what + ": " + violation);
        }
    }

    private static int[] healthyOf(final int faulty) {
        final int[] healthy = new int[3];
        int k = 0;
        for (int i = 0; i < 4; i++) {
            if (i != faulty) {
                healthy[k++] = i;
            }
        }
        return healthy;
    }
}
