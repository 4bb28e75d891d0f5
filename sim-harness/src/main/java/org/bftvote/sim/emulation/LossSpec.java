package org.bftvote.sim.emulation;

import org.bftvote.InvalidConfigException;

/**
 * Message loss as a Gilbert–Elliott channel: a good and a bad state; {@code p} = P(good → bad), {@code r} =
 * P(bad → good) per message on the link; a message gets through with probability {@code k} in the good state and
 * {@code h} in the bad state. Stationary loss {@code (1−k)·r/(p+r) + (1−h)·p/(p+r)}; with {@code h = 0, k = 1} the
 * mean burst of consecutive losses is {@code 1/r} messages. Independent loss with probability {@code q} is the
 * special case {@code p = 0, r = 1, h = 1, k = 1 − q} ({@link #independent(double)}).
 *
 * @param p P(good → bad) per message
 * @param r P(bad → good) per message
 * @param h P(delivered | bad)
 * @param k P(delivered | good)
 */
public record LossSpec(double p, double r, double h, double k) {
    /** No loss at all. */
    public static final LossSpec NONE = independent(0.0);

    /**
     * @param p 0 to 1
     * @param r 0 to 1, positive when {@code p} is
     * @param h 0 to 1
     * @param k 0 to 1
     */
    public LossSpec {
        probability("loss.p", p);
        probability("loss.r", r);
        probability("loss.h", h);
        probability("loss.k", k);
        if (p > 0.0 && r == 0.0) {
            throw new InvalidConfigException("loss.r", r, "loss.r > 0 when loss.p > 0 (else the bad state never ends)");
        }
    }

    static double probability(final String name, final double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new InvalidConfigException(name, value, "0 <= " + name + " <= 1");
        }
        return value;
    }

    /**
     * @param lossProbability probability that each message is lost, independently of the others
     * @return independent loss
     */
    public static LossSpec independent(final double lossProbability) {
        probability("loss.probability", lossProbability);
        return new LossSpec(0.0, 1.0, 1.0, 1.0 - lossProbability);
    }

    /**
     * @param p P(good → bad)
     * @param r P(bad → good)
     * @param h P(delivered | bad)
     * @param k P(delivered | good)
     * @return burst loss
     */
    public static LossSpec gilbertElliott(final double p, final double r, final double h, final double k) {
        return new LossSpec(p, r, h, k);
    }

    /**
     * @return the long-run share of messages lost
     */
    public double stationaryLoss() {
        final double sum = p + r;
        final double bad = sum > 0.0 ? p / sum : 0.0;
        return (1.0 - k) * (1.0 - bad) + (1.0 - h) * bad;
    }
}
