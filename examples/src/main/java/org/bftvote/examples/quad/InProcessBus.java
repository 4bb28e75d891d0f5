package org.bftvote.examples.quad;

/**
 * The embedder's own transport, in one process: one mailbox per (receiver, sender) pair, holding one message at a
 * time. What matters to the library is that the receiver learns the sender from the mailbox (the link), not from
 * the message. A real system has a bus, a switch or a slot schedule here.
 */
// tag::bus[]
public final class InProcessBus {
    private final byte[][][] mailboxes;   // [receiver][sender] -> message bytes
    private final int[][] lengths;        // [receiver][sender] -> bytes waiting, 0 = none

    /**
     * @param lanes         lanes on the bus
     * @param maxMessageLen largest message, bytes
     */
    public InProcessBus(final int lanes, final int maxMessageLen) {
        mailboxes = new byte[lanes][lanes][maxMessageLen];
        lengths = new int[lanes][lanes];
    }

    /** Copies a message into the receiver's mailbox for this sender. */
    public void send(final int sender, final int receiver, final byte[] message, final int length) {
        System.arraycopy(message, 0, mailboxes[receiver][sender], 0, length);
        lengths[receiver][sender] = length;
    }

    /** Hands every waiting message to the receiver, with the link it came on, and empties the mailboxes. */
    public void deliver(final int receiver, final Receiver handler) {
        for (int sender = 0; sender < lengths[receiver].length; sender++) {
            if (lengths[receiver][sender] > 0) {
                handler.onMessage(sender, mailboxes[receiver][sender], lengths[receiver][sender]);
                lengths[receiver][sender] = 0;
            }
        }
    }

    /** What a lane does with a message that arrived on a link. */
    @FunctionalInterface
    public interface Receiver {
        /**
         * @param link    the lane the bus says sent it
         * @param message its bytes
         * @param length  its length
         */
        void onMessage(int link, byte[] message, int length);
    }
}
// end::bus[]
