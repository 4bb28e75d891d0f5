package org.bftvote.channel;

import org.bftvote.Require;
import org.bftvote.vote.MidValueSelect;
import org.bftvote.vote.RealVoter;
import org.bftvote.vote.VoteResult;
import org.bftvote.vote.VoteStatus;

/**
 * Redundancy management of one signal with 1 to 64 channels: checks each channel's input, votes the channels that
 * are healthy and pass their checks, condemns a channel that keeps miscomparing, and degrades the output step by
 * step as channels are lost.
 *
 * <h2>One frame ({@link #update})</h2>
 * <ol>
 *   <li><b>Input checks</b>, in this order, the first failing one giving the reason: the source's validity flag
 *       ({@link ExclusionReason#SOURCE_INVALID}), NaN or infinity ({@code NOT_FINITE}), the range
 *       ({@code OUT_OF_RANGE}), the stale limit ({@code STALE}: more frames in a row without a fresh sample than
 *       allowed), the rate limit ({@code RATE_LIMIT}: farther from the channel's previous valid value than
 *       {@code rateLimit} times the frames since it). A rejected channel is left out of this frame's vote, and
 *       the rejection counts as a bad frame in its persistence counter.</li>
 *   <li><b>Frozen detection</b>: a fresh value bit-identical to the channel's previous one, in a frame where
 *       another healthy channel's fresh value moved, adds one to the channel's frozen count; a move clears it;
 *       a frame where nothing moved leaves it. At {@code frozenDetection} frames the channel is declared
 *       {@code FROZEN} at once and left out of this frame's vote. This catches two channels frozen at the same
 *       value, which a vote alone would follow.</li>
 *   <li><b>Vote</b> over the available channels (healthy and passing): three or more are voted by the configured
 *       voter ({@link OutputStatus#NORMAL}); two that agree within the threshold are voted
 *       ({@link OutputStatus#DEGRADED}; if the voter cannot vote two, their midpoint); two that disagree, or a
 *       voter that cannot vote, go to the {@link DuplexPolicy} ({@link OutputStatus#NO_MAJORITY} or
 *       {@link OutputStatus#INVALID}); one is output as it is ({@link OutputStatus#DEGRADED}); none gives
 *       {@link OutputStatus#INVALID} with {@code NaN}.</li>
 *   <li><b>Miscompare</b>: with three or more available, each is compared with the <em>median</em> of the
 *       available channels (not the mean, and not a trimming voter's output, so a faulty channel cannot drag the
 *       reference that condemns the healthy ones). A distance above the threshold is a bad frame, within it a good
 *       frame for the persistence counter. A pair that agrees counts good frames; a pair that disagrees, or a
 *       single channel, counts nothing: a disagreement that cannot be attributed condemns no one.</li>
 *   <li><b>Latch</b>: a counter reaching its trip level declares the channel failed with the reason of the frame
 *       that tripped it ({@code MISCOMPARE} or the input check). A failed channel stays out of the vote. It is
 *       still checked and compared: with {@link ReintegrationPolicy#afterGoodFrames} it comes back after enough
 *       consecutive good frames if its reason is readmitted and it has readmissions left.</li>
 *   <li><b>Degradation</b>: the {@link RedundancyLevel} follows the number of channels not declared failed.</li>
 * </ol>
 * A channel can also be absent for a frame ({@link #update(long, double[], long, long, long, ChannelOutput)}: its lane
 * computer is excluded): it is then left out of the vote and judged not at all, so that a lane's absence never fails
 * its channels. Events go to the {@link ChannelEventListener} on transitions only. With a
 * {@linkplain ChannelConfig.Builder#statusHold(int) status hold}, a {@code NORMAL} output stays {@code NORMAL}
 * through short rejections of channels that are not declared failed.
 *
 * <h2>State</h2>
 * Everything that carries over from one frame to the next (failures and their reasons, persistence counters, good
 * runs, readmission counts, stale and frozen counts, each channel's previous valid value, its frame and its bit
 * pattern, the last good vote and its hold, the last status) is bounded by the configuration (every counter
 * saturates at the largest value its comparison can use, so saturating changes no decision) and can be read and
 * replaced whole as {@link #stateWords()} 64-bit words ({@link #writeState}, {@link #readState}): what a lane
 * pipeline needs to take the state the other lanes agree on. Any words read give a valid state.
 *
 * <h2>Guarantees</h2>
 * With mid-value select and at most f faulty channels among at least 2f + 1 available ones, the output lies within
 * the range of the healthy channels, whatever the faulty ones send. The output value is never made up: it is a
 * vote, a channel's own value, the last good vote (held for a bounded number of frames) or {@code NaN}.
 *
 * <p>Footprint: a few arrays of {@code channelCount} entries and one or two voters, allocated when built. The frame
 * path allocates nothing, logs nothing, reads no clock, and loops over {@code channelCount} only; identical inputs
 * give bit-identical outputs. Not thread safe: one manager per signal per thread.
 */
