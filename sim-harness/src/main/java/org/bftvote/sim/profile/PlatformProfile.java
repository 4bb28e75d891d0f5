package org.bftvote.sim.profile;

import java.util.List;

/**
 * A redundant flight-control platform: its lanes, the buses between them, the signals each lane measures with which
 * sensor, and how the bftvote library is configured on it. Loaded from {@code hw-profiles/platforms/NAME.yaml};
 * every reference to a bus or sensor profile is resolved when it is loaded.
 *
 * @param name        profile name, equal to the file name without {@code .yaml}
 * @param file        the file it was loaded from, as shown in messages
 * @param description one line saying what the platform models
 * @param frameRate   control frames per second, Hz
 * @param lanes       lane names; a lane's index in this list is its lane id
 * @param buses       the buses the platform uses, in file order
 * @param agreement   the interactive-consistency configuration
 * @param signals     the voted signals, in file order
 * @param laneFailureModes rated failure modes of every lane (its computer), in file order; empty when the profile
 *                    gives none
 */
public record PlatformProfile(String name, String file, String description, double frameRate, List<String> lanes,
                              List<BusAttachment> buses, AgreementSettings agreement, List<SignalSpec> signals,
                              List<RatedLaneFailure> laneFailureModes) {

    /**
     * Copies the lists so the record is immutable.
     *
     * @param name        see the record description
     * @param file        see the record description
     * @param description see the record description
     * @param frameRate   see the record description
     * @param lanes       see the record description
     * @param buses       see the record description
     * @param agreement   see the record description
     * @param signals     see the record description
     * @param laneFailureModes see the record description
     */
    public PlatformProfile {
        lanes = List.copyOf(lanes);
        buses = List.copyOf(buses);
        signals = List.copyOf(signals);
        laneFailureModes = List.copyOf(laneFailureModes);
    }

    /**
     * A platform whose profile rates no lane failure.
     *
     * @param name        see the record description
     * @param file        see the record description
     * @param description see the record description
     * @param frameRate   see the record description
     * @param lanes       see the record description
     * @param buses       see the record description
     * @param agreement   see the record description
     * @param signals     see the record description
     */
    public PlatformProfile(final String name, final String file, final String description, final double frameRate,
        final List<String> lanes, final List<BusAttachment> buses, final AgreementSettings agreement,
        final List<SignalSpec> signals) {
        this(name, file, description, frameRate, lanes, buses, agreement, signals, List.of());
    }

    /**
     * Returns the index of a lane.
     *
     * @param lane the lane name
     * @return its index, or -1 when the platform has no such lane
     */
    public int laneIndex(final String lane) {
        return lanes.indexOf(lane);
    }

    /**
     * Finds a signal by name.
     *
     * @param signal the signal name
     * @return the signal, or null when there is none
     */
    public SignalSpec signal(final String signal) {
        for (final SignalSpec spec : signals) {
            if (spec.name().equals(signal)) {
                return spec;
            }
        }
        return null;
    }

    /**
     * Finds a bus by its name on this platform.
     *
     * @param bus the bus name
     * @return the bus, or null when there is none
     */
    public BusAttachment bus(final String bus) {
        for (final BusAttachment attachment : buses) {
            if (attachment.name().equals(bus)) {
                return attachment;
            }
        }
        return null;
    }
}
