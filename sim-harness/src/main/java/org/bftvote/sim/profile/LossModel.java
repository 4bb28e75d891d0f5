package org.bftvote.sim.profile;

/**
 * How frames are lost on a bus network: independently, or in bursts after the Gilbert–Elliott model.
 */
public sealed interface LossModel permits LossModel.Independent, LossModel.GilbertElliott {

    /**
     * Returns the long-run fraction of frames lost.
     *
     * @return the mean loss probability, 0 to 1
     */
    double meanLoss();

    /**
     * Each frame is lost independently with one probability.
     *
     * @param probability the chance a frame is lost, 0 to 1
     */
    record Independent(double probability) implements LossModel {
        @Override
        public double meanLoss() {
            return probability;
        }
    }

    /**
     * Two-state Markov loss (Gilbert–Elliott): a good and a bad state, stepped once per frame.
     *
     * @param p P(good to bad) per frame, 0 to 1
     * @param r P(bad to good) per frame, 0 to 1; the mean burst lasts 1/r frames
     * @param h P(frame delivered) while in the bad state
     * @param k P(frame delivered) while in the good state
     */
    record GilbertElliott(double p, double r, double h, double k) implements LossModel {
        @Override
        public double meanLoss() {
            final double sum = p + r;
            if (sum == 0.0) {
                return 1.0 - k;
            }
            return (1.0 - k) * r / sum + (1.0 - h) * p / sum;
        }
    }
}