public final class ChannelManager {
    private final ChannelConfig config;
    private final ChannelEventListener listener;
    private final int n;
    private final int signal;
    private final long all;
    private final RealVoter voter;
    private final VoteResult voteResult = new VoteResult();
    private final MidValueSelect referenceVoter;
    private final VoteResult referenceResult;
    // The median voter of rule 4: the output voter itself when it is mid-value select, else referenceVoter. Typed
    // as the final class so that the quiet frame calls it directly (inlined), never through the interface.
    private final MidValueSelect median;
    private final boolean voterIsMedian;
    private final RedundancyLevel fullLevel;
    private final PersistenceCounters counters;
    private final int[] priority;

    private final double rangeMin;
    private final double rangeMax;
    // The range clamped to finite bounds: lowestPlain <= v <= highestPlain holds exactly for a finite value within
    // the range (NaN fails every comparison), so the quiet frame checks rule 1's first two conditions at once.
    private final double lowestPlain;
    private final double highestPlain;
    private final double rateLimit;
    private final int staleLimit;
    private final int frozenFrames;
    private final boolean frozenWatch;
    private final boolean rateWatch;
    private final double threshold;
    private final ReintegrationPolicy reintegration;
    private final boolean watchesFailed;
    private final int maxHoldFrames;
    private final boolean selectByPriority;
    private final int statusHoldFrames;
    private final int staleCap;
    private final int goodRunCap;
    private final int stateWordsPerChannel;

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
    // The channels absent this general frame (primitive scratch, set before every general frame).
    private long absent;
    // Per-frame results of the frozen-signal bookkeeping done inside the input-check pass (primitive scratch).
    private long frozenMoved;
    private long frozenSame;
    private RedundancyLevel level;
    private OutputStatus lastStatus;
    private double lastGood;
    private int holdFrames;
    // Frames in a row the status hold has kept NORMAL (0 when not holding).
    private int statusHeld;
    // True iff the manager is in the steady state of isSteady apart from this frame's masks; kept up to date by every
    // method that changes what it depends on (the quiet frame changes none of it), so the frame tests one field.
    private boolean steady;
    // True iff the previous frame was a quiet frame and every persistence counter is at 0. Then every stale count
    // and frozen count is 0, every frame reason NONE, the hold count 0, and every channel's previous valid value
    // is from frame settledFrame: the quiet frame neither rewrites those (they would not change) nor, until a
    // general frame or a maintenance reset needs them (settle()), stores settledFrame into lastValidFrame.
    private boolean settled;
    private long settledFrame;

