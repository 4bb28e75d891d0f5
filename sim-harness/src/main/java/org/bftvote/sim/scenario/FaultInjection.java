package org.bftvote.sim.scenario;

import java.util.List;

import org.bftvote.sim.profile.FailureKind;
import org.bftvote.sim.profile.FaultParameters;
import org.bftvote.sim.profile.LossModel;

/**
 * A fault a scenario injects at a given time: into one lane's sensor for one signal, into a whole lane, or into a
 * bus. Every injection has an id that expectations refer to.
 */
public sealed interface FaultInjection permits FaultInjection.SensorFault, FaultInjection.LaneFault,
    FaultInjection.BusFault {

    /**
     * Returns the injection's id, unique in its scenario.
     *
     * @return the id
     */
    String id();

    /**
     * Returns when the fault starts, seconds from the start of the run.
     *
     * @return the start time
     */
    double startSeconds();

    /**
     * Returns how long the fault lasts.
     *
     * @return seconds, or NaN when it lasts to the end of the run
     */
    double durationSeconds();

    /**
     * A fault of the sensor one lane reads one signal with.
     *
     * @param id           the id
     * @param startSeconds when it starts
     * @param lane         the lane's index in the platform
     * @param laneName     the lane's name
     * @param signal       the signal's index in the platform
     * @param signalName   the signal's name
     * @param kind         the failure mode
     * @param parameters   the mode's parameters, canonical signal units; {@code parameters.duration()} is the
     *                     duration
     */
    record SensorFault(String id, double startSeconds, int lane, String laneName, int signal, String signalName,
                       FailureKind kind, FaultParameters parameters) implements FaultInjection {
        @Override
        public double durationSeconds() {
            return parameters.duration();
        }
    }

    /**
     * A fault of a whole lane.
     *
     * @param id              the id
     * @param startSeconds    when it starts
     * @param durationSeconds how long, NaN for the rest of the run (reboot and stall always have one: the time
     *                        the lane computer is down)
     * @param lane            the lane's index in the platform
     * @param laneName        the lane's name
     * @param kind            the lane fault
     * @param omissionProbability omission: chance each message is lost; NaN otherwise
     * @param victims         two_faced, off_spec_timing: indexes of the receiving lanes that see the fault; empty
     *                        otherwise
     * @param offsetFraction  two_faced: offset sent to every victim as a fraction of each signal's range; NaN
     *                        otherwise, and when the victims get offsets of their own
     * @param delaySeconds    off_spec_timing: how late messages are sent; NaN otherwise
     * @param babbleRate      babbling: extra messages per second, Hz; NaN otherwise
     * @param victimOffsets   two_faced: the offset each victim gets, as a fraction of each signal's range, in
     *                        {@code victims} order (all {@code offsetFraction} unless the scenario gave one each);
     *                        empty otherwise
     */
    record LaneFault(String id, double startSeconds, double durationSeconds, int lane, String laneName,
                     LaneFaultKind kind, double omissionProbability, List<Integer> victims, double offsetFraction,
                     double delaySeconds, double babbleRate, List<Double> victimOffsets) implements FaultInjection {
        /**
         * Copies the lists.
         *
         * @param id                  see the record description
         * @param startSeconds        see the record description
         * @param durationSeconds     see the record description
         * @param lane                see the record description
         * @param laneName            see the record description
         * @param kind                see the record description
         * @param omissionProbability see the record description
         * @param victims             see the record description
         * @param offsetFraction      see the record description
         * @param delaySeconds        see the record description
         * @param babbleRate          see the record description
         * @param victimOffsets       see the record description
         */
        public LaneFault {
            victims = List.copyOf(victims);
            victimOffsets = List.copyOf(victimOffsets);
        }
    }

    /**
     * A condition on a bus of the platform.
     *
     * @param id                  the id
     * @param startSeconds        when it starts
     * @param durationSeconds     how long, NaN for the rest of the run
     * @param bus                 the bus's name on the platform
     * @param network             the network it affects, or null for every network of the bus
     * @param kind                the condition
     * @param loss                loss: the loss model; null otherwise
     * @param bitErrorRate        bit_errors: probability a bit flips; NaN otherwise
     * @param extraLatencySeconds delay: added latency; NaN otherwise
     */
    record BusFault(String id, double startSeconds, double durationSeconds, String bus, String network,
                    BusFaultKind kind, LossModel loss, double bitErrorRate, double extraLatencySeconds)
        implements FaultInjection {
    }
}
