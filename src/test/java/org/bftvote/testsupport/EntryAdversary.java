package org.bftvote.testsupport;

/**
 * Decides, entry by entry and receiver by receiver, what a faulty lane sends in a {@link SyncRoundSimulator}. The
 * simulator walks every slot the emit rule gives the faulty lane and asks; the adversary may send the honest entry,
 * nothing, or any word and status. Implementations used in allocation proofs must allocate nothing.
 */
public interface EntryAdversary {
    /**
     * Called at the start of every simulated frame.
     *
     * @param frame the frame number
     */
    void beginFrame(long frame);

    /**
     * @param round        the round
     * @param sender       the faulty lane
     * @param kind         its fault kind
     * @param receiver     the receiving lane
     * @param pathIndex    the tree node the entry is for
     * @param signal       the signal
     * @param honestWord   what a healthy lane in the sender's place would send (if {@code honestSent})
     * @param honestStatus its status
     * @param honestSent   false when a healthy lane would send nothing for this slot
     * @param out          where to write the entry to send
     * @return true to send {@code out}, false to send nothing
     */
    boolean entry(int round, int sender, FaultKind kind, int receiver, int pathIndex, int signal, long honestWord,
                  byte honestStatus, boolean honestSent, Out out);

    /** The entry an adversary sends; reused, so nothing is allocated per entry. */
    final class Out {
        /** Word to send. */
        public long word;
        /** Status to send (may be an invalid code). */
        public byte status;

        /**
         * @param newWord   word
         * @param newStatus status
         * @return true, so an adversary can {@code return out.set(w, s);}
         */
        public boolean set(final long newWord, final byte newStatus) {
            this.word = newWord;
            this.status = newStatus;
            return true;
        }
    }
}
