package org.bftvote.sim.emulation;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * Draws the onsets of a Poisson process of rate {@code perHour} once per frame: each frame fires with probability
 * {@code 1 - exp(-perHour * frameSeconds / 3600)}, exactly the chance of at least one event in the frame. At most
 * one event per frame is reported, which is exact to first order and errs by far less than a frame's share of the
 * rate for any rate a flight-critical unit has (the tests check counts over many simulated hours).
 *
 * <p>Every call consumes exactly one draw of its stream. Allocation-free; not thread safe.
 */
public final class PoissonTrigger {
    private final double probabilityPerFrame;
    private final SimRandom random;

    /**
     * @param perHour      event rate per hour, finite and non-negative
     * @param frameRateHz  frames per second, positive
     * @param random       the trigger's stream
     */
    public PoissonTrigger(final double perHour, final double frameRateHz, final SimRandom random) {
        Require.finiteNonNegative("perHour", perHour);
        Require.finiteNonNegative("frameRateHz", frameRateHz);
        if (frameRateHz == 0.0) {
            throw new InvalidConfigException("frameRateHz", frameRateHz, "frameRateHz > 0");
        }
        this.probabilityPerFrame = -StrictMath.expm1(-perHour / 3600.0 / frameRateHz);
        this.random = Require.notNull("random", random);
    }

    /**
     * @return the probability that a frame fires
     */
    public double probabilityPerFrame() {
        return probabilityPerFrame;
    }

    /**
     * @return whether an event starts in this frame
     */
    public boolean fires() {
        return random.nextDouble() < probabilityPerFrame;
    }
}
