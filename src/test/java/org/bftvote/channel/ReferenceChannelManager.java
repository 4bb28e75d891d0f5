package org.bftvote.channel;

import org.bftvote.Require;
import org.bftvote.vote.MidValueSelect;
import org.bftvote.vote.RealVoter;
import org.bftvote.vote.VoteResult;

/**
 * Test oracle: the frame logic of {@link ChannelManager} as it was before its frame path was optimised (a plain
 * loop per rule, every field written every frame). {@link ChannelManagerEquivalenceTest}
 * runs both on the same random inputs and requires identical outputs, counters and events, so the fast paths of
 * the real manager are shown to change nothing. Kept deliberately simple; not used outside the tests.
 */
final class ReferenceChannelManager {
    private final ChannelConfig config;
    private final ChannelEventListener listener;
    private final int n;
    private final int signal;
    private final long all;
    private final RealVoter voter;
    private final VoteResult voteResult = new VoteResult();
    private final MidValueSelect referenceVoter;
    private final VoteResult referenceResult;
    private final PersistenceCounters counters;
    private final int[] priority;

    private final double rangeMin;
    private final double rangeMax;
    private final double rateLimit;
    private final int staleLimit;
    private final int frozenFrames;
    private final double threshold;
    private final ReintegrationPolicy reintegration;
    private final int maxHoldFrames;
    private final boolean selectByPriority;

    private final ExclusionReason[] frameReason;
    private final ExclusionReason[] failureReason;
    private final double[] lastValid;
    private final long[] lastValidFrame;
    private final long[] lastBits;
    private final int[] staleCount;
    private final int[] frozenCount;
    private final int[] goodRun;
    private final int[] reintegrations;

    private long failedMask;
    private long hasLastValid;
    private long hasBits;
    private RedundancyLevel level;
    private OutputStatus lastStatus;
    private double lastGood;
    private int holdFrames;

    /**
     * @param config   the signal's configuration
     * @param listener told about transitions; {@link ChannelEventListener#NONE} for none
     * @throws org.bftvote.InvalidConfigException if an argument is null or the voter factory misbehaves
     */
    ReferenceChannelManager(final ChannelConfig config, final ChannelEventListener listener) {
        this.config = Require.notNull("config", config);
        this.listener = Require.notNull("listener", listener);
        this.n = config.channelCount();
        this.signal = config.signalId();
        this.all = allChannels(n);
        this.voter = config.newVoter();
        // The reference for miscompares is always the median; reuse the output vote when it already is one.
        this.referenceVoter = voter instanceof MidValueSelect ? null : new MidValueSelect(n);
        this.referenceResult = referenceVoter == null ? voteResult : new VoteResult();
        this.counters = new PersistenceCounters(config.persistence(), n);
        this.priority = config.duplex().fullOrder(n);
        this.rangeMin = config.rangeMin();
        this.rangeMax = config.rangeMax();
        this.rateLimit = config.rateLimit();
        this.staleLimit = config.staleLimit();
        this.frozenFrames = config.frozenFrames();
        this.threshold = config.miscompareThreshold();
        this.reintegration = config.reintegration();
        this.maxHoldFrames = config.duplex().maxHoldFrames();
        this.selectByPriority = config.duplex().isSelectByPriority();
        this.frameReason = new ExclusionReason[n];
        this.failureReason = new ExclusionReason[n];
        this.lastValid = new double[n];
        this.lastValidFrame = new long[n];
        this.lastBits = new long[n];
        this.staleCount = new int[n];
        this.frozenCount = new int[n];
        this.goodRun = new int[n];
        this.reintegrations = new int[n];
        reset();
    }

