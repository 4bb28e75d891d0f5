package org.bftvote.agreement;

import java.util.Arrays;

import org.bftvote.Require;
import org.bftvote.channel.ChannelEventListener;
import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.PersistenceCounters;

/**
 * One lane's whole frame: its readings in, interactive consistency over the other lanes, redundancy management of
 * the agreed vector per signal, outputs and lane health out.
 *
 * <pre>{@code
 * LanePipeline pipeline = new LanePipeline(config, self);
 * // every frame:
 * pipeline.beginFrame(frame, readings, validMask, freshMask);  // K doubles; bit k: reading k valid / new sample
 * // rounds: drive pipeline.lane() with the host's transport (AgreementLane's frame protocol),
 * //         or let a LaneCluster run them in memory
 * pipeline.completeFrame();                             // decide, diagnose, vote
 * pipeline.output(k).value(); pipeline.output(k).status(); pipeline.excludedMask(); ...
 * }</pre>
 *
 * <h2>Per signal</h2>
 * Signal k has one {@link ChannelManager} whose channels are the lanes: channel j's value is the agreed entry of
 * source j (its 64-bit word read as an IEEE double). An agreed entry that is not {@link EntryStatus#VALUE} (missing,
 * relayed error, or the default of a split vote), and every entry of an excluded lane, is invalid for that
 * channel. Because every healthy lane feeds its managers the same agreed vector, their outputs are bit-identical.
 *
 * <h2>Freshness</h2>
 * Whether a reading is a new sample (a sensor slower than the frame, or a dead one repeating its last sample, is
 * not fresh) is this lane's own knowledge, so it is agreed like the readings: every lane sends its fresh mask as
 * one more word, the freshness signal {@link #freshnessSignal()} = K (the accusation word follows at K + 1). For
 * signal k, channel j is fresh iff bit k of source j's agreed freshness word is set; an agreed freshness word that
 * is not {@link EntryStatus#VALUE}, and an excluded lane, makes every channel of that source not fresh. The managers'
 * {@code STALE} check and frozen counting therefore act on agreed data, at the same frame on every healthy lane,
 * and a lane that reports its freshness two-facedly cannot split them.
 *
 * <h2>Exclusion</h2>
 * After each frame the agreed accusations ({@link AgreementLane#accusedMask()}) feed one persistence counter per
 * lane (the configuration's {@code exclusion()} policy: accused is a bad frame, not accused a good one). A counter
 * that trips excludes that lane, latched, through {@link AgreementLane#excludeLane(int)}; the exclusion takes effect
 * from the next frame. The data is agreed, so every healthy lane excludes the same lane at the same frame.
 *
 * <p>Footprint: the lane, K managers and outputs, and a few n-sized arrays, all built here. {@link #beginFrame} and
 * {@link #completeFrame} allocate nothing. Not thread safe.
 */
public final class LanePipeline {
    /** {@link #exclusionFrame(int)} of a lane not excluded. */
    public static final long NOT_EXCLUDED = -1L;

    private final PipelineConfig config;
    private final AgreementLane lane;
    private final ChannelManager[] managers;
    private final ChannelOutput[] outputs;
    private final PersistenceCounters accusations;
    private final int lanes;
    private final int signals;
    private final int freshnessSignal;
    private final long hostMask;
    private final long[] words;
    private final byte[] status;
    private final long[] freshWords;
    /** channelValues[k][j] = source j's agreed value of signal k (NaN unless VALUE), rebuilt every frame. */
    private final double[][] channelValues;
    private final long[] validMasks;
    private final long[] freshMasks;
    private final long[] exclusionFrame;

