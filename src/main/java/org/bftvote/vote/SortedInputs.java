package org.bftvote.vote;

/**
 * Scratch store shared by the trimming voters: the valid, finite inputs of one vote in ascending order, each with
 * the channel it came from.
 *
 * <p>Order independence: {@code -0.0} is stored as {@code +0.0} and equal values keep ascending channel order, so
 * the sorted values are the same sequence, bit for bit, whatever order the channels arrive in.
 *
 * <p>Footprint: one {@code double} and one {@code int} array of {@code maxChannels} entries. Not thread safe.
 */
final class SortedInputs {
    private final double[] values;
    private final int[] channels;
    private int count;
    private long validMask;

    SortedInputs(final int maxChannels) {
        this.values = new double[maxChannels];
        this.channels = new int[maxChannels];
    }

    /**
     * Sorts the valid, finite inputs into this store.
     *
     * @return how many there were
     */
    int load(final double[] in, final long mask, final int channelCount) {
        final double[] s = values;
        final int[] ch = channels;
        long valid = 0L;
        int k = 0;
        for (int i = 0; i < channelCount; i++) {
            // Adding +0.0 turns -0.0 into +0.0 and leaves every other value unchanged.
            final double v = in[i] + 0.0;
            if ((mask & (1L << i)) != 0 && Double.isFinite(v)) {
                // Insertion sort: k <= 64 and usually 3 to 7. Strict '>' keeps equal values in channel order.
                int j = k - 1;
                while (j >= 0 && s[j] > v) {
                    s[j + 1] = s[j];
                    ch[j + 1] = ch[j];
                    j--;
                }
                s[j + 1] = v;
                ch[j + 1] = i;
                k++;
                valid |= 1L << i;
            }
        }
        count = k;
        validMask = valid;
        return k;
    }

    /** @return how many values the last {@link #load} kept. */
    int count() {
        return count;
    }

    /** @return the channels the last {@link #load} kept. */
    long validMask() {
        return validMask;
    }

    /** @return the value at sorted position {@code i}. */
    double value(final int i) {
        return values[i];
    }

    /** @return the channels at sorted positions {@code from} to {@code to}, both inclusive. */
    long channelsBetween(final int from, final int to) {
        long mask = 0L;
        for (int i = from; i <= to; i++) {
            mask |= 1L << channels[i];
        }
        return mask;
    }
}