    /**
     * @param config   the signal's configuration
     * @param listener told about transitions; {@link ChannelEventListener#NONE} for none
     * @throws org.bftvote.InvalidConfigException if an argument is null or the voter factory misbehaves
     */
    public ChannelManager(final ChannelConfig config, final ChannelEventListener listener) {
        this.config = Require.notNull("config", config);
        this.listener = Require.notNull("listener", listener);
        this.n = config.channelCount();
        this.signal = config.signalId();
        this.all = allChannels(n);
        this.voter = config.newVoter();
        // The reference for miscompares is always the median; reuse the output vote when it already is one.
        this.referenceVoter = voter instanceof MidValueSelect ? null : new MidValueSelect(n);
        this.referenceResult = referenceVoter == null ? voteResult : new VoteResult();
        this.voterIsMedian = referenceVoter == null;
        this.median = voterIsMedian ? (MidValueSelect) voter : referenceVoter;
        this.fullLevel = RedundancyLevel.of(n);
        this.counters = new PersistenceCounters(config.persistence(), n);
        this.priority = config.duplex().fullOrder(n);
        this.rangeMin = config.rangeMin();
        this.rangeMax = config.rangeMax();
        this.lowestPlain = Math.max(rangeMin, -Double.MAX_VALUE);
        this.highestPlain = Math.min(rangeMax, Double.MAX_VALUE);
        this.rateLimit = config.rateLimit();
        this.staleLimit = config.staleLimit();
        this.frozenFrames = config.frozenFrames();
        this.frozenWatch = frozenFrames != 0;
        // An infinite rate limit rejects nothing: limit x elapsed is then infinite, and no difference exceeds it.
        this.rateWatch = rateLimit != Double.POSITIVE_INFINITY;
        this.threshold = config.miscompareThreshold();
        this.reintegration = config.reintegration();
        this.watchesFailed = !reintegration.isNever();
        this.maxHoldFrames = config.duplex().maxHoldFrames();
        this.selectByPriority = config.duplex().isSelectByPriority();
        this.statusHoldFrames = config.statusHoldFrames();
        // The largest counts any comparison distinguishes: a stale count only matters above the limit, a good run only
        // up to the frames readmission needs, a frozen count up to the frames that declare a channel frozen.
        this.staleCap = Math.min(staleLimit, ChannelConfig.MAX_FRAMES) + 1;
        this.goodRunCap = reintegration.goodFrames();
        this.stateWordsPerChannel = frozenWatch ? 5 : 4;
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
        return update(frame, values, validMask, freshMask, all, out);
    }

    /**
     * Processes one frame in which some channels may be absent: an absent channel (its source lane computer is
     * excluded, say) is left out of the vote and judged not at all — no input check counted, no miscompare, no
     * persistence, no readmission progress, its stale and frozen counts kept — so being absent never fails a
     * channel; its reason this frame is {@link ExclusionReason#ABSENT}. The redundancy level counts the channels
     * neither failed nor absent.
     *
     * @param frame       frame number, as for {@link #update(long, double[], long, long, ChannelOutput)}
     * @param values      channel values; only the first {@code channelCount} are read
     * @param validMask   bit i set iff channel i's source declares its value valid
     * @param freshMask   bit i set iff channel i delivered a new sample this frame
     * @param presentMask bit i set iff channel i is present this frame
     * @param out         filled with the result
     * @return the output status, also in {@code out.status()}
     * @throws IllegalArgumentException as for {@link #update(long, double[], long, long, ChannelOutput)}
     */
    public OutputStatus update(final long frame, final double[] values, final long validMask, final long freshMask,
                               final long presentMask, final ChannelOutput out) {
        if (values.length < n || out.capacity() < n) {
            throw new IllegalArgumentException(sizeMessage(values.length, out.capacity()));
        }
        if (steady && (validMask & freshMask & presentMask & all) == all
            && (n == 3 ? quietTriplexFrame(frame, values, out) : quietFrame(frame, values, out))) {
            return OutputStatus.NORMAL;
        }
        settle();
        absent = all & ~presentMask;
        final OutputStatus status = anyFrame(frame, values, validMask & presentMask, freshMask, out);
        steady = isSteady();
        return status;
    }

    /**
     * Whether the manager is in the steady state the {@link #quietFrame} is written for (given a frame where every
     * channel is valid and fresh): three or more channels, every channel healthy, with a previous valid value (and
     * bit pattern, if the frozen check is on) to compare with, the output already {@code NORMAL} at full
     * redundancy (so no event can be due). Reads only; cached in {@link #steady} after every change of state.
     */
    private boolean isSteady() {
        return n >= 3
            && failedMask == 0L
            && hasLastValid == all
            && (!frozenWatch || hasBits == all)
            && lastStatus == OutputStatus.NORMAL
            && statusHeld == 0
            && level == fullLevel;
    }

