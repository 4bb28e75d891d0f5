package org.bftvote.vote;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * Interval fusion after Marzullo (ACM TOCS 8(4), 1990): each channel reads {@code value ± accuracy}; the output is
 * the smallest interval that holds every point covered by at least k - f of the k valid intervals, and its
 * midpoint is the voted value.
 *
 * <h2>Guarantee</h2>
 * If every correct channel's interval contains the true value and at most f of the k valid channels are arbitrary,
 * the true value is covered by at least k - f intervals, so it lies in the output interval. With k &gt;= 2f + 1,
 * k - f &gt;= f + 1, so every point covered k - f times lies in some correct interval: the output interval, and the
 * voted value, lie within the hull of the correct intervals. With fewer than 2f + 1 valid channels the voter
 * reports {@link VoteStatus#TOO_FEW_INPUTS}; if no point is covered k - f times (only possible when the correct
 * intervals miss the true value, or more than f channels are faulty), {@link VoteStatus#NO_CONSISTENT_INTERVAL}.
 *
 * <p>Caution: Schmid and Schossmaier (Real-Time Systems 1997/2001) showed that this output is not Lipschitz: a small
 * change of one input can make the interval, and so the value, jump by up to the width of an interval. Follow it
 * with a rate limit, or use {@link FaultTolerantMidpoint}, where a jump matters.
 *
 * <h2>Inputs</h2>
 * Accuracies are set per channel when built or with {@link #setAccuracy(int, double)}, or passed per call with
 * {@link #vote(double[], double[], long, int, VoteResult)}. A channel whose value is NaN or infinite, whose per-call
 * accuracy is NaN, infinite or negative, or whose interval ends overflow, is invalid for that vote.
 *
 * <h2>Endpoint rule</h2>
 * Intervals are closed: at equal coordinates starts are counted before ends, so two intervals that only touch
 * overlap at that point. {@code -0.0} counts as {@code +0.0}. The output is the same bit for bit whatever the
 * channel order.
 *
 * <h2>Result</h2>
 * {@link VoteResult#lower()} and {@link VoteResult#upper()} are the output interval; {@link VoteResult#usedMask()}
 * the channels whose interval contains it (never empty when voted: two points each covered by more than k / 2
 * intervals share one); {@code spread} the range of those channels' values.
 *
 * <p>Footprint: five arrays of at most {@code 2 * maxChannels} entries, allocated when built. Not thread safe.
 */
public final class IntervalFusion implements RealVoter {
    private final int maxChannels;
    private final int f;
    private final double[] accuracies;
    private final double[] lows;
    private final double[] highs;
    private final double[] coordinates;
    /** Per sorted endpoint: channel * 2, plus 1 for an end. */
    private final int[] endpoints;

    /**
     * Builds a fusion voter with one accuracy for every channel.
     *
     * @param maxChannels largest channel count, 1 to 64
     * @param f           arbitrary inputs to tolerate, {@code 0 <= f} and {@code 2f + 1 <= maxChannels}
     * @param accuracy    half-width of every channel's interval, finite and {@code >= 0}
     * @throws InvalidConfigException if a bound is broken
     */
    public IntervalFusion(final int maxChannels, final int f, final double accuracy) {
        this(maxChannels, f, filled(TrimmingConfig.maxChannels(maxChannels), accuracy));
    }

    /**
     * Builds a fusion voter with a fixed accuracy per channel.
     *
     * @param maxChannels largest channel count, 1 to 64
     * @param f           arbitrary inputs to tolerate, {@code 0 <= f} and {@code 2f + 1 <= maxChannels}
     * @param accuracies  half-width of each channel's interval, finite and {@code >= 0}; exactly
     *                    {@code maxChannels} entries (copied)
     * @throws InvalidConfigException if a bound is broken
     */
    public IntervalFusion(final int maxChannels, final int f, final double[] accuracies) {
        this.maxChannels = TrimmingConfig.maxChannels(maxChannels);
        this.f = TrimmingConfig.faults(f, maxChannels);
        Require.notNull("accuracies", accuracies);
        if (accuracies.length != maxChannels) {
            throw new InvalidConfigException(
                "accuracies.length", accuracies.length, "accuracies.length == maxChannels (" + maxChannels + ")");
        }
        this.accuracies = new double[maxChannels];
        for (int i = 0; i < maxChannels; i++) {
            setAccuracy(i, accuracies[i]);
        }
        this.lows = new double[maxChannels];
        this.highs = new double[maxChannels];
        this.coordinates = new double[2 * maxChannels];
        this.endpoints = new int[2 * maxChannels];
    }

    private static double[] filled(final int n, final double accuracy) {
        final double[] a = new double[n];
        java.util.Arrays.fill(a, accuracy);
        return a;
    }

    /**
     * Changes one channel's accuracy for later votes (configuration, not per frame: it throws on a bad value).
     *
     * @param channel  channel index, 0 to {@code maxChannels - 1}
     * @param accuracy half-width of the channel's interval, finite and {@code >= 0}
     * @throws InvalidConfigException if a bound is broken
     */
    public void setAccuracy(final int channel, final double accuracy) {
        Require.inRange("channel", channel, 0, maxChannels - 1);
        accuracies[channel] = Require.finiteNonNegative("accuracy", accuracy);
    }

    /**
     * @param channel channel index, 0 to {@code maxChannels - 1}
     * @return the accuracy set for that channel
     * @throws IndexOutOfBoundsException if {@code channel} is out of range (the message names it and the range)
     */
    public double accuracy(final int channel) {
        return accuracies[Require.index("channel", channel, maxChannels, "channels")];
    }

    @Override
    public int maxChannels() {
        return maxChannels;
    }

    @Override
    public int faultsTolerated() {
        return f;
    }

    @Override
    public int minValidInputs() {
        return 2 * f + 1;
    }

    /**
     * Votes with the accuracies set on this voter.
     */
    @Override
    public VoteStatus vote(
        final double[] values, final long validMask, final int channelCount, final VoteResult result) {
        VoterChecks.checkCount(channelCount, maxChannels, values.length);
        return fuse(values, accuracies, validMask, channelCount, result);
    }

    /**
     * Votes with accuracies given for this call only; a channel whose accuracy is NaN, infinite or negative is
     * invalid for this vote.
     *
     * @param values       channel values; only the first {@code channelCount} are read
     * @param accuracy     half-width of each channel's interval; only the first {@code channelCount} are read
     * @param validMask    bit i set iff channel i is valid
     * @param channelCount number of channels, 1 to {@link #maxChannels()}
     * @param result       filled with the outcome
     * @return the outcome status, also in {@code result.status()}
     * @throws IllegalArgumentException if {@code channelCount} is outside 1 to {@link #maxChannels()} or an array is
     *                                  shorter
     */
    public VoteStatus vote(
        final double[] values,
        final double[] accuracy,
        final long validMask,
        final int channelCount,
        final VoteResult result) {
        VoterChecks.checkCount(channelCount, maxChannels, values.length);
        VoterChecks.checkCount(channelCount, maxChannels, accuracy.length);
        return fuse(values, accuracy, validMask, channelCount, result);
    }

    private VoteStatus fuse(
        final double[] values,
        final double[] accuracy,
        final long validMask,
        final int channelCount,
        final VoteResult result) {
        final double[] lo = lows;
        final double[] hi = highs;
        int k = 0;
        int n = 0;
        for (int i = 0; i < channelCount; i++) {
            final double v = values[i];
            final double a = accuracy[i];
            // Adding +0.0 turns -0.0 into +0.0, so equal intervals sort alike whatever their sign of zero.
            final double low = v - a + 0.0;
            final double high = v + a + 0.0;
            if ((validMask & (1L << i)) != 0 && a >= 0.0 && Double.isFinite(low) && Double.isFinite(high)) {
                lo[i] = low;
                hi[i] = high;
                n = insert(n, low, i << 1);
                n = insert(n, high, (i << 1) | 1);
                k++;
            } else {
                lo[i] = Double.NaN;
                hi[i] = Double.NaN;
            }
        }
        if (k < 2 * f + 1) {
            result.notVoted(VoteStatus.TOO_FEW_INPUTS, k);
            return VoteStatus.TOO_FEW_INPUTS;
        }
        final int needed = k - f;
        final double[] x = coordinates;
        final int[] e = endpoints;
        double lower = Double.NaN;
        double upper = Double.NaN;
        int depth = 0;
        for (int p = 0; p < n; p++) {
            if ((e[p] & 1) == 0) {
                depth++;
                if (depth == needed && Double.isNaN(lower)) {
                    lower = x[p];
                }
            } else {
                if (depth >= needed) {
                    upper = x[p];
                }
                depth--;
            }
        }
        if (Double.isNaN(lower)) {
            result.notVoted(VoteStatus.NO_CONSISTENT_INTERVAL, k);
            return VoteStatus.NO_CONSISTENT_INTERVAL;
        }
        return voted(values, channelCount, lower, upper, k, result);
    }

    /**
     * Reports the fused interval {@code [lower, upper]}: its midpoint, and as used the channels whose interval
     * contains it, with the spread of their values.
     */
    private VoteStatus voted(final double[] values, final int channelCount, final double lower, final double upper,
        final int k, final VoteResult result) {
        final double[] lo = lows;
        final double[] hi = highs;
        long used = 0L;
        double smallest = Double.POSITIVE_INFINITY;
        double largest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < channelCount; i++) {
            // NaN bounds of invalid channels fail both comparisons.
            if (lo[i] <= lower && upper <= hi[i]) {
                used |= 1L << i;
                final double v = values[i] + 0.0;
                smallest = Math.min(smallest, v);
                largest = Math.max(largest, v);
            }
        }
        result.voted(Midpoint.of(lower, upper), lower, upper, used, largest - smallest, k);
        return VoteStatus.VOTED;
    }

    /**
     * Inserts one endpoint into the sorted endpoint arrays holding {@code n} entries. Order: by coordinate, starts
     * before ends at equal coordinates, then by arrival (channel order).
     *
     * @return the new number of entries
     */
    private int insert(final int n, final double coordinate, final int endpoint) {
        final double[] x = coordinates;
        final int[] e = endpoints;
        final boolean isEnd = (endpoint & 1) != 0;
        int j = n - 1;
        while (j >= 0 && (x[j] > coordinate || (x[j] == coordinate && !isEnd && (e[j] & 1) != 0))) {
            x[j + 1] = x[j];
            e[j + 1] = e[j];
            j--;
        }
        x[j + 1] = coordinate;
        e[j + 1] = endpoint;
        return n + 1;
    }
}
