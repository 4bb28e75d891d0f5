package org.bftvote.sim.trace;

/**
 * Receives, from a {@link TraceReader}, the exchange messages each lane received in a frame, in the order that lane
 * received them; they come just before the frame's {@link org.bftvote.sim.run.FrameObserver#onFrame}.
 */
@FunctionalInterface
public interface ExchangeObserver {
    /** Ignores every message. */
    ExchangeObserver NONE = (frame, lane, round, link, buffer, offset, length, late) -> { };

    /**
     * @param frame  the frame
     * @param lane   the receiving lane
     * @param round  the round during which it was received
     * @param link   the link it arrived on (the sender)
     * @param buffer holds the message; valid only during the call
     * @param offset its first byte
     * @param length its length
     * @param late   whether it arrived after its round closed
     */
    void onReceived(long frame, int lane, int round, int link, byte[] buffer, int offset, int length, boolean late);
}
