package org.bftvote.agreement;

import java.util.List;

import org.bftvote.Require;
import org.bftvote.channel.ChannelEventListener;
import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.ExclusionReason;
import org.bftvote.channel.OutputStatus;
import org.bftvote.channel.RedundancyLevel;
import org.bftvote.channel.StateDigest;

/**
 * One lane's whole frame: its readings in, interactive consistency over the other lanes, redundancy management of
 * the agreed vector per signal, outputs and lane health out; and, when the fault hypothesis is exceeded for a while,
 * the recovery that brings the healthy lanes back to the same state.
 *
 * <pre>{@code
 * LanePipeline pipeline = new LanePipeline(config, self, listener);
 * long frame = 0;
 * while (running) {
 *     pipeline.beginFrame(frame, readings, validMask, freshMask);   // K doubles; bit k: valid / new sample
 *     // rounds: drive pipeline.lane() with the host's transport (AgreementLane's frame protocol)
 *     pipeline.completeFrame();                                     // decide, diagnose, vote, recover
 *     pipeline.output(k).value(); pipeline.output(k).status(); ...
 *     frame = pipeline.nextFrame();                                 // frame + 1, or the frame the others are on
 * }
 * }</pre>
 *
 * <h2>Per signal</h2>
 * Signal k has one {@link ChannelManager} whose channels are the lanes: channel j's value is the agreed reading of
 * lane j (its 64-bit word read as an IEEE double). A reading agreed as a value ({@link EntryStatus#VALUE} or
 * {@link EntryStatus#HELD}) is valid; it is fresh iff agreed as {@link EntryStatus#VALUE}. A lane computer's fault
 * is not charged to its sensors: the channels of an excluded lane, and the readings missing from a lane the agreed
 * diagnosis accuses, are absent ({@link ExclusionReason#ABSENT}), out of the vote and judged not at all, so a lane
 * readmitted later gets its channels back as they were. (Accusations arrive a frame after the lane's first silent
 * frame, which its channels count as invalid; a channel persistence of two frames or more keeps that from failing
 * them.) Each lane sends its own readings VALUE when they are new samples and HELD when the
 * sensor has not delivered since, so freshness is agreed with the word: the managers' stale and frozen checks act on
 * agreed data, at the same frame on every healthy lane, and a lane that reports freshness two-facedly cannot split
 * them. Every healthy lane feeds its managers the same agreed vector, so their outputs are bit-identical.
 *
 * <h2>Lane health</h2>
 * {@link LaneHealth} decides from agreed data alone: lanes accused by f + 1 lanes for the exclusion policy's
 * persistence are excluded (their channels leave every vote at once, their relays and accusations from the next
 * frame); excluded lanes that behave again are readmitted by the {@link ReadmissionPolicy}. An excluded lane still
 * gets every message and is still heard as a source, so it can follow and be judged.
 *
 * <h2>Congruence and recovery</h2>
 * Beyond the fault hypothesis nothing guarantees that the healthy lanes agree; what is guaranteed is that it is
 * never silent and that they come back together once the faults are within the hypothesis again.
 * <ul>
 *   <li><b>Digest.</b> Every frame each lane agrees, in the upper half of its diagnosis word, a 31-bit
 *       {@linkplain StateDigest digest} of its state after the previous frame and a bit saying whether it is
 *       syncing. The digest of frame t covers lane health, every signal's output (value, vote status, failed
 *       channels) and the whole state of the manager of signal {@code t mod K} ({@link ChannelManager#addStateTo}):
 *       a difference in an output shows the next frame, one in any other state within K frames. Lanes whose
 *       digest is not the most common one are incongruent.</li>
 *   <li><b>Flags.</b> The outputs of a frame are {@link OutputStatus#DIVERGED} when this lane knows the hypothesis
 *       is exceeded ({@link #hypothesisFlags()}): digests that the budgeted faulty lanes cannot explain, more lanes
 *       accused at once than the budget left, fewer than a majority of the lanes heard, or its own evidence naming
 *       more lanes than the budget left. They are {@link OutputStatus#SYNCING} while the lane takes the agreed
 *       state.</li>
 *   <li><b>Rolling re-agreement.</b> The whole state is cut into blocks, re-agreed one word a frame through the sync
 *       word (signal K) on a schedule of {@link #syncCycleFrames()} frames ({@link StateSync}): each block's
 *       snapshot is agreed word by word as the plurality of the lanes' words, and a lane whose own snapshot differs
 *       takes the agreed one and replays the window's frames ({@link WindowInputs}). The same rule on the same
 *       agreed data gives every healthy lane the same state.</li>
 *   <li><b>Syncing.</b> A lane that hears fewer than a majority, jumps frames, or finds its digest is not the
 *       agreed one is syncing until its digest has been the agreed one for K frames in a row (so every manager's
 *       whole state was found equal); its outputs are SYNCING meanwhile, and its digest does not vote. A lane's
 *       first frame counts like any: a lane that starts with the others finds its digest agreed at once, one that
 *       restarts among running lanes does not.</li>
 *   <li><b>Minority.</b> Consistency comes first: in a frame in which a lane hears fewer than a majority of the
 *       lanes it changes no state (no exclusion, no channel failure, no persistence); its outputs are its own vote
 *       of what it heard, marked DIVERGED, and it syncs when it hears a majority again.</li>
 *   <li><b>Frame numbers.</b> {@link #nextFrame()} is the frame the others are on when f + 1 of them, more than are
 *       in step with this lane, say so ({@link AgreementLane#frameHint()}), so a restarted or stalled lane falls in
 *       step without any faulty lane being able to drag the others' counter.</li>
 * </ul>
 * Bound: if from frame T on the faults stay within the hypothesis and every healthy lane runs every frame in step,
 * the exclusions are the same on every healthy lane by T + C (agreed from T on, or the amnesty within one cycle C of
 * agreed flags); the first lane-health window that starts after that (at most one cycle later) gives every healthy
 * lane the same lane health, which then stays the same (it depends on agreed data only); each manager's window that
 * follows in that cycle gives the same manager state, so by T + 3C every healthy lane holds the same state, bit for
 * bit; the digests then agree, and after K frames no healthy lane is syncing; a lane back out of step needs one frame
 * for the frame hint, and a frame's digest is agreed in the next. Hence {@link #recoveryBoundFrames()} = three sync
 * cycles, K and two frames.
 *
 * <p>Footprint: the lane, K managers and outputs, the sync buffers (two of the largest block's words, and that many
 * frames of one block's inputs), a copy of every manager's state for minority frames, and a few n-sized arrays, all
 * built here. {@link #beginFrame} and {@link #completeFrame} allocate nothing. Not thread safe.
 */