    /**
     * The common frame of a healthy signal with three or more channels, in straight-line code: why it exists is
     * speed (the general frame below pays for every rule on every channel, although a healthy frame changes little
     * state), and it is equivalent to {@link #anyFrame} because it runs only when that frame's outcome is known in
     * advance. Starting from the {@link #isSteady steady state}, the general frame would reject no channel (each is
     * valid, finite, in range, fresh so not stale, within its rate limit), find no frozen channel (it requires
     * here that every value moved, so every frozen count is cleared and nothing else of rule 2 runs), vote all n
     * channels with the configured voter ({@code NORMAL}), compare each with the median, find no miscompare (it
     * requires that too), record a good frame in every persistence counter, fail and readmit no one, and fire no
     * event. This method checks exactly those conditions first, reading state only, and returns {@code false}
     * before writing anything if one does not hold; the caller then runs the general frame from the same state.
     * Otherwise it makes the same state changes and fills {@code out} with the same contents as the general frame.
     *
     * <p>The median is computed once and is both the miscompare reference and, with mid-value select, the output.
     * Another voter is called only after every check has passed; if it cannot vote, the general frame runs and
     * calls it again with the same inputs (voters are deterministic), then applies the duplex policy.
     *
     * @return {@code true} iff the frame was processed here
     * @see #quietTriplexFrame
     */
    private boolean quietFrame(final long frame, final double[] values, final ChannelOutput out) {
        final boolean wasSettled = settled;
        final double settledLimit = wasSettled ? rateLimitAfter(frame - settledFrame) : 0.0;
        for (int i = 0; i < n; i++) {
            final double limit = wasSettled ? settledLimit : rateLimitAfter(frame - lastValidFrame[i]);
            if (!isPlainInput(i, values[i], limit)) {
                return false;
            }
        }
        median.vote(values, all, n, referenceResult);
        final double reference = referenceResult.value();
        for (int i = 0; i < n; i++) {
            if (Math.abs(values[i] - reference) > threshold) {
                return false;
            }
        }
        if (!voterIsMedian && voter.vote(values, all, n, voteResult) != VoteStatus.VOTED) {
            return false;
        }
        // Every condition holds: from here on the same writes as the general frame.
        for (int i = 0; i < n; i++) {
            if (wasSettled) {
                acceptSettled(i, values[i]);
            } else {
                acceptPlain(frame, i, values[i]);
            }
        }
        finishQuiet(frame, voteResult.value(), voteResult.usedMask(), voteResult.spread(), out, wasSettled);
        return true;
    }

    /**
     * {@link #quietFrame} for exactly three channels, unrolled, with the median taken from the same branch-free
     * compare-exchange network as {@link MidValueSelect} uses for three valid finite inputs (so the same value
     * bit for bit, and the same spread: the largest minus the smallest value). With mid-value select as the
     * output voter that median is the output too, and no voter is called at all.
     */
    private boolean quietTriplexFrame(final long frame, final double[] values, final ChannelOutput out) {
        final double a = values[0];
        final double b = values[1];
        final double c = values[2];
        final boolean wasSettled = settled;
        final boolean plain;
        if (wasSettled) {
            // Every previous valid value is from the same frame, so one limit serves the three channels. The checks
            // are combined with '&' rather than '&&': all three are cheap, and one branch replaces three.
            final double limit = rateLimitAfter(frame - settledFrame);
            plain = isPlainInput(0, a, limit) & isPlainInput(1, b, limit) & isPlainInput(2, c, limit);
        } else {
            plain = isPlainInput(0, a, rateLimitAfter(frame - lastValidFrame[0]))
                && isPlainInput(1, b, rateLimitAfter(frame - lastValidFrame[1]))
                && isPlainInput(2, c, rateLimitAfter(frame - lastValidFrame[2]));
        }
        if (!plain) {
            return false;
        }
        // Adding +0.0 turns -0.0 into +0.0, as the voters do before sorting.
        final double x = a + 0.0;
        final double y = b + 0.0;
        final double z = c + 0.0;
        final double lowXy = Math.min(x, y);
        final double highXy = Math.max(x, y);
        final double mid = Math.max(lowXy, Math.min(highXy, z));
        if (Math.abs(a - mid) > threshold | Math.abs(b - mid) > threshold | Math.abs(c - mid) > threshold) {
            return false;
        }
        double value = mid;
        long used = all;
        double spread = Math.max(highXy, z) - Math.min(lowXy, z);
        if (!voterIsMedian) {
            if (voter.vote(values, all, n, voteResult) != VoteStatus.VOTED) {
                return false;
            }
            value = voteResult.value();
            used = voteResult.usedMask();
            spread = voteResult.spread();
        }
        if (wasSettled) {
            acceptSettled(0, a);
            acceptSettled(1, b);
            acceptSettled(2, c);
        } else {
            acceptPlain(frame, 0, a);
            acceptPlain(frame, 1, b);
            acceptPlain(frame, 2, c);
        }
        finishQuiet(frame, value, used, spread, out, wasSettled);
        return true;
    }