    /**
     * Processes one frame.
     *
     * @param frame     frame number, carried into the output and events; also measures the time since a channel's
     *                  previous valid value for the rate limit (a non-increasing number counts as one frame)
     * @param values    channel values; only the first {@code channelCount} are read
     * @param validMask bit i set iff channel i's source declares its value valid (its own status, like an
     *                  ARINC 429 SSM)
     * @param freshMask bit i set iff channel i delivered a new sample this frame (for the stale and frozen checks)
     * @param out       filled with the result
     * @return the output status, also in {@code out.status()}
     * @throws IllegalArgumentException if {@code values} is shorter than the channel count or {@code out} holds
     *                                  fewer channels (programming errors, never caused by data)
     */
    public OutputStatus update(
        final long frame, final double[] values, final long validMask, final long freshMask, final ChannelOutput out) {
        if (values.length < n || out.capacity() < n) {
            throw new IllegalArgumentException(sizeMessage(values.length, out.capacity()));
        }
        final long failedAtStart = failedMask;
        final long pass = inputChecks(frame, values, validMask, freshMask);
        if (frozenFrames != 0) {
            frozenChecks(frame, values, pass, freshMask);
        }

        final long voteMask = pass & ~failedMask;
        final int count = Long.bitCount(voteMask);
        double value = Double.NaN;
        OutputStatus status = OutputStatus.INVALID;
        long used = 0L;
        double spread = Double.NaN;
        double reference = Double.NaN;
        boolean condemning = false;
        boolean agreeingPair = false;
        if (count >= 3) {
            voter.vote(values, voteMask, n, voteResult);
            if (referenceVoter != null) {
                referenceVoter.vote(values, voteMask, n, referenceResult);
            }
            reference = referenceResult.value();
            condemning = true;
            if (voteResult.isVoted()) {
                value = voteResult.value();
                used = voteResult.usedMask();
                spread = voteResult.spread();
                status = OutputStatus.NORMAL;
            } else {
                spread = referenceResult.spread();
                status = OutputStatus.NO_MAJORITY;
            }
        } else if (count == 2) {
            final int a = Long.numberOfTrailingZeros(voteMask);
            final int b = 63 - Long.numberOfLeadingZeros(voteMask);
            final double va = values[a];
            final double vb = values[b];
            spread = Math.abs(va - vb);
            if (spread <= threshold) {
                agreeingPair = true;
                if (voter.vote(values, voteMask, n, voteResult) == org.bftvote.vote.VoteStatus.VOTED) {
                    value = voteResult.value();
                } else {
                    // a + (b - a) / 2 stays finite for finite a and b, unlike (a + b) / 2.
                    value = va + (vb - va) * 0.5;
                }
                reference = value;
                used = voteMask;
                status = OutputStatus.DEGRADED;
            } else {
                status = OutputStatus.NO_MAJORITY;
            }
        } else if (count == 1) {
            final int a = Long.numberOfTrailingZeros(voteMask);
            value = values[a];
            used = voteMask;
            spread = 0.0;
            status = OutputStatus.DEGRADED;
        }

        if (status == OutputStatus.NO_MAJORITY) {
            if (selectByPriority) {
                final int p = firstByPriority(voteMask);
                value = values[p];
                used = 1L << p;
            } else if (holdFrames < maxHoldFrames && !Double.isNaN(lastGood)) {
                holdFrames++;
                value = lastGood;
            } else {
                status = OutputStatus.INVALID;
                value = Double.NaN;
            }
        } else if (status != OutputStatus.INVALID) {
            lastGood = value;
            holdFrames = 0;
        }

        final long miscompares = judge(frame, values, pass, failedAtStart, reference, condemning, agreeingPair);

        final RedundancyLevel newLevel = RedundancyLevel.of(n - Long.bitCount(failedMask));
        if (newLevel != level) {
            final RedundancyLevel from = level;
            level = newLevel;
            listener.onRedundancyChanged(signal, frame, from, newLevel);
        }
        if (status != lastStatus) {
            final OutputStatus from = lastStatus;
            lastStatus = status;
            listener.onOutputStatusChanged(signal, frame, from, status);
        }
        out.fill(n, frame, value, status, level, failedMask, used, all & ~pass, miscompares, spread);
        for (int i = 0; i < n; i++) {
            out.reasons(i, frameReason[i], failureReason[i]);
        }
        return status;
    }

