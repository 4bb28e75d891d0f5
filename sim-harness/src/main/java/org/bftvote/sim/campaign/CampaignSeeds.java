package org.bftvote.sim.campaign;

import java.util.SplittableRandom;

/**
 * The seeds of a campaign's runs, derived from one base seed: run {@code i} (0-based) gets the {@code (i+1)}-th
 * {@link SplittableRandom#nextLong()} of {@code new SplittableRandom(base)}, with the sign bit cleared (so seeds
 * are non-negative and print plainly). The sequence is fixed by the JDK's documented SplitMix64 algorithm, so the
 * same base seed gives the same seeds on every platform, and the first {@code N} seeds of a longer campaign are
 * those of a shorter one.
 */
public final class CampaignSeeds {

    private CampaignSeeds() {
    }

    /**
     * @param base the campaign's base seed
     * @param runs number of runs, &gt;= 0
     * @return the seed of each run, in run order
     */
    public static long[] derive(final long base, final int runs) {
        final SplittableRandom random = new SplittableRandom(base);
        final long[] seeds = new long[runs];
        for (int i = 0; i < runs; i++) {
            seeds[i] = random.nextLong() & Long.MAX_VALUE;
        }
        return seeds;
    }
}
