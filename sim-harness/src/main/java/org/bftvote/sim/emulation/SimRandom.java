package org.bftvote.sim.emulation;

import java.util.SplittableRandom;

/**
 * One independent, seeded stream of random numbers. Wraps {@link SplittableRandom} and adds a gaussian drawn by
 * Marsaglia's polar method with {@link StrictMath}, so the sequence is bit-identical on every JVM and platform
 * (unlike {@code java.util.Random#nextGaussian}, whose state would be shared by whoever holds the instance).
 *
 * <p>Per-draw methods allocate nothing. Not thread safe: one stream belongs to one model.
 */
public final class SimRandom {
    private final SplittableRandom random;
    /** The second gaussian of the last polar pair; valid while {@link #hasSpare} is set. */
    private double spare;
    private boolean hasSpare;

    /**
     * @param seed seed of this stream
     */
    public SimRandom(final long seed) {
        this(new SplittableRandom(seed));
    }

    private SimRandom(final SplittableRandom random) {
        this.random = random;
    }

    /**
     * Splits off a new stream, statistically independent of this one. Advances this stream. Setup time only.
     *
     * @return the new stream
     */
    public SimRandom split() {
        return new SimRandom(random.split());
    }

    /**
     * @return a uniform double in {@code [0, 1)}
     */
    public double nextDouble() {
        return random.nextDouble();
    }

    /**
     * @param min lower bound, inclusive
     * @param max upper bound, exclusive (returns {@code min} when {@code max <= min})
     * @return a uniform double in {@code [min, max)}
     */
    public double uniform(final double min, final double max) {
        final double u = random.nextDouble();
        return max > min ? min + u * (max - min) : min;
    }

    /**
     * @param probability chance of {@code true}; at most 0 never, at least 1 always
     * @return {@code true} with the given probability; always consumes exactly one draw
     */
    public boolean chance(final double probability) {
        return random.nextDouble() < probability;
    }

    /**
     * @return a uniform 64-bit value
     */
    public long nextLong() {
        return random.nextLong();
    }

    /**
     * @param bound exclusive upper bound, at least 1
     * @return a uniform int in {@code [0, bound)}
     */
    public int nextInt(final int bound) {
        return random.nextInt(bound);
    }

    /**
     * Standard normal deviate (mean 0, standard deviation 1). Marsaglia's polar method: draws pairs in the unit disc,
     * keeps the second value of each pair for the next call; uses only {@code StrictMath.log} and
     * {@code StrictMath.sqrt}, both reproducible bit for bit.
     *
     * @return the next gaussian of this stream
     */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * random.nextDouble() - 1.0;
            v = 2.0 * random.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        final double factor = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
        spare = v * factor;
        hasSpare = true;
        return u * factor;
    }
}
