package org.bftvote.sim.hil;

import java.util.Locale;

/**
 * What the relay counts. Every datagram its bus ports receive ({@link #RECEIVED}) ends in exactly one of
 * {@link #FORWARDED}, {@link #SUPPRESSED}, {@link #UNKNOWN_SENDER}, {@link #MISADDRESSED}, {@link #NO_DESTINATION},
 * {@link #POOL_FULL}, {@link #SEND_FAILED} or {@link #HELD_AT_END}; {@link #HELD} counts those that waited before
 * being forwarded, {@link #EXTRA_COPIES} the duplicates and babbled copies the faults added (sent besides).
 */
enum RelayCounter {
    /** Datagrams received on the bus ports. */
    RECEIVED,
    /** Sent on to their receiver (at once or after being held). */
    FORWARDED,
    /** Not sent on: the sending lane's fault suppressed it or the bus lost it. */
    SUPPRESSED,
    /** Came from an address other than the lane that owns the port. */
    UNKNOWN_SENDER,
    /** Named no other lane as receiver (or was too short to name one). */
    MISADDRESSED,
    /** The receiver had not announced its address yet. */
    NO_DESTINATION,
    /** Had to be held but the hold pool was full. */
    POOL_FULL,
    /** The socket refused to send it. */
    SEND_FAILED,
    /** Still held when the relay stopped. */
    HELD_AT_END,
    /** Held before being forwarded (bus delay, or late after its round's deadline). */
    HELD,
    /** Duplicates and babbled copies sent besides. */
    EXTRA_COPIES,
    /** Duplicates and babbled copies the socket refused. */
    COPY_FAILED;

    /** Number of counters. */
    static final int COUNT = values().length;
    /** The counters that partition {@link #RECEIVED}. */
    static final RelayCounter[] FATES = {FORWARDED, SUPPRESSED, UNKNOWN_SENDER, MISADDRESSED, NO_DESTINATION,
        POOL_FULL, SEND_FAILED, HELD_AT_END};

    /** @return the name used in hil.json */
    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
