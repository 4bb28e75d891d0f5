package org.bftvote.sim.emulation;

import org.bftvote.Require;

/**
 * A seeded random walk: starts at {@code start}; between two asked times {@code t0 < t1} it moves by a gaussian of
 * standard deviation {@code sigmaPerSqrtSecond * sqrt(t1 - t0)} (Brownian scaling, so the statistics do not depend
 * on the frame rate). Asking the same frame again returns the same value; asking an earlier frame returns NaN.
 * Allocation-free; not thread safe.
 */
public final class RandomWalkTruth implements TruthModel {
    private final double sigmaPerSqrtSecond;
    private final SimRandom random;
    private long lastFrame = -1;
    private double lastT;
    private double value;

    /**
     * @param start              value at the first asked frame, finite
     * @param sigmaPerSqrtSecond step standard deviation per square-root second, finite and non-negative
     * @param random             the walk's own stream
     */
    public RandomWalkTruth(final double start, final double sigmaPerSqrtSecond, final SimRandom random) {
        this.value = Require.finite("walk.start", start);
        this.sigmaPerSqrtSecond = Require.finiteNonNegative("walk.sigmaPerSqrtSecond", sigmaPerSqrtSecond);
        this.random = Require.notNull("walk.random", random);
    }

    @Override
    public double valueAt(final long frame, final double t) {
        if (frame == lastFrame) {
            return value;
        }
        if (frame < lastFrame || !Double.isFinite(t) || lastFrame >= 0 && t < lastT) {
            return Double.NaN;
        }
        if (lastFrame >= 0) {
            value += sigmaPerSqrtSecond * StrictMath.sqrt(t - lastT) * random.nextGaussian();
        }
        lastFrame = frame;
        lastT = t;
        return value;
    }
}
