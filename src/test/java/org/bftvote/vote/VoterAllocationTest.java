package org.bftvote.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.bftvote.testsupport.AllocationMeter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Allocation proof: a million warmed votes allocate 0 bytes, for every voter, with inputs that vary every frame
 * (including invalid channels and NaN) so every path is exercised.
 */
@Tag("ALLOC-1")
class VoterAllocationTest {
    private static final int RING = 64;

    static Stream<RealVoterCase> realCases() {
        return RealVoterCase.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realCases")
    void realVotersAllocateNothing(final RealVoterCase c) {
        final RealVoter voter = c.factory().get();
        final int n = c.n();
        final SplittableRandom random = new SplittableRandom(RING + n);
        final double[][] frames = new double[RING][n];
        final long[] masks = new long[RING];
        for (int f = 0; f < RING; f++) {
            for (int i = 0; i < n; i++) {
                frames[f][i] = random.nextInt(10) == 0 ? RealInputs.anyDouble(random) : random.nextDouble(9, 11);
            }
            masks[f] = random.nextInt(8) == 0 ? random.nextLong() : -1L;
        }
        final VoteResult result = new VoteResult();
        final long bytes = AllocationMeter.measure(() -> {
            for (int i = 0; i < AllocationMeter.PROOF_FRAMES; i++) {
                voter.vote(frames[i & (RING - 1)], masks[i & (RING - 1)], n, result);
            }
        });
        assertEquals(0L, bytes, c + " allocated");
    }

    @Test
    void intervalFusionWithPerCallAccuraciesAllocatesNothing() {
        final IntervalFusion fusion = new IntervalFusion(7, 2, 1.0);
        final double[] values = {1.0, 1.1, 0.9, 1.05, 5.0, 0.95, 1.0};
        final double[][] acc = {{1, 1, 1, 1, 1, 1, 1}, {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, Double.NaN}};
        final VoteResult result = new VoteResult();
        final long bytes = AllocationMeter.measure(() -> {
            for (int i = 0; i < AllocationMeter.PROOF_FRAMES; i++) {
                fusion.vote(values, acc[i & 1], -1L, 7, result);
            }
        });
        assertEquals(0L, bytes);
    }

    static Stream<DiscreteVoterContractTest.Case> discreteCases() {
        return DiscreteVoterContractTest.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("discreteCases")
    void discreteVotersAllocateNothing(final DiscreteVoterContractTest.Case c) {
        final DiscreteVoter voter = c.factory().get();
        final SplittableRandom random = new SplittableRandom(RING);
        final long[][] frames = new long[RING][];
        final int[] counts = new int[RING];
        for (int f = 0; f < RING; f++) {
            counts[f] = f % 4 == 0 ? 3 : 1 + random.nextInt(Math.min(9, voter.maxChannels()));
            frames[f] = DiscreteVoterContractTest.words(random, counts[f]);
        }
        final DiscreteVoteResult result = new DiscreteVoteResult();
        final long bytes = AllocationMeter.measure(() -> {
            for (int i = 0; i < AllocationMeter.PROOF_FRAMES; i++) {
                final int f = i & (RING - 1);
                voter.vote(frames[f], -1L, counts[f], result);
            }
        });
        assertEquals(0L, bytes, c + " allocated");
    }
}