public final class LanePipeline {
    /** {@link #exclusionFrame(int)} of a lane not excluded. */
    public static final long NOT_EXCLUDED = LaneHealth.NOT_EXCLUDED;

    /** The sync block of {@link LaneHealth}; block 1 + k is signal k's manager. */
    private static final int HEALTH_BLOCK = 0;

    private final PipelineConfig config;
    private final AgreementLane lane;
    private final LaneHealth health;
    private final ChannelManager[] managers;
    private final ChannelOutput[] outputs;
    private final ChannelOutput replayOutput;
    private final StateSync sync;
    private final WindowInputs window;
    private final PipelineListener listener;
    private final int lanes;
    private final int signals;
    private final int majority;

    private final long[] words;
    private final byte[] status;
    private final long[] accusationWords;
    private final long[] tags;
    private final long[] syncWords;
    private final long[] wordScratch;
    private final long[] tagScratch;
    private final long[] freshWords;
    /** channelValues[k][j] = lane j's agreed value of signal k (NaN unless a value), rebuilt every frame. */
    private final double[][] channelValues;
    private final long[] validMasks;
    private final long[] freshMasks;
    private final long allLanes;
    /** Per signal, the lanes whose channel is present this frame (see {@link #buildChannelInputs()}). */
    private final long[] presentMasks;
    /** Every manager's state, kept through a minority frame. */
    private final long[] heldState;
    private final StateDigest digest = new StateDigest();

    private long heard;
    private long stateDigest;
    /** The frame the last digest was of, and its manager's signal (frame mod K). */
    private long digestedFrame;
    private int digestedSignal;
    private int sentTag;
    private long lastFrame;
    private boolean started;
    private boolean firstFrame = true;
    private boolean inStep = true;
    private boolean syncing;
    /** Frames in a row this lane's digest was the agreed one since it last was not (counts up to K). */
    private int congruentRun;
    private int flags;
    /** True while frames are replayed or held: channel events are not passed on. */
    private boolean muted;

