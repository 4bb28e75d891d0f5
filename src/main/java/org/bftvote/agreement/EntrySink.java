package org.bftvote.agreement;

/**
 * Receives the entries of one outgoing message, one call per entry, from {@link EigEngine#emit(int, int, EntrySink)}.
 * Takes primitives only, so emitting allocates nothing.
 *
 * <p>Contract: called synchronously, in a fixed order (tree node order, then signal order), at most
 * {@link EigEngine#maxEntriesPerMessage()} times per {@code emit}. The implementation must not call back into the
 * emitting engine.
 */
@FunctionalInterface
public interface EntrySink {
    /**
     * One entry to put in an outgoing message.
     *
     * @param pathIndex the receiver's tree node ({@link EigPaths} index); its last lane is the sender
     * @param signal    signal index, 0 to K - 1
     * @param word      the value word (for {@link EntryStatus#RELAYED_ERROR}, the error code, see {@link EigEngine})
     * @param status    a wire status ({@link EntryStatus#isWireStatus})
     */
    void entry(int pathIndex, int signal, long word, byte status);
}
