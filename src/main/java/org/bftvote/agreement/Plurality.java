package org.bftvote.agreement;

/**
 * The one deterministic rule by which every lane picks, from agreed per-lane words, the word the lanes hold: the word
 * held by the most of the given lanes; among words held by as many, the one whose first holder has the lowest lane
 * number. A strict majority, when there is one, is always the winner. Applied to the same agreed words by every
 * healthy lane, it picks the same word everywhere. Stateless and allocation-free; O(n²) for n lanes.
 */
final class Plurality {
    private Plurality() {
    }

    /**
     * @param words words[j] = lane j's word
     * @param lanes bit j set iff lane j takes part
     * @return the lowest-numbered lane holding the winning word, or -1 if {@code lanes} is empty
     */
    static int winner(final long[] words, final long lanes) {
        if (lanes == 0) {
            return -1;
        }
        // The usual frame: every lane holds the same word, found in one pass.
        final int first = Long.numberOfTrailingZeros(lanes);
        if (holders(words, lanes, words[first]) == Long.bitCount(lanes)) {
            return first;
        }
        int best = -1;
        int bestCount = 0;
        for (long rest = lanes; rest != 0; rest &= rest - 1) {
            final int lane = Long.numberOfTrailingZeros(rest);
            // Lanes are visited in increasing order, so a word is first counted at its lowest holder; a later word
            // wins only with strictly more holders.
            final int count = holders(words, lanes, words[lane]);
            if (count > bestCount) {
                best = lane;
                bestCount = count;
            }
        }
        return best;
    }

    /**
     * @param words words[j] = lane j's word
     * @param lanes the lanes that take part
     * @param word  a word
     * @return how many of those lanes hold it
     */
    static int holders(final long[] words, final long lanes, final long word) {
        int count = 0;
        for (long rest = lanes; rest != 0; rest &= rest - 1) {
            if (words[Long.numberOfTrailingZeros(rest)] == word) {
                count++;
            }
        }
        return count;
    }

    /**
     * @param words words[j] = lane j's word
     * @param lanes the lanes that take part
     * @param word  a word
     * @return the lanes among them holding a different word
     */
    static long others(final long[] words, final long lanes, final long word) {
        long mask = 0;
        for (long rest = lanes; rest != 0; rest &= rest - 1) {
            final int lane = Long.numberOfTrailingZeros(rest);
            if (words[lane] != word) {
                mask |= 1L << lane;
            }
        }
        return mask;
    }
}
