package org.bftvote.sim.emulation;

/**
 * A bus between lanes at message level: decides, for each message from one sender to one receiver, whether it
 * arrives, when, how often and whether its bytes are damaged, and damages them in place.
 *
 * <p>Contract: {@link #deliver} is called once per message per receiver, with a copy of the encoded message the
 * receiver will decode; it flips bits inside {@code [off, off + len)} when the outcome is corrupted or divergent
 * (pass the range that excludes the CRC field if the CRC is to be re-sealed afterwards), and leaves the bytes
 * alone otherwise. It consumes a fixed number of random draws per call whatever the outcome, allocates nothing,
 * and counts every outcome. A call with a sender or receiver outside the lanes, or a length the channel cannot
 * hold, reports {@link DeliveryOutcome#LOST} and counts it under {@link #misaddressed()}. Not thread safe.
 */
public interface BusChannel {
    /**
     * @param frame    frame index (for time-dependent faults such as a marginal transmitter's window)
     * @param sender   sending lane
     * @param receiver receiving lane
     * @param msg      the receiver's copy of the encoded message; damaged in place when corrupted
     * @param off      first byte that may be damaged
     * @param len      number of bytes that may be damaged
     * @param out      receives the result
     * @return {@code out.outcome()}
     */
    DeliveryOutcome deliver(long frame, int sender, int receiver, byte[] msg, int off, int len, Delivery out);

    /**
     * @param outcome an outcome
     * @return how many calls ended with it
     */
    long count(DeliveryOutcome outcome);

    /**
     * @return number of calls so far
     */
    long deliveries();

    /**
     * @return number of calls refused because of a lane index or length out of bounds (also counted as LOST)
     */
    long misaddressed();
}
