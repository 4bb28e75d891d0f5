package org.bftvote.bench;

import java.util.SplittableRandom;

/**
 * Pre-generated, seeded noisy frames for benchmarks: a ring of {@link #SIZE} frames per shape, so every invocation
 * sees different inputs (the JIT cannot fold them) and nothing is allocated or generated while measuring.
 */
public final class Frames {
    /** Frames in a ring; a power of two so the index wraps with a mask. */
    public static final int SIZE = 1024;

    private static final long SEED = 0xBE7C_4A11L;

    private Frames() {
    }

    /**
     * @param channels values per frame
     * @return {@link #SIZE} frames of {@code channels} readings of a slowly moving signal plus noise, with now and
     *         then one channel far off
     */
    public static double[][] real(final int channels) {
        final SplittableRandom r = new SplittableRandom(SEED + channels);
        final double[][] frames = new double[SIZE][channels];
        for (int f = 0; f < SIZE; f++) {
            final double truth = 100.0 * Math.sin(f * 0.01);
            for (int c = 0; c < channels; c++) {
                frames[f][c] = truth + r.nextGaussian() * 0.05;
            }
            if (r.nextInt(16) == 0) {
                frames[f][r.nextInt(channels)] = truth + 1000.0;
            }
        }
        return frames;
    }

    /**
     * Healthy frames only, for the redundancy manager's normal path: a signal going once round a slow sine over the
     * ring (so the wrap from the last frame to the first is as smooth as any other step), every channel with its
     * own Gaussian noise (sigma 0.05) and nothing else. Within the configurations of the manager benchmarks no check
     * trips (range -30..60, rate limit 2 a frame, threshold 1.5, frozen detection: the noise moves every channel
     * every frame); {@code ManagerBenchmarkInputsTest} proves it.
     *
     * @param channels values per frame
     * @return {@link #SIZE} frames of {@code channels} noisy readings of 15 + 10 sin(2 pi f / SIZE)
     */
    public static double[][] healthy(final int channels) {
        final SplittableRandom r = new SplittableRandom(SEED ^ channels);
        final double[][] frames = new double[SIZE][channels];
        for (int f = 0; f < SIZE; f++) {
            final double truth = 15.0 + 10.0 * Math.sin(2.0 * Math.PI * f / SIZE);
            for (int c = 0; c < channels; c++) {
                frames[f][c] = truth + r.nextGaussian() * 0.05;
            }
        }
        return frames;
    }

    /**
     * @param channels words per frame
     * @return {@link #SIZE} frames of {@code channels} copies of a random word, with now and then one channel's bits
     *         flipped
     */
    public static long[][] words(final int channels) {
        final SplittableRandom r = new SplittableRandom(SEED - channels);
        final long[][] frames = new long[SIZE][channels];
        for (int f = 0; f < SIZE; f++) {
            final long word = r.nextLong();
            for (int c = 0; c < channels; c++) {
                frames[f][c] = word;
            }
            if (r.nextInt(4) == 0) {
                frames[f][r.nextInt(channels)] ^= r.nextLong();
            }
        }
        return frames;
    }
}
