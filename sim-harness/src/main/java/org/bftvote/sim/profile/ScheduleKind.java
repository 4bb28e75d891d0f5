package org.bftvote.sim.profile;

import org.bftvote.sim.yaml.YamlName;

/**
 * How a bus schedules access to the medium.
 */
public enum ScheduleKind implements YamlName {
    /** Each message is sent periodically by its one transmitter, period between period_min and period_max. */
    PERIODIC("periodic"),
    /** Each virtual link may send at most one frame per BAG, BAG between period_min and period_max (AFDX). */
    BANDWIDTH_ALLOCATION_GAP("bandwidth_allocation_gap"),
    /** Fixed TDMA slots in a cycle of period_min = period_max; slot is the slot length. */
    TIME_TRIGGERED("time_triggered"),
    /** A bus controller commands each transfer; period bounds are the minor frame (MIL-STD-1553B). */
    COMMAND_RESPONSE("command_response"),
    /** Periodic messages contending by identifier priority (CAN, ARINC 825). */
    PRIORITY_ARBITRATION("priority_arbitration"),
    /**
     * Periodic transmission with each terminal waiting its own terminal gap before access (ARINC 629 basic protocol).
     */
    WAIT_PERIODIC("wait_periodic");

    private final String yamlName;

    ScheduleKind(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