    /**
     * @param config pipeline configuration
     * @param self   this lane's number
     * @throws org.bftvote.InvalidConfigException if {@code self} is out of range
     */
    public LanePipeline(final PipelineConfig config, final int self) {
        this.config = Require.notNull("config", config);
        this.lane = new AgreementLane(config.agreement(), self);
        this.lanes = lane.lanes();
        this.signals = config.signals();
        // The lane's own host signals are the K readings plus the freshness word; the accusation word follows.
        this.freshnessSignal = signals;
        this.hostMask = signals == Long.SIZE ? -1L : (1L << signals) - 1;
        this.managers = new ChannelManager[signals];
        this.outputs = new ChannelOutput[signals];
        for (int k = 0; k < signals; k++) {
            managers[k] = new ChannelManager(config.channel(k), ChannelEventListener.NONE);
            outputs[k] = managers[k].newOutput();
        }
        this.accusations = new PersistenceCounters(config.exclusion(), lanes);
        this.words = new long[signals + 1];
        this.status = new byte[signals + 1];
        this.freshWords = new long[lanes];
        this.channelValues = new double[signals][lanes];
        this.validMasks = new long[signals];
        this.freshMasks = new long[signals];
        this.exclusionFrame = new long[lanes];
        Arrays.fill(exclusionFrame, NOT_EXCLUDED);
    }

    /**
     * Opens a frame with this lane's readings, every valid reading counted as fresh: the same as
     * {@link #beginFrame(long, double[], long, long) beginFrame(frame, readings, validMask, validMask)}. For hosts
     * whose sensors deliver a new sample every frame.
     *
     * @param frame     frame number
     * @param readings  K readings
     * @param validMask bit k set iff reading k is valid (K &lt;= 64, checked by {@link PipelineConfig})
     * @return {@link AgreementLane#OK} or {@link AgreementLane#BAD_ARGUMENT} if {@code readings} is shorter than K
     */
    public int beginFrame(final long frame, final double[] readings, final long validMask) {
        return beginFrame(frame, readings, validMask, validMask);
    }

    /**
     * Opens a frame with this lane's readings and their freshness. A reading counts as valid iff its bit in
     * {@code validMask} is set and it is finite; it travels as its raw IEEE bits. The fresh mask (bits K and up
     * ignored) travels as the freshness word and is agreed with the readings.
     *
     * @param frame     frame number
     * @param readings  K readings
     * @param validMask bit k set iff reading k is valid (K &lt;= 64, checked by {@link PipelineConfig})
     * @param freshMask bit k set iff reading k is a new sample this frame (independent of its validity)
     * @return {@link AgreementLane#OK} or {@link AgreementLane#BAD_ARGUMENT} if {@code readings} is shorter than K
     */
    public int beginFrame(final long frame, final double[] readings, final long validMask, final long freshMask) {
        if (readings.length < signals) {
            return AgreementLane.BAD_ARGUMENT;
        }
        for (int k = 0; k < signals; k++) {
            final boolean valid = (validMask & (1L << k)) != 0 && Double.isFinite(readings[k]);
            words[k] = Double.doubleToRawLongBits(readings[k]);
            status[k] = valid ? EntryStatus.VALUE : EntryStatus.MISSING;
        }
        words[freshnessSignal] = freshMask & hostMask;
        status[freshnessSignal] = EntryStatus.VALUE;
        return lane.beginFrame(frame, words, status);
    }

