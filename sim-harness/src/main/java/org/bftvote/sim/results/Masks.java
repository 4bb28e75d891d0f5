package org.bftvote.sim.results;

/** Lane masks as text, one character per lane, lane 0 first: readable, and a spreadsheet keeps it as text. */
final class Masks {
    private Masks() {
    }

    /**
     * @param mask  bit i = lane i
     * @param lanes number of lanes
     * @param set   character for a set bit
     * @param clear character for a clear bit
     * @return for example {@code "HH-H"}
     */
    static String text(final long mask, final int lanes, final char set, final char clear) {
        final char[] out = new char[lanes];
        for (int i = 0; i < lanes; i++) {
            out[i] = (mask & (1L << i)) != 0 ? set : clear;
        }
        return new String(out);
    }
}
