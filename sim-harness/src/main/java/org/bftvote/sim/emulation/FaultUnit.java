package org.bftvote.sim.emulation;

/** The kind of unit a ledger entry is about. */
public enum FaultUnit {
    /** A lane's computer or transmitter: counts against the agreement fault budget. */
    LANE,
    /**
     * A bus fault, charged to the sending lane it makes look faulty (a marginal transmitter, a dead link): counts
     * against the agreement fault budget as that lane.
     */
    BUS,
    /**
     * A sensor: the lane reading it still relays faithfully, so it does not count against the agreement budget,
     * only against the voter's tolerance for that signal (see {@link FaultLedger#activeSensorFaults}).
     */
    SENSOR
}