    /**
     * Decides the agreement (every round must be closed), applies the exclusion policy to the agreed accusations,
     * and runs every signal's channel manager on the agreed vector.
     *
     * @return {@link AgreementLane#OK}, or the lane's status from {@link AgreementLane#decide()} (nothing else is
     *         done then)
     */
    public int completeFrame() {
        final int decided = lane.decide();
        if (decided != AgreementLane.OK) {
            return decided;
        }
        final long frame = lane.frame();
        applyExclusion(frame);
        final long excluded = lane.excludedMask();
        // One pass over the agreed vector, source by source (the engine's row order): each (source, signal) entry
        // is read once and lands in its signal's channel array and masks, then every manager runs. The same values
        // and masks as building them signal by signal, since each (k, j) is written exactly once from the same entry.
        Arrays.fill(validMasks, 0L);
        Arrays.fill(freshMasks, 0L);
        for (int j = 0; j < lanes; j++) {
            final long bit = 1L << j;
            final boolean included = (excluded & bit) == 0;
            final boolean agreed = included && lane.decidedStatus(j, freshnessSignal) == EntryStatus.VALUE;
            final long freshWord = agreed ? lane.decidedWord(j, freshnessSignal) : 0L;
            freshWords[j] = freshWord;
            for (int k = 0; k < signals; k++) {
                final boolean value = lane.decidedStatus(j, k) == EntryStatus.VALUE;
                channelValues[k][j] = value ? Double.longBitsToDouble(lane.decidedWord(j, k)) : Double.NaN;
                if (value && included) {
                    validMasks[k] |= bit;
                }
                freshMasks[k] |= ((freshWord >>> k) & 1L) << j;
            }
        }
        for (int k = 0; k < signals; k++) {
            managers[k].update(frame, channelValues[k], validMasks[k], freshMasks[k], outputs[k]);
        }
        return AgreementLane.OK;
    }

    private void applyExclusion(final long frame) {
        final long accused = lane.accusedMask();
        long trip = 0;
        for (int j = 0; j < lanes; j++) {
            if (!lane.isExcluded(j) && accusations.record(j, (accused & (1L << j)) != 0)) {
                trip |= 1L << j;
            }
        }
        for (int j = 0; j < lanes; j++) {
            if ((trip & (1L << j)) != 0) {
                lane.excludeLane(j);
                exclusionFrame[j] = frame;
            }
        }
    }

    /** @return the lane, for the host to drive its rounds */
    public AgreementLane lane() {
        return lane;
    }

    /** @return index of the agreed signal that carries each lane's freshness word (= K) */
    public int freshnessSignal() {
        return freshnessSignal;
    }

    /**
     * @param source a lane
     * @return its agreed freshness word of the last completed frame (bit k: signal k fresh); 0 if it was not agreed
     *         as a value or the lane is excluded
     */
    public long agreedFreshWord(final int source) {
        return freshWords[source];
    }

    /** @return the configuration */
    public PipelineConfig config() {
        return config;
    }

    /**
     * @param signal host signal
     * @return its output of the last completed frame (reused, overwritten every frame)
     */
    public ChannelOutput output(final int signal) {
        return outputs[signal];
    }

    /**
     * @param signal host signal
     * @return its channel manager (channels = lanes)
     */
    public ChannelManager manager(final int signal) {
        return managers[signal];
    }

    /** @return excluded lanes (latched) */
    public long excludedMask() {
        return lane.excludedMask();
    }

    /**
     * @param lane a lane
     * @return the frame whose agreed accusations excluded it, or {@link #NOT_EXCLUDED}
     */
    public long exclusionFrame(final int lane) {
        return exclusionFrame[lane];
    }

    /**
     * @param lane a lane
     * @return its accusation persistence level (0 to the policy's trip level)
     */
    public int accusationLevel(final int lane) {
        return accusations.level(lane);
    }

    /** @return lanes accused by agreed data in the last frame */
    public long accusedMask() {
        return lane.accusedMask();
    }

    /**
     * The fault budgets the configuration still survives with the lanes excluded so far (an excluded lane counts as
     * benign). A query for displays and logs: it builds a list, so it is not for the frame path.
     *
     * @return the maximal budgets still tolerated; empty if none
     */
    public java.util.List<FaultBudget> remainingBudgets() {
        return config.agreement().budgetsAfterExcluding(Long.bitCount(lane.excludedMask()));
    }

    /**
     * @return true iff the whole configured fault budget is still tolerated on top of the lanes excluded so far
     *         (each counted as benign); false means the system now survives less than it was built for.
     *         Allocation-free.
     */
    public boolean fullBudgetHolds() {
        return config.agreement().holds(Long.bitCount(lane.excludedMask()), config.agreement().faultBudget());
    }

    /** @return this lane's drop counters */
    public DropCounters dropCounters() {
        return lane.dropCounters();
    }
}
