package org.bftvote.sim.emulation;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * One bus network, at message level. Immutable. Times are microseconds from the start of the exchange round.
 *
 * @param latencyMinUs           smallest transfer time
 * @param latencyMaxUs           largest transfer time (periodic scheduling)
 * @param jitterUs               extra uniform jitter in {@code [-jitterUs, +jitterUs]}
 * @param deadlineUs             a message arriving after this is {@link DeliveryOutcome#LATE}
 * @param scheduling             time-triggered slots or periodic senders
 * @param slotUs                 slot length for time-triggered scheduling (sender {@code i} sends at
 *                               {@code i * slotUs})
 * @param loss                   loss model, per directed (sender, receiver) link
 * @param duplicationProbability chance a delivered message arrives twice
 * @param bitErrorRate           probability of each bit being flipped in transit
 * @param detectionCoverage      share of corrupted messages that the receiver's checks catch (the rest keep a
 *                               valid check sum: the undetected residue)
 */
public record BusSpec(double latencyMinUs, double latencyMaxUs, double jitterUs, double deadlineUs,
                      BusScheduling scheduling, double slotUs, LossSpec loss, double duplicationProbability,
                      double bitErrorRate, double detectionCoverage) {
    /**
     * @param latencyMinUs           finite, non-negative
     * @param latencyMaxUs           finite, at least {@code latencyMinUs}
     * @param jitterUs               finite, non-negative
     * @param deadlineUs             finite, non-negative
     * @param scheduling             not null
     * @param slotUs                 finite, non-negative
     * @param loss                   not null
     * @param duplicationProbability 0 to 1
     * @param bitErrorRate           0 to 1
     * @param detectionCoverage      0 to 1
     */
    public BusSpec {
        Require.finiteNonNegative("bus.latencyMinUs", latencyMinUs);
        Require.finiteNonNegative("bus.latencyMaxUs", latencyMaxUs);
        if (latencyMaxUs < latencyMinUs) {
            throw new InvalidConfigException("bus.latencyMaxUs", latencyMaxUs, "bus.latencyMaxUs >= bus.latencyMinUs ("
                + latencyMinUs + ")");
        }
        Require.finiteNonNegative("bus.jitterUs", jitterUs);
        Require.finiteNonNegative("bus.deadlineUs", deadlineUs);
        Require.notNull("bus.scheduling", scheduling);
        Require.finiteNonNegative("bus.slotUs", slotUs);
        Require.notNull("bus.loss", loss);
        LossSpec.probability("bus.duplicationProbability", duplicationProbability);
        LossSpec.probability("bus.bitErrorRate", bitErrorRate);
        LossSpec.probability("bus.detectionCoverage", detectionCoverage);
    }

    /**
     * A perfect periodic bus: every message on time, never lost, duplicated or corrupted.
     *
     * @param latencyUs  fixed transfer time
     * @param deadlineUs round deadline
     * @return the spec
     */
    public static BusSpec ideal(final double latencyUs, final double deadlineUs) {
        return new BusSpec(latencyUs, latencyUs, 0.0, deadlineUs, BusScheduling.PERIODIC, 0.0, LossSpec.NONE, 0.0,
            0.0, 1.0);
    }

    /**
     * @param newLoss a loss model
     * @return this spec with that loss model
     */
    public BusSpec withLoss(final LossSpec newLoss) {
        return new BusSpec(latencyMinUs, latencyMaxUs, jitterUs, deadlineUs, scheduling, slotUs, newLoss,
            duplicationProbability, bitErrorRate, detectionCoverage);
    }

    /**
     * @param newBitErrorRate   bit error rate
     * @param newCoverage       detection coverage
     * @return this spec with that corruption model
     */
    public BusSpec withBitErrors(final double newBitErrorRate, final double newCoverage) {
        return new BusSpec(latencyMinUs, latencyMaxUs, jitterUs, deadlineUs, scheduling, slotUs, loss,
            duplicationProbability, newBitErrorRate, newCoverage);
    }
}