    /**
     * The state changes of the general frame for a channel that passed every check, moved and agreed with the
     * median: stale count cleared, no reason, new previous valid value and bit pattern, frozen count cleared, one
     * good frame for the persistence counter.
     */
    private void acceptPlain(final long frame, final int i, final double v) {
        staleCount[i] = 0;
        setFrameReason(i, ExclusionReason.NONE);
        lastValid[i] = v;
        lastValidFrame[i] = frame;
        if (frozenWatch) {
            lastBits[i] = Double.doubleToRawLongBits(v);
            frozenCount[i] = 0;
        }
        counters.record(i, false);
    }

    /**
     * {@link #acceptPlain} when the manager is {@link #settled}: the stale count, frozen count and reason are
     * already cleared and the persistence counter at 0 (a good frame leaves it there), and the frame of the
     * previous valid value is kept in {@link #settledFrame}; only the value and bit pattern change.
     */
    private void acceptSettled(final int i, final double v) {
        lastValid[i] = v;
        if (frozenWatch) {
            lastBits[i] = Double.doubleToRawLongBits(v);
        }
    }

    /**
     * The end of a quiet frame: the vote becomes the last good value, and the output gets {@code NORMAL}, the
     * unchanged level, no failed, rejected or miscomparing channel and no reason; no event is due (the status and
     * the level are those of the previous frame). The manager is settled from here if every persistence counter
     * is at 0 (it stays so through further quiet frames, which only record good frames).
     */
    private void finishQuiet(
        final long frame,
        final double value,
        final long used,
        final double spread,
        final ChannelOutput out,
        final boolean wasSettled) {
        lastGood = value;
        if (!wasSettled) {
            holdFrames = 0;
            settled = countersAtZero();
        }
        settledFrame = frame;
        out.fill(n, frame, value, OutputStatus.NORMAL, level, 0L, used, 0L, 0L, spread);
        out.clearReasons(n);
    }