    private long inputChecks(final long frame, final double[] values, final long validMask, final long freshMask) {
        long pass = 0L;
        for (int i = 0; i < n; i++) {
            final long bit = 1L << i;
            final double v = values[i];
            if ((freshMask & bit) != 0) {
                staleCount[i] = 0;
            } else if (staleCount[i] < Integer.MAX_VALUE) {
                staleCount[i]++;
            }
            final ExclusionReason reason;
            if ((validMask & bit) == 0) {
                reason = ExclusionReason.SOURCE_INVALID;
            } else if (!Double.isFinite(v)) {
                reason = ExclusionReason.NOT_FINITE;
            } else if (v < rangeMin || v > rangeMax) {
                reason = ExclusionReason.OUT_OF_RANGE;
            } else if (staleCount[i] > staleLimit) {
                reason = ExclusionReason.STALE;
            } else if ((hasLastValid & bit) != 0 && Math.abs(v - lastValid[i]) > rateLimit * elapsed(frame, i)) {
                reason = ExclusionReason.RATE_LIMIT;
            } else {
                reason = ExclusionReason.NONE;
                pass |= bit;
                lastValid[i] = v;
                lastValidFrame[i] = frame;
                hasLastValid |= bit;
            }
            frameReason[i] = reason;
        }
        return pass;
    }

    private double elapsed(final long frame, final int channel) {
        final long gap = frame - lastValidFrame[channel];
        return gap < 1L ? 1.0 : (double) gap;
    }

    private void frozenChecks(final long frame, final double[] values, final long pass, final long freshMask) {
        final long watched = pass & freshMask;
        long moved = 0L;
        long same = 0L;
        for (int i = 0; i < n; i++) {
            final long bit = 1L << i;
            if ((watched & bit) != 0) {
                final long bits = Double.doubleToRawLongBits(values[i]);
                if ((hasBits & bit) != 0) {
                    if (bits == lastBits[i]) {
                        same |= bit;
                    } else {
                        moved |= bit;
                    }
                }
                lastBits[i] = bits;
                hasBits |= bit;
            }
        }
        final long healthyMoved = moved & ~failedMask;
        for (int i = 0; i < n; i++) {
            final long bit = 1L << i;
            if ((moved & bit) != 0) {
                frozenCount[i] = 0;
            } else if ((same & bit) != 0 && (healthyMoved & ~bit) != 0) {
                frozenCount[i]++;
                if (frozenCount[i] >= frozenFrames && (failedMask & bit) == 0) {
                    fail(frame, i, ExclusionReason.FROZEN);
                }
            }
        }
    }

    private long judge(
        final long frame,
        final double[] values,
        final long pass,
        final long failedAtStart,
        final double reference,
        final boolean condemning,
        final boolean agreeingPair) {
        final boolean haveReference = condemning || agreeingPair;
        long miscompares = 0L;
        for (int i = 0; i < n; i++) {
            final long bit = 1L << i;
            if ((failedMask & bit) != 0) {
                if ((failedAtStart & bit) != 0 && !reintegration.isNever()) {
                    watchFailed(frame, values, i, pass, reference, haveReference);
                }
                continue;
            }
            final ExclusionReason reason = frameReason[i];
            if (reason != ExclusionReason.NONE) {
                if (counters.record(i, true)) {
                    fail(frame, i, reason);
                }
            } else if (condemning) {
                final boolean miscompare = Math.abs(values[i] - reference) > threshold;
                if (miscompare) {
                    miscompares |= bit;
                    frameReason[i] = ExclusionReason.MISCOMPARE;
                }
                if (counters.record(i, miscompare)) {
                    fail(frame, i, ExclusionReason.MISCOMPARE);
                }
            } else if (agreeingPair) {
                counters.record(i, false);
            }
        }
        return miscompares;
    }

    private void watchFailed(
        final long frame,
        final double[] values,
        final int i,
        final long pass,
        final double reference,
        final boolean haveReference) {
        if ((pass & (1L << i)) != 0 && haveReference && Math.abs(values[i] - reference) <= threshold) {
            if (goodRun[i] < Integer.MAX_VALUE) {
                goodRun[i]++;
            }
        } else {
            goodRun[i] = 0;
        }
        if (goodRun[i] >= reintegration.goodFrames() && reintegrations[i] < reintegration.maxTimes()
            && reintegration.readmits(failureReason[i])) {
            reintegrations[i]++;
            clearFailure(i);
            listener.onChannelReintegrated(signal, frame, i);
        }
    }

