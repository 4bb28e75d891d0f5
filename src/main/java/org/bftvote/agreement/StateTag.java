package org.bftvote.agreement;

/**
 * The 32-bit tag a {@link LanePipeline} has agreed with its diagnosis word every frame
 * ({@link AgreementLane#agreedTag(int)}):
 * <pre>
 *  bit  0 .. 30   digest of the lane's state after the previous frame (see {@link StateDigest})
 *  bit 31         set while the lane declares itself syncing (its state is not yet confirmed as the agreed one)
 * </pre>
 */
final class StateTag {
    private static final int SYNCING = 1 << 31;
    private static final int DIGEST = ~SYNCING;

    private StateTag() {
    }

    /**
     * @param digest  a state digest (its top bit is dropped)
     * @param syncing whether the lane declares itself syncing
     * @return the tag
     */
    static int of(final long digest, final boolean syncing) {
        return (int) digest & DIGEST | (syncing ? SYNCING : 0);
    }

    /**
     * @param tag a tag
     * @return its 31-bit digest
     */
    static long digest(final long tag) {
        return tag & DIGEST;
    }

    /**
     * @param tag a tag
     * @return whether it declares its lane syncing
     */
    static boolean syncing(final long tag) {
        return (tag & SYNCING) != 0;
    }
}
