package org.bftvote.agreement;

import java.util.Arrays;

import org.bftvote.channel.PersistenceCounters;
import org.bftvote.channel.PersistencePolicy;
import org.bftvote.channel.StateDigest;

/**
 * Which lanes a pipeline counts, decided every frame from agreed data alone: exclusion of accused lanes, readmission
 * of excluded ones that behave again, and whether the lanes' state digests agree. Its state carries over between
 * frames and is one of the blocks a {@link LanePipeline} re-agrees ({@link #writeState}, {@link #readState}); because
 * {@link #step} reads nothing but its own state and the frame's agreed diagnosis, a lane that takes this state from
 * the others and replays the frames since (their agreed diagnosis recorded) holds exactly what they hold.
 *
 * <h2>One frame ({@link #step})</h2>
 * <ol>
 *   <li><b>Accusations</b> ({@link Accusations}): each lane's accusers among the non-excluded lanes; accused =
 *       at least f + 1 of them.</li>
 *   <li><b>Congruence</b>: the <em>voters</em> are the lanes heard, not excluded and not declaring themselves
 *       syncing (all heard non-excluded lanes if none is left); the <em>reference digest</em> is their
 *       {@link Plurality plurality} digest, and the voters holding another one are <em>incongruent</em>. The
 *       digests disagree ({@link HypothesisFlags#DIGESTS_DISAGREE}) when more voters are incongruent than the fault
 *       budget left allows, or the reference is not held by more voters than differ from it; the state is
 *       unconfirmed ({@link HypothesisFlags#UNCONFIRMED}) when the voters holding the reference are no majority of
 *       the configured lanes.</li>
 *   <li><b>Exclusion</b>: a non-excluded lane's accusation feeds its persistence counter (the pipeline's exclusion
 *       policy); a counter that trips excludes the lane from this frame on.</li>
 *   <li><b>Readmission</b>: a lane excluded before this frame has a clean frame when fewer than f + 1 lanes accuse
 *       it (a lane's evidence against an excluded lane: its round-1 message missing or malformed, its state digest
 *       not the accuser's, or it declaring itself syncing); after the policy's clean frames in a row it is
 *       readmitted, at most the policy's times.</li>
 *   <li><b>Amnesty</b>: after {@code amnestyFrames} frames in a row in which agreed data showed the hypothesis
 *       exceeded ({@link HypothesisFlags#AGREED}), every excluded lane that has readmissions left is readmitted
 *       (each counts one). Exclusions decided while the agreement itself failed can differ from lane to lane, or
 *       leave a majority of the lanes excluded on either side of a split; then the lanes' exclusions, and so their
 *       agreement, cannot come back together by themselves. Taking every lane back gives every lane the same
 *       exclusions again, the digests then decide which state all take, and a lane still faulty is accused and
 *       excluded again (at most the policy's times).</li>
 * </ol>
 *
 * <p>Footprint: a few n-sized arrays, built here. {@link #step} allocates nothing. Not thread safe.
 */
final class LaneHealth {
    /** {@link #exclusionFrame(int)} of a lane not excluded. */
    static final long NOT_EXCLUDED = -1L;

    /* State words: 0 = excluded lanes (bits 0-31, n <= 32) and frames in a row with the hypothesis exceeded (bits
     * 32-63); 1 + j = lane j's accusation level (bits 0-19), clean run (20-39) and readmissions (40-59), each at most
     * 1,000,000 < 2^20; 1 + n + j = the frame lane j was excluded at. */
    private static final int FIELD_BITS = 20;
    private static final long FIELD_MASK = (1L << FIELD_BITS) - 1;

    private final int lanes;
    private final long allLanes;
    private final int threshold;
    /** tolerated[k] = the most faulty lanes a budget that still holds after k exclusions allows (0 if none holds). */
    private final int[] tolerated;
    /** asymmetricTolerated[k] = the most asymmetric lanes a budget that still holds after k exclusions allows. */
    private final int[] asymmetricTolerated;
    private final PersistenceCounters accusationLevels;
    private final ReadmissionPolicy readmission;
    private final int amnestyFrames;
    private final int[] cleanRun;
    private final int[] readmissions;
    private final long[] exclusionFrame;
    private final int[] accuserCounts;
    private final long[] digests;