    private void fail(final long frame, final int channel, final ExclusionReason reason) {
        failedMask |= 1L << channel;
        failureReason[channel] = reason;
        counters.reset(channel);
        goodRun[channel] = 0;
        listener.onChannelFailed(signal, frame, channel, reason);
    }

    private void clearFailure(final int channel) {
        failedMask &= ~(1L << channel);
        failureReason[channel] = ExclusionReason.NONE;
        counters.reset(channel);
        goodRun[channel] = 0;
        frozenCount[channel] = 0;
    }

    private int firstByPriority(final long mask) {
        for (int k = 0; k < n; k++) {
            final int c = priority[k];
            if ((mask & (1L << c)) != 0) {
                return c;
            }
        }
        // Not reached: NO_MAJORITY always has at least two channels in the mask.
        return Long.numberOfTrailingZeros(mask);
    }

    /**
     * Maintenance reset of the whole signal: clears every failure, persistence counter, readmission count, held
     * value and channel history (previous valid value, stale and frozen counts), as after construction. Fires no
     * event; the next {@link #update} reports the output status against {@link OutputStatus#INVALID}. Use it after
     * the units have been inspected or replaced, never as an automatic recovery.
     */
    public void reset() {
        failedMask = 0L;
        hasLastValid = 0L;
        hasBits = 0L;
        counters.reset();
        for (int i = 0; i < n; i++) {
            frameReason[i] = ExclusionReason.NONE;
            failureReason[i] = ExclusionReason.NONE;
            staleCount[i] = 0;
            frozenCount[i] = 0;
            goodRun[i] = 0;
            reintegrations[i] = 0;
        }
        level = RedundancyLevel.of(n);
        lastStatus = OutputStatus.INVALID;
        lastGood = Double.NaN;
        holdFrames = 0;
    }

    /**
     * Maintenance reset of one channel (for example after its unit was replaced): clears its failure, persistence
     * counter, readmission count and history. Fires no event itself; the next {@link #update} reports the
     * redundancy change it causes.
     *
     * @param channel channel index, 0 to {@code channelCount - 1}
     * @throws org.bftvote.InvalidConfigException if {@code channel} is out of range
     */
    public void resetChannel(final int channel) {
        Require.inRange("channel", channel, 0, n - 1);
        clearFailure(channel);
        final long keep = ~(1L << channel);
        hasLastValid &= keep;
        hasBits &= keep;
        frameReason[channel] = ExclusionReason.NONE;
        staleCount[channel] = 0;
        reintegrations[channel] = 0;
    }

    /**
     * @return the configuration.
     */
    public ChannelConfig config() {
        return config;
    }

    /**
     * @return a new output sized for this manager (allocates; call once, not per frame).
     */
    public ChannelOutput newOutput() {
        return new ChannelOutput(n);
    }

    /**
     * @return the redundancy level after the last frame.
     */
    public RedundancyLevel level() {
        return level;
    }

    /**
     * @return bit i set iff channel i is declared failed.
     */
    public long failedMask() {
        return failedMask;
    }

    /**
     * @param channel channel index
     * @return how many times the channel has been readmitted since construction or its last reset.
     */
    public int reintegrationCount(final int channel) {
        return reintegrations[channel];
    }

    /**
     * @param channel channel index
     * @return the channel's persistence counter level.
     */
    public int persistenceLevel(final int channel) {
        return counters.level(channel);
    }

    static long allChannels(final int channelCount) {
        return ChannelManager.allChannels(channelCount);
    }

    private String sizeMessage(final int valuesLength, final int outCapacity) {
        return "values.length = " + valuesLength + " and out.capacity() = " + outCapacity
            + " must both be >= channelCount (" + n + ")";
    }
}
