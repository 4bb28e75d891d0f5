package org.bftvote.sim.results;

import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.OutputStatusCode;

/**
 * Whether the healthy lanes' outputs in one frame are bit-identical: the one definition the metrics and the plots
 * share. Two healthy lanes' outputs of a signal differ when their statuses differ, or both carry a value
 * ({@link OutputStatusCode#hasValue}) whose raw bits ({@link Double#doubleToRawLongBits}) differ. A difference is
 * <em>unflagged</em> when two healthy lanes present different values that neither marks DIVERGED or SYNCING
 * ({@link OutputStatusCode#isUnflaggedValue}): a divergence no lane owned up to.
 *
 * <p>Allocation-free; stateless.
 */
final class Divergence {
    /** {@link #of} bit: two healthy lanes' outputs differ. */
    static final int DIFFER = 1;
    /** {@link #of} bit: two healthy lanes present different unflagged values (always with {@link #DIFFER}). */
    static final int UNFLAGGED = 2;

    private Divergence() {
    }

    /**
     * @param sample  a frame
     * @param signal  a signal
     * @param healthy the healthy lanes (bit l = lane l)
     * @return 0 if the healthy lanes' outputs of the signal are bit-identical, else {@link #DIFFER}, with
     *         {@link #UNFLAGGED} when the difference is unflagged
     */
    static int of(final FrameSample sample, final int signal, final long healthy) {
        int result = 0;
        boolean first = true;
        int referenceStatus = 0;
        long referenceBits = 0L;
        boolean unflaggedSeen = false;
        int unflaggedStatus = 0;
        long unflaggedBits = 0L;
        for (long rest = healthy; rest != 0L; rest &= rest - 1) {
            final int l = Long.numberOfTrailingZeros(rest);
            final int status = sample.status(l, signal);
            final long bits = Double.doubleToRawLongBits(sample.output(l, signal));
            if (first) {
                first = false;
                referenceStatus = status;
                referenceBits = bits;
            } else if (status != referenceStatus || OutputStatusCode.hasValue(status) && bits != referenceBits) {
                result |= DIFFER;
            }
            if (OutputStatusCode.isUnflaggedValue(status)) {
                if (!unflaggedSeen) {
                    unflaggedSeen = true;
                    unflaggedStatus = status;
                    unflaggedBits = bits;
                } else if (status != unflaggedStatus || bits != unflaggedBits) {
                    result |= DIFFER | UNFLAGGED;
                }
            }
        }
        return result;
    }

    /**
     * @param sample  a frame
     * @param healthy the healthy lanes (bit l = lane l)
     * @return true if there is a healthy lane and every one flags its outputs: none presents an unflagged value,
     *         and each marks at least one output DIVERGED or SYNCING
     */
    static boolean flaggedEverywhere(final FrameSample sample, final long healthy) {
        if (healthy == 0L) {
            return false;
        }
        for (long rest = healthy; rest != 0L; rest &= rest - 1) {
            final int l = Long.numberOfTrailingZeros(rest);
            boolean flagged = false;
            for (int s = 0; s < sample.signals(); s++) {
                final int status = sample.status(l, s);
                if (OutputStatusCode.isUnflaggedValue(status)) {
                    return false;
                }
                flagged |= OutputStatusCode.hasValue(status);
            }
            if (!flagged) {
                return false;
            }
        }
        return true;
    }
}