    /**
     * A pipeline that reports no event.
     *
     * @param config pipeline configuration
     * @param self   this lane's number
     * @throws org.bftvote.InvalidConfigException if {@code self} is out of range
     */
    public LanePipeline(final PipelineConfig config, final int self) {
        this(config, self, PipelineListener.NONE);
    }

    /**
     * @param config   pipeline configuration
     * @param self     this lane's number, 0 to n - 1
     * @param listener told about exclusions, readmissions, channel failures, divergence and syncing
     * @throws org.bftvote.InvalidConfigException if {@code self} is out of range or an argument is null
     */
    public LanePipeline(final PipelineConfig config, final int self, final PipelineListener listener) {
        this.config = Require.notNull("config", config);
        this.listener = Require.notNull("listener", listener);
        this.lane = new AgreementLane(config.agreement(), self);
        this.lanes = lane.lanes();
        this.signals = config.signals();
        this.majority = lanes / 2 + 1;
        this.allLanes = (1L << lanes) - 1; // at most PipelineConfig.MAX_LANES (32) lanes
        this.managers = new ChannelManager[signals];
        this.outputs = new ChannelOutput[signals];
        final int[] blockWords = new int[1 + signals];
        blockWords[HEALTH_BLOCK] = LaneHealth.stateWords(lanes);
        int managerWords = 0;
        for (int k = 0; k < signals; k++) {
            managers[k] = new ChannelManager(config.channel(k), new SignalEvents(k));
            outputs[k] = managers[k].newOutput();
            blockWords[1 + k] = managers[k].stateWords();
            managerWords += managers[k].stateWords();
        }
        this.replayOutput = new ChannelOutput(lanes);
        this.sync = new StateSync(blockWords);
        // Amnesty after a whole sync cycle with the hypothesis still exceeded by agreed data.
        this.health = new LaneHealth(config, sync.cycleLength());
        this.window = new WindowInputs(lanes, sync.largestBlock());
        this.words = new long[signals + 1];
        this.status = new byte[signals + 1];
        this.accusationWords = new long[lanes];
        this.tags = new long[lanes];
        this.syncWords = new long[lanes];
        this.wordScratch = new long[lanes];
        this.tagScratch = new long[lanes];
        this.freshWords = new long[lanes];
        this.channelValues = new double[signals][lanes];
        this.validMasks = new long[signals];
        this.presentMasks = new long[signals];
        this.freshMasks = new long[signals];
        this.heldState = new long[managerWords];
        this.stateDigest = computeDigest(-1);
    }

    // ---- frame steps -----------------------------------------------------------------------------------------

    /**
     * Opens a frame with this lane's readings, every valid reading counted as fresh: the same as
     * {@link #beginFrame(long, double[], long, long) beginFrame(frame, readings, validMask, validMask)}.
     *
     * @param frame     frame number
     * @param readings  K readings
     * @param validMask bit k set iff reading k is valid
     * @return {@link AgreementLane#OK} or {@link AgreementLane#BAD_ARGUMENT} if {@code readings} is shorter than K
     */
    public int beginFrame(final long frame, final double[] readings, final long validMask) {
        return beginFrame(frame, readings, validMask, validMask);
    }

    /**
     * Opens a frame with this lane's readings and their freshness. A reading counts as valid iff its bit in
     * {@code validMask} is set and it is finite; it travels as its raw IEEE bits, as {@link EntryStatus#VALUE} if
     * its bit in {@code freshMask} is set and {@link EntryStatus#HELD} if not. Use {@link #nextFrame()} for the
     * frame number after the first.
     *
     * @param frame     frame number
     * @param readings  K readings
     * @param validMask bit k set iff reading k is valid (bits K and up ignored)
     * @param freshMask bit k set iff reading k is a new sample this frame (bits K and up ignored)
     * @return {@link AgreementLane#OK} or {@link AgreementLane#BAD_ARGUMENT} if {@code readings} is shorter than K
     *         (nothing is opened then)
     */
    public int beginFrame(final long frame, final double[] readings, final long validMask, final long freshMask) {
        if (readings.length < signals) {
            return AgreementLane.BAD_ARGUMENT;
        }
        inStep = !started || frame == lastFrame + 1;
        started = true;
        lastFrame = frame;
        sync.beginFrame(frame, inStep);
        if (sync.windowStarts()) {
            writeBlock(sync.activeBlock(), sync.ownWords());
        }
        for (int k = 0; k < signals; k++) {
            final long bit = 1L << k;
            words[k] = Double.doubleToRawLongBits(readings[k]);
            status[k] = (validMask & bit) == 0 || !Double.isFinite(readings[k]) ? EntryStatus.MISSING
                : (freshMask & bit) != 0 ? EntryStatus.VALUE : EntryStatus.HELD;
        }
        words[signals] = sync.wordToSend();
        status[signals] = EntryStatus.VALUE;
        sentTag = StateTag.of(stateDigest, firstFrame || syncing || !inStep);
        return lane.beginFrame(frame, words, status, sentTag);
    }

