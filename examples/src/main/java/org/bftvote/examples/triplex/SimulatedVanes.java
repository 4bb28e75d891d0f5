package org.bftvote.examples.triplex;

import java.util.SplittableRandom;

/**
 * Three vanes on a slowly varying angle of attack (20 Hz samples, noise σ 0.05°), one of them biased from a given
 * frame. Stands in for the embedder's sensor I/O; seeded, so every run is the same.
 */
public final class SimulatedVanes implements TriplexVoting.Vanes {
    private static final double FRAME_RATE_HZ = 20.0;
    private final SplittableRandom random = new SplittableRandom(20_181_029L);
    private final long biasFrom;
    private final int biasedVane;
    private final double bias;
    private double truth;

    /**
     * @param biasFrom   first biased frame
     * @param biasedVane which vane, 0 to 2
     * @param bias       degrees added to that vane's reading
     */
    public SimulatedVanes(final long biasFrom, final int biasedVane, final double bias) {
        this.biasFrom = biasFrom;
        this.biasedVane = biasedVane;
        this.bias = bias;
    }

    @Override
    public long read(final long frame, final double[] values) {
        truth = 5.0 + 2.0 * Math.sin(2 * Math.PI * 0.1 * frame / FRAME_RATE_HZ);
        for (int vane = 0; vane < 3; vane++) {
            values[vane] = truth + 0.05 * random.nextGaussian();
        }
        if (frame >= biasFrom) {
            values[biasedVane] += bias;
        }
        return 0b111;
    }

    /** @return the true angle of the last frame read */
    public double truth() {
        return truth;
    }

    /** @return the vane that goes wrong */
    public int biasedVane() {
        return biasedVane;
    }
}