    private long excluded;
    private int exceededRun;
    private long accused;
    private long newlyExcluded;
    private long readmitted;
    private long voters;
    private long incongruent;
    private long referenceDigest;
    private boolean referenceKnown;
    private int agreedFlags;

    /**
     * @param config        the pipeline configuration
     * @param amnestyFrames frames in a row of agreed hypothesis-exceeded flags after which every excluded lane with
     *                      readmissions left is readmitted, at least 1
     */
    LaneHealth(final PipelineConfig config, final int amnestyFrames) {
        this.amnestyFrames = amnestyFrames;
        final AgreementConfig agreement = config.agreement();
        this.lanes = agreement.lanes();
        this.allLanes = (1L << lanes) - 1; // at most PipelineConfig.MAX_LANES (32) lanes
        this.threshold = agreement.faultBudget().total() + 1;
        this.tolerated = new int[lanes + 1];
        this.asymmetricTolerated = new int[lanes + 1];
        for (int k = 0; k <= lanes; k++) {
            for (final FaultBudget budget : agreement.budgetsAfterExcluding(k)) {
                tolerated[k] = Math.max(tolerated[k], budget.total());
                asymmetricTolerated[k] = Math.max(asymmetricTolerated[k], budget.asymmetric());
            }
        }
        this.accusationLevels = new PersistenceCounters(config.exclusion(), lanes);
        this.readmission = config.readmission();
        this.cleanRun = new int[lanes];
        this.readmissions = new int[lanes];
        this.exclusionFrame = new long[lanes];
        Arrays.fill(exclusionFrame, NOT_EXCLUDED);
        this.accuserCounts = new int[lanes];
        this.digests = new long[lanes];
    }

    /**
     * Runs one frame on its agreed diagnosis.
     *
     * @param frame            the frame
     * @param heard            lanes whose diagnosis word was agreed as a value
     * @param accusationWords  each lane's agreed accusation word (0 if not heard)
     * @param tags             each lane's agreed {@link StateTag} (ignored if not heard)
     */
    void step(final long frame, final long heard, final long[] accusationWords, final long[] tags) {
        final long excludedBefore = excluded;
        accused = Accusations.count(lanes, excludedBefore, accusationWords, threshold, accuserCounts);
        judgeCongruence(heard, tags);
        agreedFlags = (Long.bitCount(accused) > tolerated() ? HypothesisFlags.ACCUSED_BEYOND_BUDGET : 0)
            | (digestsDisagree() ? HypothesisFlags.DIGESTS_DISAGREE : 0);
        newlyExcluded = 0;
        readmitted = 0;
        for (int j = 0; j < lanes; j++) {
            final long bit = 1L << j;
            if ((excludedBefore & bit) == 0) {
                if (accusationLevels.record(j, (accused & bit) != 0)) {
                    exclude(j, frame);
                }
            } else if (!readmission.isNever()) {
                judgeReadmission(j);
            }
        }
        if (2 * (Long.bitCount(voters) - Long.bitCount(incongruent)) <= lanes) {
            agreedFlags |= HypothesisFlags.UNCONFIRMED;
        }
        exceededRun = agreedFlags == 0 ? 0 : Math.min(exceededRun + 1, amnestyFrames);
        if (exceededRun >= amnestyFrames && !readmission.isNever()) {
            amnesty();
        }
    }