    /**
     * Decides the agreement (every round must be closed), then lane health, every signal's channel manager, the
     * state re-agreement and the congruence flags, in that order.
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
        readDiagnosis();
        final long received = lane.receivedMask();
        final boolean minority = 1 + Long.bitCount(received) < majority;
        accuseUnsyncedExcluded(received);
        final int local = localFlags(minority);
        if (minority) {
            sync.invalidate();
        }
        sync.agree(syncWords, LaneHealth.voters(lanes, heard, health.excludedMask(), tags));
        if (!minority) {
            stepHealth(frame);
            applyExclusions(frame);
        }
        buildChannelInputs();
        updateManagers(frame, minority);
        updateSyncing(frame, minority);
        final int previousFlags = flags;
        flags = local | (minority ? 0 : health.agreedFlags());
        markOutputs();
        if (!minority) {
            stateDigest = computeDigest(frame);
        }
        fireFlagEvents(frame, previousFlags);
        firstFrame = false;
        return AgreementLane.OK;
    }

    private void readDiagnosis() {
        heard = lane.heardMask();
        for (int j = 0; j < lanes; j++) {
            accusationWords[j] = lane.agreedAccusationsInRange(j);
            tags[j] = lane.agreedTagInRange(j) & 0xFFFF_FFFFL;
            syncWords[j] = lane.decidedWordInRange(j, signals);
        }
    }

    /**
     * Evidence against excluded lanes that are not (yet) fit to come back: one whose round-1 tag says it is syncing
     * or carries another digest than this lane's own. A lane that is itself syncing cannot vouch for anyone and
     * accuses every excluded lane it heard. (One not heard is accused as missing by the agreement layer.)
     */
    private void accuseUnsyncedExcluded(final long received) {
        final boolean selfSyncing = StateTag.syncing(sentTag);
        long evidence = 0;
        for (long rest = health.excludedMask() & received; rest != 0; rest &= rest - 1) {
            final int j = Long.numberOfTrailingZeros(rest);
            final int tag = lane.heardTag(j);
            if (selfSyncing || StateTag.syncing(tag) || StateTag.digest(tag) != StateTag.digest(sentTag)) {
                evidence |= 1L << j;
            }
        }
        lane.addEvidence(evidence);
    }

    /**
     * This lane's own knowledge that the hypothesis is exceeded: it heard no majority; its evidence names more lanes
     * than the budget left allows; or it holds a contradiction (a lane's round-1 reading is not what was decided for
     * it, so some lane told lanes different things) while the budget left tolerates no asymmetric lane.
     */
    private int localFlags(final boolean minority) {
        final long excluded = health.excludedMask();
        final int excludedCount = Long.bitCount(excluded);
        final long evidence = lane.localAccusations() & ~excluded;
        final boolean beyond = Long.bitCount(evidence) > health.tolerated(excludedCount)
            || health.asymmetricTolerated(excludedCount) == 0 && (lane.contradictionMask() & ~excluded) != 0;
        return (minority ? HypothesisFlags.MINORITY : 0) | (beyond ? HypothesisFlags.LOCAL_EVIDENCE : 0);
    }

    /**
     * Lane health for this frame: at the end of its sync window, first the agreed snapshot and the window's replay
     * if this lane's differs; inside the window, this frame's diagnosis recorded; then the frame's step.
     */
    private void stepHealth(final long frame) {
        if (sync.activeBlock() == HEALTH_BLOCK) {
            final int j = sync.wordIndex();
            if (!sync.windowEnds()) {
                window.recordDiagnosis(j, frame, heard, accusationWords, tags);
            } else if (sync.windowValid() && sync.ownDiffers()) {
                health.readState(sync.agreedWords(), 0);
                window.replayDiagnosis(health, j, wordScratch, tagScratch);
                listener.onStateAdopted(frame, HEALTH_BLOCK);
            }
        }
        health.step(frame, heard, accusationWords, tags);
    }

