package org.bftvote.sim.run;

/**
 * Told of every exchange message a lane receives, in the order that lane receives it: what a trace records so the
 * lanes' agreement, diagnosis and votes can be re-run from it.
 */
@FunctionalInterface
public interface MessageTap {
    /** Records nothing. */
    MessageTap NONE = (lane, round, link, buffer, offset, length, late) -> { };

    /**
     * @param lane   the receiving lane
     * @param round  the round during which it is delivered
     * @param link   the link it arrives on (the sender)
     * @param buffer the message's bytes; valid only during the call
     * @param offset its first byte
     * @param length its length
     * @param late   whether it arrives after its round closed
     */
    void onReceived(int lane, int round, int link, byte[] buffer, int offset, int length, boolean late);
}