    /**
     * Takes back every excluded lane, whatever readmissions it has left: exclusions decided while agreement failed
     * can differ from lane to lane, and a limit reached on some lanes only would keep them apart for ever (each
     * hearing a different set of lanes, so the state re-agreement cannot join them). The count still saturates at
     * the policy's limit, so the clean-window readmission stays bounded.
     */
    private void amnesty() {
        exceededRun = 0;
        for (long rest = excluded; rest != 0; rest &= rest - 1) {
            final int lane = Long.numberOfTrailingZeros(rest);
            readmit(lane);
            readmissions[lane] = Math.min(readmissions[lane], readmission.maxTimes());
        }
    }



    private void judgeCongruence(final long heard, final long[] tags) {
        for (int j = 0; j < lanes; j++) {
            digests[j] = StateTag.digest(tags[j]);
        }
        voters = voters(lanes, heard, excluded, tags);
        referenceKnown = voters != 0;
        if (!referenceKnown) {
            referenceDigest = 0L;
            incongruent = 0L;
            return;
        }
        // The usual frame: every voter holds the first voter's digest, which one pass finds.
        final long first = digests[Long.numberOfTrailingZeros(voters)];
        final long differ = Plurality.others(digests, voters, first);
        if (differ == 0) {
            referenceDigest = first;
            incongruent = 0L;
        } else {
            referenceDigest = digests[Plurality.winner(digests, voters)];
            incongruent = Plurality.others(digests, voters, referenceDigest);
        }
    }

    /**
     * The lanes whose digest (and sync word) counts in a frame: heard, not excluded and not declaring themselves
     * syncing; if that leaves none, every heard lane not excluded.
     *
     * @param lanes    n
     * @param heard    lanes heard this frame
     * @param excluded lanes excluded
     * @param tags     each lane's agreed {@link StateTag}
     * @return the voters
     */
    static long voters(final int lanes, final long heard, final long excluded, final long[] tags) {
        final long counted = heard & ~excluded;
        long voting = 0;
        for (long rest = counted; rest != 0; rest &= rest - 1) {
            final int j = Long.numberOfTrailingZeros(rest);
            if (!StateTag.syncing(tags[j])) {
                voting |= 1L << j;
            }
        }
        return voting != 0 ? voting : counted;
    }

    private boolean digestsDisagree() {
        if (incongruent == 0) {
            return false;
        }
        final int differ = Long.bitCount(incongruent);
        final int agree = Long.bitCount(voters) - differ;
        return differ > tolerated() || agree <= differ;
    }

    private void judgeReadmission(final int lane) {
        final boolean clean = accuserCounts[lane] < threshold;
        cleanRun[lane] = clean ? Math.min(cleanRun[lane] + 1, readmission.cleanFrames()) : 0;
        if (cleanRun[lane] >= readmission.cleanFrames() && readmissions[lane] < readmission.maxTimes()) {
            readmit(lane);
        }
    }

    private void readmit(final int lane) {
        excluded &= ~(1L << lane);
        readmitted |= 1L << lane;
        readmissions[lane]++;
        cleanRun[lane] = 0;
        accusationLevels.reset(lane);
        exclusionFrame[lane] = NOT_EXCLUDED;
    }

    private void exclude(final int lane, final long frame) {
        excluded |= 1L << lane;
        newlyExcluded |= 1L << lane;
        exclusionFrame[lane] = frame;
        cleanRun[lane] = 0;
    }

    private int tolerated() {
        return tolerated[Long.bitCount(excluded & allLanes)];
    }

    // ---- results of the last step ----------------------------------------------------------------------------

    /** @return excluded lanes after the last step */
    long excludedMask() {
        return excluded;
    }

    /** @return lanes the last step excluded */
    long newlyExcluded() {
        return newlyExcluded;
    }

    /** @return lanes the last step readmitted */
    long readmitted() {
        return readmitted;
    }

    /** @return non-excluded lanes accused by at least f + 1 lanes in the last step */
    long accusedMask() {
        return accused;
    }

    /** @return voters whose digest differed from the reference in the last step */
    long incongruentMask() {
        return incongruent;
    }

    /**
     * @param digest a digest
     * @return true if the last step had a reference digest and it equals {@code digest}
     */
    boolean isReference(final long digest) {
        return referenceKnown && digest == referenceDigest;
    }