    /** Makes the lane's exclusions those lane health decided, reporting each change. */
    private void applyExclusions(final long frame) {
        final long target = health.excludedMask();
        final long current = lane.excludedMask();
        for (long change = target & ~current; change != 0; change &= change - 1) {
            final int j = Long.numberOfTrailingZeros(change);
            lane.excludeLane(j);
            listener.onLaneExcluded(frame, j);
        }
        for (long change = current & ~target; change != 0; change &= change - 1) {
            final int j = Long.numberOfTrailingZeros(change);
            lane.readmitLane(j);
            listener.onLaneReadmitted(frame, j);
        }
    }

    /**
     * One pass over the agreed vector, source by source (the engine's row order): each (source, signal) entry is
     * read once and lands in its signal's channel array and masks. A channel is present unless its lane is excluded,
     * or accused with that reading missing: a silent or garbled lane computer is the lane's fault, not its sensors'.
     */
    private void buildChannelInputs() {
        final long excluded = health.excludedMask();
        for (int k = 0; k < signals; k++) {
            validMasks[k] = 0L;
            freshMasks[k] = 0L;
        }
        for (int j = 0; j < lanes; j++) {
            final long bit = 1L << j;
            final boolean included = (excluded & bit) == 0;
            long fresh = 0L;
            for (int k = 0; k < signals; k++) {
                final byte st = lane.decidedStatusInRange(j, k);
                final boolean value = EntryStatus.isValue(st);
                channelValues[k][j] = value ? Double.longBitsToDouble(lane.decidedWordInRange(j, k)) : Double.NaN;
                if (value && included) {
                    validMasks[k] |= bit;
                    if (st == EntryStatus.VALUE) {
                        freshMasks[k] |= bit;
                        fresh |= 1L << k;
                    }
                }
            }
            freshWords[j] = fresh;
        }
        final long accused = health.accusedMask() & ~excluded;
        for (int k = 0; k < signals; k++) {
            presentMasks[k] = allLanes & ~excluded & ~(accused & ~validMasks[k]);
        }
    }

    /**
     * Every manager for this frame. The manager whose sync window ends here first takes the agreed snapshot and
     * replays the window if its own differs; the one inside its window has this frame's inputs recorded. In a
     * minority frame every manager's state is kept aside and put back after the update, with events muted.
     */
    private void updateManagers(final long frame, final boolean minority) {
        if (minority) {
            holdManagers();
        }
        // The manager whose sync window this frame is in, if any (none in a minority frame).
        final int windowSignal = minority ? -1 : sync.activeBlock() - 1;
        for (int k = 0; k < signals; k++) {
            if (k == windowSignal) {
                syncManager(frame, k);
            }
            managers[k].update(frame, channelValues[k], validMasks[k], freshMasks[k], presentMasks[k], outputs[k]);
        }
        if (minority) {
            releaseManagers();
        }
    }

    private void syncManager(final long frame, final int k) {
        final int j = sync.wordIndex();
        if (!sync.windowEnds()) {
            window.recordChannels(j, frame, channelValues[k], validMasks[k], freshMasks[k], presentMasks[k]);
        } else if (sync.windowValid() && sync.ownDiffers()) {
            managers[k].readState(sync.agreedWords(), 0);
            muted = true;
            window.replayChannels(managers[k], j, replayOutput);
            muted = false;
            listener.onStateAdopted(frame, 1 + k);
        }
    }

    private void holdManagers() {
        int at = 0;
        for (final ChannelManager manager : managers) {
            manager.writeState(heldState, at);
            at += manager.stateWords();
        }
        muted = true;
    }

    private void releaseManagers() {
        int at = 0;
        for (final ChannelManager manager : managers) {
            manager.readState(heldState, at);
            at += manager.stateWords();
        }
        muted = false;
    }

