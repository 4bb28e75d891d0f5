package org.bftvote.agreement;

/**
 * The one rule that turns agreed accusation words into accused lanes, shared by {@link AgreementLane} (the frame's
 * result) and {@link LaneHealth} (which replays past frames when it adopts an agreed state): a lane is named by the
 * words of the distinct non-excluded lanes other than itself; it is <em>accused</em> when at least {@code f + 1}
 * name it, f being the configuration's total fault budget, so that faulty lanes alone can never accuse a healthy
 * one. Every lane's count is kept, excluded lanes' included (what readmission judges), but only a non-excluded
 * lane can be accused.
 *
 * <p>Stateless and allocation-free.
 */
final class Accusations {
    private Accusations() {
    }

    /**
     * Counts the accusers of every lane.
     *
     * @param lanes     n
     * @param excluded  excluded lanes (their words are not counted)
     * @param words     agreed accusation word of each lane, bits below n only (0 if not agreed as a value)
     * @param threshold f + 1
     * @param counts    filled with each lane's number of accusers
     * @return the accused lanes: not excluded, named by at least {@code threshold} accusers
     */
    static long count(final int lanes, final long excluded, final long[] words, final int threshold,
                      final int[] counts) {
        java.util.Arrays.fill(counts, 0, lanes, 0);
        for (int accuser = 0; accuser < lanes; accuser++) {
            if ((excluded & (1L << accuser)) != 0) {
                continue;
            }
            // Only the set bits count, so visit just those.
            long word = words[accuser] & ~(1L << accuser);
            while (word != 0) {
                counts[Long.numberOfTrailingZeros(word)]++;
                word &= word - 1;
            }
        }
        long accused = 0;
        for (int lane = 0; lane < lanes; lane++) {
            if ((excluded & (1L << lane)) == 0 && counts[lane] >= threshold) {
                accused |= 1L << lane;
            }
        }
        return accused;
    }
}
