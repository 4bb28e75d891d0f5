package org.bftvote.sim.emulation;

/** How senders share a bus; decides when in the round a message arrives. */
public enum BusScheduling {
    /**
     * Time-triggered (TDMA, TTP, TTEthernet time-triggered class): sender {@code i} owns slot {@code i}; arrival =
     * {@code i * slotUs + latencyMinUs} ± jitter, the same every round.
     */
    TIME_TRIGGERED,
    /**
     * Periodic, unsynchronised senders through shared queues (ARINC 429, AFDX virtual links, CAN): arrival is
     * uniform over {@code [latencyMinUs, latencyMaxUs]} ± jitter, drawn per message.
     */
    PERIODIC
}