    /**
     * Whether this lane holds the agreed state: not if it heard no majority, jumped frames, or its digest (its state
     * after the previous frame) is not the agreed one.
     */
    private void updateSyncing(final long frame, final boolean minority) {
        final boolean congruent = !minority && inStep && health.isReference(StateTag.digest(sentTag));
        final boolean wasSyncing = syncing;
        if (!congruent) {
            syncing = true;
            congruentRun = 0;
        } else if (syncing && ++congruentRun >= signals) {
            syncing = false;
        }
        if (syncing != wasSyncing) {
            if (syncing) {
                listener.onSyncingStarted(frame);
            } else {
                listener.onSyncingEnded(frame);
            }
        }
    }

    private void markOutputs() {
        final OutputStatus mark = flags != 0 ? OutputStatus.DIVERGED : syncing ? OutputStatus.SYNCING : null;
        if (mark != null) {
            for (final ChannelOutput out : outputs) {
                out.markNotCongruent(mark);
            }
        }
    }

    private void fireFlagEvents(final long frame, final int previousFlags) {
        if (flags != previousFlags) {
            if (flags != 0) {
                listener.onHypothesisExceeded(frame, flags);
            } else {
                listener.onHypothesisRestored(frame);
            }
        }
    }

    /**
     * The digest of the state after {@code frame}: lane health's words, every signal's output (value, vote status,
     * failed channels), and the whole state of the manager of signal {@code frame mod K}.
     */
    private long computeDigest(final long frame) {
        digest.reset();
        health.addStateTo(digest);
        for (final ChannelOutput out : outputs) {
            digest.add(Double.doubleToRawLongBits(out.value()), out.failedMask() << 8 | out.voteStatus().ordinal());
        }
        managers[digestedSignal(frame)].addStateTo(digest);
        return digest.value();
    }

    /** frame mod K, stepped from the last digested frame's (a division only when frames were skipped). */
    private int digestedSignal(final long frame) {
        if (frame == digestedFrame + 1 && frame != Long.MIN_VALUE) {
            digestedSignal = digestedSignal + 1 == signals ? 0 : digestedSignal + 1;
        } else {
            digestedSignal = (int) Math.floorMod(frame, (long) signals);
        }
        digestedFrame = frame;
        return digestedSignal;
    }

    private void writeBlock(final int block, final long[] dst) {
        if (block == HEALTH_BLOCK) {
            health.writeState(dst, 0);
        } else {
            managers[block - 1].writeState(dst, 0);
        }
    }

    // ---- results ---------------------------------------------------------------------------------------------

    /** @return the lane, for the host to drive its rounds */
    public AgreementLane lane() {
        return lane;
    }

    /** @return the configuration */
    public PipelineConfig config() {
        return config;
    }

    /**
     * @param signal host signal, 0 to K - 1
     * @return its output of the last completed frame (reused, overwritten every frame)
     * @throws IndexOutOfBoundsException naming the signal and the range
     */
    public ChannelOutput output(final int signal) {
        return outputs[Require.index("signal", signal, signals, "host signals")];
    }

    /**
     * @param signal host signal, 0 to K - 1
     * @return its channel manager (channels = lanes)
     * @throws IndexOutOfBoundsException naming the signal and the range
     */
    public ChannelManager manager(final int signal) {
        return managers[Require.index("signal", signal, signals, "host signals")];
    }

    /**
     * The frame number to begin next: this frame + 1, or, when f + 1 peers (more than are in step with this lane)
     * were on another frame, that frame + 1 ({@link AgreementLane#frameHint()}). A host that restarts a lane may
     * begin its first frame with any number and follow this from then on.
     *
     * @return the next frame number; valid after {@link #completeFrame()}
     */
    public long nextFrame() {
        final long hint = lane.frameHint();
        return (hint == AgreementLane.NO_FRAME_HINT ? lane.frame() : hint) + 1;
    }

    /**
     * @return the {@link HypothesisFlags} of the last completed frame: why this lane knows the fault hypothesis is
     *         exceeded (0: it does not know it to be)
     */
    public int hypothesisFlags() {
        return flags;
    }

    /**
     * @return true if agreed data of the last completed frame shows the fault hypothesis exceeded
     *         ({@link HypothesisFlags#AGREED}): every healthy lane gives the same answer
     */
    public boolean hypothesisExceeded() {
        return (flags & HypothesisFlags.AGREED) != 0;
    }

    /** @return true if this lane was syncing after the last completed frame (its outputs are SYNCING) */
    public boolean isSyncing() {
        return syncing;
    }