    /** @return the {@link HypothesisFlags#AGREED} flags of the last step */
    int agreedFlags() {
        return agreedFlags;
    }

    /**
     * @param excludedCount lanes excluded
     * @return the most faulty lanes a budget that still holds allows (0 if none holds)
     */
    int tolerated(final int excludedCount) {
        return tolerated[excludedCount];
    }

    /**
     * @param excludedCount lanes excluded
     * @return the most asymmetric faulty lanes a budget that still holds allows (0 if none holds)
     */
    int asymmetricTolerated(final int excludedCount) {
        return asymmetricTolerated[excludedCount];
    }

    /**
     * @param lane a lane
     * @return its accusation persistence level
     */
    int accusationLevel(final int lane) {
        return accusationLevels.level(lane);
    }

    /**
     * @param lane a lane
     * @return the frame it was excluded at, or {@link #NOT_EXCLUDED}
     */
    long exclusionFrame(final int lane) {
        return exclusionFrame[lane];
    }

    /**
     * @param lane a lane
     * @return how many times it has been readmitted
     */
    int readmissions(final int lane) {
        return readmissions[lane];
    }

    // ---- state as words --------------------------------------------------------------------------------------

    /** @return 2n + 1 */
    int stateWords() {
        return stateWords(lanes);
    }

    /**
     * @param lanes n
     * @return the state words of lane health for n lanes: 2n + 1
     */
    static int stateWords(final int lanes) {
        return 2 * lanes + 1;
    }

    void writeState(final long[] dst, final int offset) {
        dst[offset] = excluded & 0xFFFF_FFFFL | (long) exceededRun << 32;
        for (int j = 0; j < lanes; j++) {
            dst[offset + 1 + j] = laneWord(j);
            dst[offset + 1 + lanes + j] = exclusionFrame[j];
        }
    }

    /**
     * Adds the words {@link #writeState} writes, in the same order, to a digest, without writing them anywhere.
     *
     * @param digest the digest to add to
     */
    void addStateTo(final StateDigest digest) {
        digest.add(excluded & 0xFFFF_FFFFL | (long) exceededRun << 32);
        int j = 0;
        for (; j + 1 < lanes; j += 2) {
            digest.add(laneWord(j), laneWord(j + 1));
        }
        if (j < lanes) {
            digest.add(laneWord(j));
        }
        for (j = 0; j + 1 < lanes; j += 2) {
            digest.add(exclusionFrame[j], exclusionFrame[j + 1]);
        }
        if (j < lanes) {
            digest.add(exclusionFrame[j]);
        }
    }

    private long laneWord(final int j) {
        return accusationLevels.level(j) | (long) cleanRun[j] << FIELD_BITS | (long) readmissions[j] << 2 * FIELD_BITS;
    }

    /** Any words give a valid state: fields are clamped, a lane not excluded has no exclusion frame. */
    void readState(final long[] src, final int offset) {
        excluded = src[offset] & allLanes & 0xFFFF_FFFFL;
        exceededRun = (int) Math.min(src[offset] >>> 32, amnestyFrames);
        for (int j = 0; j < lanes; j++) {
            final long word = src[offset + 1 + j];
            accusationLevels.restore(j, (int) Math.min(word & FIELD_MASK, Integer.MAX_VALUE));
            cleanRun[j] = (int) Math.min(word >>> FIELD_BITS & FIELD_MASK, readmission.cleanFrames());
            readmissions[j] = (int) Math.min(word >>> 2 * FIELD_BITS & FIELD_MASK, readmission.maxTimes());
            exclusionFrame[j] = (excluded & (1L << j)) != 0 ? src[offset + 1 + lanes + j] : NOT_EXCLUDED;
        }
    }

    /** @return the persistence policy of exclusion */
    PersistencePolicy exclusionPolicy() {
        return accusationLevels.policy();
    }
}
