package org.bftvote.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.bftvote.testsupport.ClockRound;
import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Welch–Lynch guarantees of {@link ClockSync} under seeded adversaries: after one round the healthy clocks are
 * within δ/2 + 2ε + 1 ns of each other and within the healthy range widened by ε, with up to f Byzantine clocks and
 * readings missing; resynchronised every period with drifting clocks they stay within 4ε + 4ρP + 2 ns, approached
 * from any initial spread by halving the excess.
 */
class ClockSyncPropertyTest {
    private static final long MAX_OFFSET_NS = 1_000_000_000_000L;
    private static final int ROUNDS_PER_SEED = 200;

    static java.util.stream.LongStream seeds() {
        return Seeds.seeds();
    }

    /** Adapts one {@link ClockSync} per lane to the test round. */
    static ClockRound.Corrector corrector(final ClockSync[] lanes, final long round) {
        return (u, readings) -> {
            final ClockSync sync = lanes[u];
            sync.beginRound(round);
            for (int j = 0; j < readings.length; j++) {
                if (j != u && readings[j] != ClockRound.MISSING) {
                    sync.onReading(round, j, readings[j]);
                }
            }
            return sync.resolve() == ClockSync.OK ? sync.correctionNs() : 0L;
        };
    }

    static ClockSync[] lanes(final int n, final int f) {
        final ClockSync[] lanes = new ClockSync[n];
        for (int i = 0; i < n; i++) {
            lanes[i] = new ClockSync(n, f, i, MAX_OFFSET_NS);
        }
        return lanes;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void oneRoundKeepsPrecisionAndValidityWithFByzantineOrMissingLanes(final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        for (int k = 0; k < ROUNDS_PER_SEED; k++) {
            final int n = 4 + random.nextInt(10);
            final int f = random.nextInt((n - 1) / 3 + 1);
            final ClockRound round = new ClockRound(n);
            final long spread = pick(random, 0L, 1_000L, 1_000_000L, 1_000_000_000L);
            final long epsilon = pick(random, 0L, 1L, 50_000L, 1_000_000L);
            final long base = random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
            fillRound(random, round, f, base, spread, epsilon);
            final ClockRound.Adversary adversary = ClockRound.Adversary.values()[random.nextInt(
                ClockRound.Adversary.values().length)];
            round.claims(adversary, epsilon, pick(random, spread + 1, 10 * spread + 10, 2 * MAX_OFFSET_NS), random);
            final long[] after = round.clock.clone();
            round.run(corrector(lanes(n, f), k), after);
            assertNull(round.violation(epsilon, after), Seeds.replay(seed) + " round " + k + " n=" + n + " f=" + f
                + " " + adversary);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void driftingClocksStayWithinTheSteadyStateBound(final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final int n = 4 + random.nextInt(4);
        final int f = (n - 1) / 3;
        final long period = 10_000_000L;
        final double rho = pick(random, 0L, 20L, 200L) * 1e-6;
        final long epsilon = pick(random, 0L, 100L, 20_000L);
        final long bound = ClockSync.precisionBoundNs(epsilon, rho, period);
        final ClockRound round = new ClockRound(n);
        final long initial = pick(random, 0L, 50_000L, 10_000_000L);
        fillRound(random, round, f, 0L, initial, epsilon);
        final double[] rate = new double[n];
        for (int i = 0; i < n; i++) {
            rate[i] = 1.0 + (2.0 * random.nextDouble() - 1.0) * rho;
        }
        final ClockSync[] lanes = lanes(n, f);
        final long[] after = new long[n];
        final long healthy = round.healthy();
        final long excess0 = Math.max(0, spreadOf(round.clock, healthy) - bound);
        for (int k = 0; k < 300; k++) {
            // Each round adds at most 1 ns of rounding to the correction and 1 ns to the drift step: the
            // discretised recursion's fixed point is the bound + 2, reached from above by halving the excess.
            final long spreadNow = spreadOf(round.clock, healthy);
            final long allowed = bound + 3 + (k < 62 ? excess0 >> k : 0);
            assertTrue(spreadNow <= allowed, Seeds.replay(seed) + " round " + k + ": spread " + spreadNow
                + " ns > " + allowed + " (bound " + bound + ", n=" + n + ", f=" + f + ", rho=" + rho + ", eps="
                + epsilon + ")");
            for (int u = 0; u < n; u++) {
                for (int j = 0; j < n; j++) {
                    round.error[u][j] = random.nextLong(-epsilon, epsilon + 1);
                }
            }
            round.claims(ClockRound.Adversary.MIXED, epsilon, 10 * initial + 1_000_000L, random);
            System.arraycopy(round.clock, 0, after, 0, n);
            round.run(corrector(lanes, k), after);
            for (int i = 0; i < n; i++) {
                round.clock[i] = after[i] + Math.round(period * rate[i]);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theCorrectionIsTheTrimmedMidpointWhateverTheOrderOfArrival(final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final int n = 4 + random.nextInt(10);
        final int f = random.nextInt((n - 1) / 3 + 1);
        final long[] readings = new long[n];
        for (int j = 0; j < n; j++) {
            readings[j] = random.nextLong(-1_000_000L, 1_000_001L);
        }
        readings[0] = 0;
        final long[] sorted = readings.clone();
        java.util.Arrays.sort(sorted);
        final long expected = Math.round((sorted[f] + sorted[n - 1 - f]) / 2.0);
        final ClockSync sync = new ClockSync(n, f, 0, MAX_OFFSET_NS);
        for (int trial = 0; trial < 5; trial++) {
            sync.beginRound(trial);
            final int start = 1 + random.nextInt(n - 1);
            for (int i = 0; i < n - 1; i++) {
                final int j = 1 + (start - 1 + i) % (n - 1);
                assertEquals(ClockSync.OK, sync.onReading(trial, j, readings[j]), Seeds.replay(seed));
            }
            assertEquals(ClockSync.OK, sync.resolve(), Seeds.replay(seed));
            assertEquals(expected, sync.correctionNs(), Seeds.replay(seed) + " n=" + n + " f=" + f);
        }
    }

    /**
     * Healthy clocks within [base, base + spread], the extremes taken; reading errors within ±ε, often at the
     * extremes; up to f lanes faulty or missing at some receivers (at least one of them faulty when f &gt; 0).
     */
    static void fillRound(final SplittableRandom random, final ClockRound round, final int f, final long base,
        final long spread, final long epsilon) {
        final int n = round.lanes();
        for (int i = 0; i < n; i++) {
            round.clock[i] = base + (spread == 0 ? 0 : random.nextLong(spread + 1));
            for (int j = 0; j < n; j++) {
                round.error[i][j] = random.nextBoolean() ? (random.nextBoolean() ? epsilon : -epsilon)
                    : random.nextLong(-epsilon, epsilon + 1);
            }
        }
        round.clock[random.nextInt(n)] = base;
        round.clock[random.nextInt(n)] = base + spread;
        round.faulty = 0;
        java.util.Arrays.fill(round.missing, 0L);
        final int affected = f == 0 ? 0 : 1 + random.nextInt(f);
        for (int a = 0; a < affected; a++) {
            final int lane = random.nextInt(n);
            if (a == 0 || random.nextBoolean()) {
                round.faulty |= 1L << lane;
            } else {
                for (int u = 0; u < n; u++) {
                    if (u != lane && random.nextBoolean()) {
                        round.missing[u] |= 1L << lane;
                    }
                }
            }
        }
        if (Long.bitCount(round.healthy()) == 0) {
            round.faulty = 0;
        }
    }

    static long spreadOf(final long[] clocks, final long mask) {
        return ClockRound.max(clocks, mask) - ClockRound.min(clocks, mask);
    }

    private static long pick(final SplittableRandom random, final long... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