    private boolean countersAtZero() {
        for (int i = 0; i < n; i++) {
            if (counters.level(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Leaves the {@link #settled} state before anything but a quiet frame touches the channel state: stores the
     * frame of every channel's previous valid value, which settled quiet frames keep in {@link #settledFrame} only.
     */
    private void settle() {
        if (settled) {
            settled = false;
            for (int i = 0; i < n; i++) {
                lastValidFrame[i] = settledFrame;
            }
        }
    }

    /**
     * Whether channel {@code i}'s value passes every input check of rule 1 and moved (rule 2), given the steady
     * state: the same comparisons as {@link #inputChecks}, without their side effects. A fresh sample resets the
     * stale count to 0, which never exceeds the stale limit, so the stale check cannot fail here. The range test
     * on the finite bounds also rejects NaN and infinities.
     *
     * @param limit the rate limit times the frames since the channel's previous valid value
     */
    private boolean isPlainInput(final int i, final double v, final double limit) {
        return v >= lowestPlain & v <= highestPlain
            & !(rateWatch && Math.abs(v - lastValid[i]) > limit)
            & !(frozenWatch && Double.doubleToRawLongBits(v) == lastBits[i]);
    }

    /**
     * The rate limit over {@code gap} frames, a non-positive gap counting as one: the same value, bit for bit, as
     * {@code rateLimit * elapsed(...)} in the general frame, without the conversion in the usual one-frame case.
     */
    private double rateLimitAfter(final long gap) {
        return gap <= 1L ? rateLimit : rateLimit * (double) gap;
    }

    /** The general frame: every rule, for any state and input. */
    private OutputStatus anyFrame(
        final long frame, final double[] values, final long validMask, final long freshMask, final ChannelOutput out) {
        final long failedAtStart = failedMask;
        final long pass = inputChecks(frame, values, validMask, freshMask);
        // The input-check pass already cleared the frozen count of every channel that moved. Only a channel whose
        // fresh value repeated (rare on a live signal) needs the rest of the frozen check, so the common frame
        // skips it; the outcome is the same as running it, since it changes nothing for the other channels.
        if (frozenSame != 0L) {
            frozenChecks(frame);
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
                if (voter.vote(values, voteMask, n, voteResult) == VoteStatus.VOTED) {
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
        status = held(status);

        final RedundancyLevel newLevel = RedundancyLevel.of(n - Long.bitCount(failedMask | absent));
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

    /**
     * The status hold: a {@code DEGRADED} frame right after {@code NORMAL} ones reports {@code NORMAL} while at least
     * three channels are not declared failed (so the shortfall comes from this frame's rejections only) and the hold
     * has lasted fewer than its frames; anything else reports the vote's status and ends the hold.
     */
    private OutputStatus held(final OutputStatus status) {
        if (status == OutputStatus.DEGRADED && lastStatus == OutputStatus.NORMAL && statusHeld < statusHoldFrames
            && n - Long.bitCount(failedMask) >= 3) {
            statusHeld++;
            return OutputStatus.NORMAL;
        }
        statusHeld = 0;
        return status;
    }

    /**
     * Runs the input checks of every channel (rule 1) and, in the same pass, the bookkeeping of the frozen check
     * (rule 2) for the channels that passed with a fresh sample: which of them repeated their previous bit
     * pattern ({@link #frozenSame}) and which moved ({@link #frozenMoved}, their frozen count cleared at once).
     * One pass instead of three keeps the frame short; the rest of the frozen check needs every channel's
     * movement and runs after it, in {@link #frozenChecks}.
     *
     * @return bit i set iff channel i passed every input check
     */
    private long inputChecks(final long frame, final double[] values, final long validMask, final long freshMask) {
        frozenMoved = 0L;
        frozenSame = 0L;
        long pass = 0L;
        for (int i = 0; i < n; i++) {
            final long bit = 1L << i;
            if ((absent & bit) != 0) {
                setFrameReason(i, ExclusionReason.ABSENT);
                continue;
            }
            final double v = values[i];
            final boolean fresh = (freshMask & bit) != 0;
            if (fresh) {
                staleCount[i] = 0;
            } else if (staleCount[i] < staleCap) {
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
                if (frozenWatch && fresh) {
                    trackMovement(i, v);
                }
            }
            setFrameReason(i, reason);
        }
        return pass;
    }

    /**
     * Frozen-check bookkeeping of one channel that passed with a fresh sample: compares its bit pattern with the
     * previous one, records it in {@link #frozenSame} or {@link #frozenMoved} (clearing the frozen count of a
     * channel that moved), and keeps the pattern for the next frame. A separate small method so that the
     * compiler inlines both it and the input-check pass.
     */
    private void trackMovement(final int i, final double v) {
        final long bit = 1L << i;
        final long bits = Double.doubleToRawLongBits(v);
        if ((hasBits & bit) != 0) {
            if (bits == lastBits[i]) {
                frozenSame |= bit;
            } else {
                frozenMoved |= bit;
                frozenCount[i] = 0;
            }
        }
        lastBits[i] = bits;
        hasBits |= bit;
    }

    // Writes only on a change: the reason rarely changes from frame to frame, and skipping the store of an
    // unchanged reference avoids the garbage collector's write barrier on the frame path. Same array contents.
    private void setFrameReason(final int channel, final ExclusionReason reason) {
        if (frameReason[channel] != reason) {
            frameReason[channel] = reason;
        }
    }

    private double elapsed(final long frame, final int channel) {
        final long gap = frame - lastValidFrame[channel];
        return gap < 1L ? 1.0 : (double) gap;
    }

    /**
     * The rest of the frozen check (rule 2) for the channels whose fresh value repeated this frame
     * ({@link #frozenSame}, never empty when called): each counts one more frozen frame if another healthy channel
     * moved, and is declared {@code FROZEN} at the limit. Channels are visited in index order, so events keep
     * their order.
     */
    private void frozenChecks(final long frame) {
        final long healthyMoved = frozenMoved & ~failedMask;
        long same = frozenSame;
        while (same != 0L) {
            final int i = Long.numberOfTrailingZeros(same);
            final long bit = 1L << i;
            same &= same - 1L;
            if ((healthyMoved & ~bit) != 0) {
                if (frozenCount[i] < frozenFrames) {
                    frozenCount[i]++;
                }
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
            if ((absent & bit) != 0) {
                continue;
            }
            if ((failedMask & bit) != 0) {
                if ((failedAtStart & bit) != 0 && watchesFailed) {
                    watchFailed(frame, values, i, pass, reference, haveReference);
                }
                continue;
            }
            // A channel outside 'pass' failed an input check, whose reason is in frameReason[i].
            if ((pass & bit) == 0) {
                if (counters.record(i, true)) {
                    fail(frame, i, frameReason[i]);
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
            if (goodRun[i] < goodRunCap) {
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
        settled = false;
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
        statusHeld = 0;
        steady = isSteady();
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
        settle();
        clearFailure(channel);
        final long keep = ~(1L << channel);
        hasLastValid &= keep;
        hasBits &= keep;
        frameReason[channel] = ExclusionReason.NONE;
        staleCount[channel] = 0;
        reintegrations[channel] = 0;
        steady = isSteady();
    }

    // ---- state as words ---------------------------------------------------------------------------------------

    /*
     * Layout, per channel i (stateWordsPerChannel words from i * stateWordsPerChannel), then two words for the
     * manager. Counters take 20 bits each: every one is at most 1,000,001 (ChannelConfig.MAX_FRAMES + 1,
     * PersistencePolicy.MAX_LEVEL, ReintegrationPolicy.MAX_COUNT, DuplexPolicy.MAX_HOLD_FRAMES) < 2^20.
     *   word 0  bits 0-19 persistence level, 20-39 good run, 40-59 stale count, 60 failed, 61 has a previous valid
     *           value, 62 has a previous bit pattern
     *   word 1  bits 0-19 frozen count, 20-39 readmissions, 40-44 failure reason (ordinal)
     *   word 2  previous valid value (raw IEEE bits)
     *   word 3  frame of the previous valid value
     *   word 4  previous bit pattern (only with frozen detection)
     *   manager word 0  last good vote (raw IEEE bits)
     *   manager word 1  bits 0-19 hold frames, 20-39 status-hold frames, 40-42 last status (ordinal)
     */
    private static final int COUNTER_BITS = 20;
    private static final long COUNTER_MASK = (1L << COUNTER_BITS) - 1;
    private static final int MANAGER_WORDS = 2;
    private static final ExclusionReason[] REASONS = ExclusionReason.values();
    private static final OutputStatus[] STATUSES = OutputStatus.values();

    /**
     * @return how many 64-bit words {@link #writeState} writes and {@link #readState} reads: fixed by the
     *         configuration (4 or 5 per channel, with frozen detection the fifth, plus 2)
     */
    public int stateWords() {
        return n * stateWordsPerChannel + MANAGER_WORDS;
    }

    /**
     * Writes the whole state that carries over between frames. Two managers with the same configuration whose
     * words are equal decide every later frame alike from the same inputs. Allocation-free; changes nothing.
     *
     * @param dst    destination
     * @param offset where the {@link #stateWords()} words start
     */
    public void writeState(final long[] dst, final int offset) {
        for (int i = 0; i < n; i++) {
            final int at = offset + i * stateWordsPerChannel;
            dst[at] = countersWord(i);
            dst[at + 1] = historyWord(i);
            dst[at + 2] = Double.doubleToRawLongBits(lastValid[i]);
            dst[at + 3] = lastValidFrame(i);
            if (frozenWatch) {
                dst[at + 4] = lastBits[i];
            }
        }
        final int at = offset + n * stateWordsPerChannel;
        dst[at] = Double.doubleToRawLongBits(lastGood);
        dst[at + 1] = holdWord();
    }

    /**
     * Adds the words {@link #writeState} writes, in the same order, to a digest, without writing them anywhere: two
     * managers with the same configuration and the same state add the same words. Allocation-free; changes nothing.
     *
     * @param digest the digest to add to
     */
    public void addStateTo(final StateDigest digest) {
        for (int i = 0; i < n; i++) {
            digest.add(countersWord(i), historyWord(i), Double.doubleToRawLongBits(lastValid[i]), lastValidFrame(i));
            if (frozenWatch) {
                digest.add(lastBits[i]);
            }
        }
        digest.add(Double.doubleToRawLongBits(lastGood), holdWord());
    }

    private long countersWord(final int i) {
        final long bit = 1L << i;
        return counters.level(i) | (long) goodRun[i] << 20 | (long) staleCount[i] << 40
            | ((failedMask & bit) != 0 ? 1L << 60 : 0L) | ((hasLastValid & bit) != 0 ? 1L << 61 : 0L)
            | ((hasBits & bit) != 0 ? 1L << 62 : 0L);
    }

    private long historyWord(final int i) {
        return frozenCount[i] | (long) reintegrations[i] << 20 | (long) failureReason[i].ordinal() << 40;
    }

    /** A settled manager keeps every channel's previous valid frame in settledFrame only. */
    private long lastValidFrame(final int i) {
        return settled ? settledFrame : lastValidFrame[i];
    }

    private long holdWord() {
        return holdFrames | (long) statusHeld << 20 | (long) lastStatus.ordinal() << 40;
    }

    /**
     * Replaces the whole state with words written by {@link #writeState} of a manager with the same configuration
     * (what a lane pipeline does when it takes the state the lanes agree on). Any words give a valid state: each
     * counter is clamped to its range, an unknown reason or status is taken as the nearest valid one (a failed
     * channel always has a reason), and a channel's flags are kept only where the configuration uses them. Fires no
     * event; the next {@link #update} reports transitions against the state read. A held or previous value that is
     * not finite is read as none (only finite values are ever held). Allocation-free.
     *
     * @param src    source
     * @param offset where the {@link #stateWords()} words start
     */
    public void readState(final long[] src, final int offset) {
        failedMask = 0L;
        hasLastValid = 0L;
        hasBits = 0L;
        for (int i = 0; i < n; i++) {
            readChannelState(i, src, offset + i * stateWordsPerChannel);
        }
        final int at = offset + n * stateWordsPerChannel;
        // A held value is only ever a vote, so finite; anything else means none is held.
        final double good = Double.longBitsToDouble(src[at]);
        lastGood = Double.isFinite(good) ? good : Double.NaN;
        holdFrames = clamp(src[at + 1], maxHoldFrames);
        statusHeld = clamp(src[at + 1] >>> 20, statusHoldFrames);
        lastStatus = STATUSES[Math.min((int) (src[at + 1] >>> 40 & 0x7L), OutputStatus.INVALID.ordinal())];
        settled = false;
        level = RedundancyLevel.of(n - Long.bitCount(failedMask));
        steady = isSteady();
    }

    private void readChannelState(final int i, final long[] src, final int at) {
        final long bit = 1L << i;
        final long w0 = src[at];
        final long w1 = src[at + 1];
        counters.restore(i, clamp(w0, counters.policy().tripLevel()));
        goodRun[i] = clamp(w0 >>> 20, goodRunCap);
        staleCount[i] = clamp(w0 >>> 40, staleCap);
        frozenCount[i] = clamp(w1, frozenFrames);
        reintegrations[i] = clamp(w1 >>> 20, reintegration.maxTimes());
        final boolean failed = (w0 & 1L << 60) != 0;
        final int reason = (int) (w1 >>> 40 & 0x1FL);
        final ExclusionReason read = reason < REASONS.length ? REASONS[reason] : ExclusionReason.NONE;
        failureReason[i] = !failed ? ExclusionReason.NONE
            : read == ExclusionReason.NONE || read == ExclusionReason.ABSENT ? ExclusionReason.MISCOMPARE : read;
        if (failed) {
            failedMask |= bit;
        }
        lastValid[i] = Double.longBitsToDouble(src[at + 2]);
        if ((w0 & 1L << 61) != 0 && Double.isFinite(lastValid[i])) {
            hasLastValid |= bit;
        }
        if (frozenWatch && (w0 & 1L << 62) != 0) {
            hasBits |= bit;
        }
        lastValidFrame[i] = src[at + 3];
        lastBits[i] = frozenWatch ? src[at + 4] : 0L;
    }

    private static int clamp(final long field, final int max) {
        return (int) Math.min(field & COUNTER_MASK, max);
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
     * @param channel channel index, 0 to {@code channelCount - 1}
     * @return how many times the channel has been readmitted since construction or its last reset.
     * @throws IndexOutOfBoundsException naming the channel and the range
     */
    public int reintegrationCount(final int channel) {
        return reintegrations[Require.index("channel", channel, n, "channels")];
    }

    /**
     * @param channel channel index, 0 to {@code channelCount - 1}
     * @return the channel's persistence counter level.
     * @throws IndexOutOfBoundsException naming the channel and the range
     */
    public int persistenceLevel(final int channel) {
        return counters.level(Require.index("channel", channel, n, "channels"));
    }

    static long allChannels(final int channelCount) {
        return channelCount == 64 ? -1L : (1L << channelCount) - 1L;
    }

    private String sizeMessage(final int valuesLength, final int outCapacity) {
        return "values.length = " + valuesLength + " and out.capacity() = " + outCapacity
            + " must both be >= channelCount (" + n + ")";
    }
}
