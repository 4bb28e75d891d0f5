package org.bftvote.sim.campaign;

import java.util.SplittableRandom;

/**
 * The seeds of a campaign's runs, derived from one base seed: run {@code i} (0-based) gets the {@code (i+1)}-th
 * {@link SplittableRandom#nextLong()} of {@code new SplittableRandom(base)}, with the sign bit cleared (so seeds
 * are non-negative and print plainly). The sequence is fixed by the JDK's documented SplitMix64 algorithm, so the
 * same base seed gives the same seeds on every platform, and the first {@code N} seeds of a longer campaign are
 * those of a shorter one.
 *
 * <p>{@link #seed(long, long)} computes any run's seed directly (SplitMix64 adds a fixed gamma to its state at
 * every call and mixes the result), so a shard or a resumed campaign starts anywhere in the sequence without
 * drawing the seeds before it and without an array per run. {@code CampaignTest} checks it against
 * {@link SplittableRandom} itself.
 */
public final class CampaignSeeds {
    /** SplitMix64's state increment, the one {@code new SplittableRandom(seed)} uses. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private CampaignSeeds() {
    }

    /**
     * @param base  the campaign's base seed
     * @param index run number, 0-based, not negative
     * @return that run's seed: the {@code (index+1)}-th {@code nextLong()} of {@code new SplittableRandom(base)}
     *         with the sign bit cleared
     */
    public static long seed(final long base, final long index) {
        if (index < 0) {
            throw new IllegalArgumentException("run index must be >= 0, got " + index);
        }
        return mix64(base + (index + 1) * GOLDEN_GAMMA) & Long.MAX_VALUE;
    }

    /**
     * @param base the campaign's base seed
     * @param runs number of runs, &gt;= 0 (allocates one entry per run: for tests and small campaigns)
     * @return the seed of each run, in run order
     */
    public static long[] derive(final long base, final int runs) {
        final long[] seeds = new long[runs];
        for (int i = 0; i < runs; i++) {
            seeds[i] = seed(base, i);
        }
        return seeds;
    }

    /** SplitMix64's output function (Stafford's variant 13), as in {@link SplittableRandom#nextLong()}. */
    private static long mix64(final long z0) {
        long z = (z0 ^ (z0 >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
