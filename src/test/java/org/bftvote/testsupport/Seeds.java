package org.bftvote.testsupport;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Seeds for property tests. A property test is a {@code @ParameterizedTest} over {@code @MethodSource} of seeds;
 * each case builds its generator with {@link #random(long)} and puts the seed in every assertion message, so a
 * failure is replayed by running that one seed.
 *
 * <p>Set {@code -Dbftvote.seeds=N} to run more (or fewer) seeds than the default.
 */
public final class Seeds {
    private static final long BASE = 0x5EED_B17F_0AL;

    private Seeds() {
    }

    /**
     * @return the default seed set: {@code bftvote.seeds} seeds (default 64), fixed so CI is reproducible.
     */
    public static LongStream seeds() {
        return seeds(Integer.getInteger("bftvote.seeds", 64));
    }

    /**
     * @param count how many seeds
     * @return {@code count} fixed, well-spread seeds
     */
    public static LongStream seeds(final int count) {
        final SplittableRandom root = new SplittableRandom(BASE);
        return LongStream.generate(root::nextLong).limit(count);
    }

    /**
     * @param seed seed from {@link #seeds()}
     * @return a generator for that seed
     */
    public static SplittableRandom random(final long seed) {
        return new SplittableRandom(seed);
    }

    /**
     * @param seed the seed of the failing case
     * @return the text every assertion message of a property test starts with
     */
    public static String replay(final long seed) {
        return "seed=" + seed + " (replay with this seed)";
    }
}
