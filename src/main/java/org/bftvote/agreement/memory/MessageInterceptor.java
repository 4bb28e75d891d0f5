package org.bftvote.agreement.memory;

/**
 * Sits between encoding and delivery in a {@link LaneCluster}: sees every message, once per receiver, and decides
 * what the receiver gets. This is the hook for simulated buses and for adversaries.
 *
 * <p>Contract: the interceptor may read and rewrite {@code buffer[offset, offset + capacity)} in place (to corrupt
 * bytes or to substitute another message, valid or not) and returns what to deliver:
 * <ul>
 *   <li>a length {@code 0 <= L <= capacity}: deliver {@code buffer[offset, offset + L)} now, in this round;</li>
 *   <li>{@link #DROP}: deliver nothing (the receiver sees the message missing at the deadline);</li>
 *   <li>{@link #DELAY}: deliver it after the round's deadline (the receiver drops it as late).</li>
 * </ul>
 * It must not keep a reference to {@code buffer}; the cluster reuses it. For the cluster to stay allocation-free,
 * so must the interceptor.
 */
@FunctionalInterface
public interface MessageInterceptor {
    /** Result: deliver nothing. */
    int DROP = -1;
    /** Result: deliver after the round's deadline. */
    int DELAY = -2;

    /** Delivers every message unchanged. */
    MessageInterceptor PASS = (frame, round, sender, receiver, buffer, offset, length, capacity) -> length;

    /**
     * @param frame    frame number
     * @param round    round, 1 to m + 1
     * @param sender   the lane (link) the message comes from
     * @param receiver the lane it goes to
     * @param buffer   the encoded message, rewritable
     * @param offset   message start
     * @param length   encoded length
     * @param capacity bytes available from {@code offset}
     * @return a length to deliver, {@link #DROP} or {@link #DELAY}
     */
    int intercept(long frame, int round, int sender, int receiver, byte[] buffer, int offset, int length,
        int capacity);
}
