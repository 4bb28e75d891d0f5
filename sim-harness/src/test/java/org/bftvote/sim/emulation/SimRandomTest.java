package org.bftvote.sim.emulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;

import org.bftvote.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SimRandomTest {
    static LongStream seeds() {
        return LongStream.of(EmulationSeeds.seeds(8));
    }

    private static double[] draws(final SimRandom random, final int count) {
        final double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = i % 2 == 0 ? random.nextGaussian() : random.nextDouble();
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sameSeedGivesIdenticalSequenceAndOtherSeedDiffers(final long seed) {
        assertArrayEquals(draws(new SimRandom(seed), 1000), draws(new SimRandom(seed), 1000), "seed=" + seed);
        assertFalse(java.util.Arrays.equals(draws(new SimRandom(seed), 1000), draws(new SimRandom(seed + 1), 1000)),
            "seed=" + seed);
    }

    /** 200,000 draws: mean within 5 standard errors (0.011) of 0, standard deviation within 1 % of 1. */
    @ParameterizedTest
    @MethodSource("seeds")
    void gaussianHasUnitVarianceAndZeroMean(final long seed) {
        final SimRandom random = new SimRandom(seed);
        final int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            final double g = random.nextGaussian();
            sum += g;
            sumSq += g * g;
        }
        final double mean = sum / n;
        final double std = Math.sqrt(sumSq / n - mean * mean);
        assertEquals(0.0, mean, 5.0 / Math.sqrt(n), "seed=" + seed);
        assertEquals(1.0, std, 0.01, "seed=" + seed);
    }

    @Test
    void streamsDependOnSeedAndNameOnlyAndAreUncorrelated() {
        final RandomStreams one = new RandomStreams(42);
        final SimRandom a = one.stream("a");
        final SimRandom b = one.stream("b");
        // Another order, and a stream more: "a" and "b" are the same sequences.
        final RandomStreams two = new RandomStreams(42);
        two.stream("new");
        final SimRandom b2 = two.stream("b");
        final SimRandom a2 = two.stream("a");
        assertArrayEquals(draws(a, 100), draws(a2, 100));
        assertArrayEquals(draws(b, 100), draws(b2, 100));
        assertEquals(List.of("a", "b"), one.names());
        assertEquals(List.of("new", "b", "a"), two.names());
        // Another seed, or another name: another sequence.
        assertFalse(java.util.Arrays.equals(draws(new RandomStreams(43).stream("a"), 100),
            draws(new RandomStreams(42).stream("a"), 100)));
        assertFalse(java.util.Arrays.equals(draws(new RandomStreams(42).stream("a."), 100),
            draws(new RandomStreams(42).stream("a"), 100)));

        final SimRandom x = new RandomStreams(7).stream("x");
        final SimRandom y = new RandomStreams(7).stream("y");
        final int n = 100_000;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxy += x.nextGaussian() * y.nextGaussian();
        }
        // Correlation of independent unit gaussians: standard error 1/sqrt(n); allow 5.
        assertEquals(0.0, sxy / n, 5.0 / Math.sqrt(n));
    }

    @Test
    void streamNameUsedTwiceIsRefused() {
        final RandomStreams streams = new RandomStreams(1);
        streams.stream("bus");
        final InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> streams.stream("bus"));
        assertTrue(e.getMessage().contains("bus"), e.getMessage());
    }

    @Test
    void chanceAndUniformRespectBounds() {
        final SimRandom random = new SimRandom(3);
        for (int i = 0; i < 10_000; i++) {
            assertFalse(random.chance(0.0));
            assertTrue(random.chance(1.0));
            final double u = random.uniform(-2.0, 3.0);
            assertTrue(u >= -2.0 && u < 3.0, "u=" + u);
        }
        assertEquals(5.0, random.uniform(5.0, 5.0));
    }
}