    /**
     * @return the 64-bit digest of this lane's state after the last completed frame t (lane health, every output,
     *         and the whole state of the manager of signal t mod K); its low 31 bits are what the lane agrees with
     *         the others next frame
     */
    public long stateDigest() {
        return stateDigest;
    }

    /** @return lanes whose agreed digest was not the most common one in the last completed frame */
    public long incongruentMask() {
        return health.incongruentMask();
    }

    /**
     * @param source a lane
     * @return its agreed freshness of the last completed frame (bit k: signal k agreed as a new sample); 0 if it is
     *         excluded
     */
    public long agreedFreshWord(final int source) {
        return freshWords[Require.index("source", source, lanes, "lanes")];
    }

    /** @return excluded lanes */
    public long excludedMask() {
        return health.excludedMask();
    }

    /**
     * @param lane a lane
     * @return the frame whose agreed accusations excluded it, or {@link #NOT_EXCLUDED}
     */
    public long exclusionFrame(final int lane) {
        return health.exclusionFrame(Require.index("lane", lane, lanes, "lanes"));
    }

    /**
     * @param lane a lane
     * @return how many times it has been readmitted
     */
    public int readmissionCount(final int lane) {
        return health.readmissions(Require.index("lane", lane, lanes, "lanes"));
    }

    /**
     * @param lane a lane
     * @return its accusation persistence level (0 to the policy's trip level)
     */
    public int accusationLevel(final int lane) {
        return health.accusationLevel(Require.index("lane", lane, lanes, "lanes"));
    }

    /** @return non-excluded lanes accused by at least f + 1 lanes in the last completed frame */
    public long accusedMask() {
        return health.accusedMask();
    }

    /**
     * @return non-excluded lanes some lane has evidence against but fewer than f + 1 accuse (a lane lying to a
     *         single receiver shows here: masked, not excluded)
     */
    public long suspectedMask() {
        return lane.suspectedMask();
    }

    /** @return frames of one state re-agreement cycle: the sum of every block's words */
    public int syncCycleFrames() {
        return sync.cycleLength();
    }

    /**
     * @return the recovery bound of this configuration: from the first frame after which the faults stay within
     *         the hypothesis and every healthy lane runs every frame in step, every healthy lane holds the same state
     *         and is no longer syncing within this many frames (three sync cycles, K and two frames)
     */
    public int recoveryBoundFrames() {
        return 3 * sync.cycleLength() + signals + 2;
    }

    /**
     * The fault budgets the configuration still survives with the lanes excluded so far (an excluded lane counts as
     * a benign relay). A query for displays and logs: it builds a list, so it is not for the frame path.
     *
     * @return the maximal budgets still tolerated; empty if none
     */
    public List<FaultBudget> remainingBudgets() {
        return config.agreement().budgetsAfterExcluding(Long.bitCount(health.excludedMask()));
    }

    /**
     * @return true iff the whole configured fault budget is still tolerated on top of the lanes excluded so far;
     *         false means the system now survives less than it was built for. Allocation-free.
     */
    public boolean fullBudgetHolds() {
        return config.agreement().holds(Long.bitCount(health.excludedMask()), config.agreement().faultBudget());
    }

    /** @return this lane's drop counters */
    public DropCounters dropCounters() {
        return lane.dropCounters();
    }

    /** Passes a manager's events on with the host signal index, except while frames are replayed or held. */
    private final class SignalEvents implements ChannelEventListener {
        private final int signal;

        SignalEvents(final int signal) {
            this.signal = signal;
        }

        @Override
        public void onChannelFailed(final int id, final long frame, final int channel, final ExclusionReason reason) {
            if (!muted) {
                listener.onChannelFailed(signal, frame, channel, reason);
            }
        }

        @Override
        public void onChannelReintegrated(final int id, final long frame, final int channel) {
            if (!muted) {
                listener.onChannelReintegrated(signal, frame, channel);
            }
        }

        @Override
        public void onRedundancyChanged(final int id, final long frame, final RedundancyLevel from,
                                        final RedundancyLevel to) {
            if (!muted) {
                listener.onRedundancyChanged(signal, frame, from, to);
            }
        }

        @Override
        public void onOutputStatusChanged(final int id, final long frame, final OutputStatus from,
                                          final OutputStatus to) {
            if (!muted) {
                listener.onOutputStatusChanged(signal, frame, from, to);
            }
        }
    }
}
