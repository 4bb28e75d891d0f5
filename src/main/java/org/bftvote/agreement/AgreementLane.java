package org.bftvote.agreement;

import java.util.Arrays;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * One lane's side of interactive consistency, driven by its host: no threads, clocks or sockets inside. The host
 * owns time and transport; this class owns the protocol state, in the shape of Aeron Cluster's {@code Election}.
 *
 * <h2>Frame protocol</h2>
 * <pre>{@code
 * lane.beginFrame(frame, readings, status);               // K own readings
 * for (int round = 1; round <= lane.rounds(); round++) {
 *     for (int peer = 0; peer < lanes; peer++) {
 *         final int length = lane.encodeRound(round, peer, txBuffer, 0);   // > 0: send; < 0: status, skip
 *         if (length > 0) transport.send(peer, txBuffer, 0, length);
 *     }
 *     // until the round's deadline, for every message received on link `link`:
 *     lane.onMessage(link, rxBuffer, offset, length);     // ACCEPTED or a DropReason code
 *     lane.closeRound(round);                              // at the deadline: whatever has not arrived is missing
 * }
 * lane.decide();
 * lane.decidedWord(source, signal); lane.decidedStatus(source, signal); lane.accusedMask(); ...
 * }</pre>
 *
 * <h2>Signals</h2>
 * The engine's configuration carries {@code K + 1} signals: {@code 0 .. K-1} are the host's readings
 * ({@link #signals()} = K), each {@link EntryStatus#VALUE} (a new sample), {@link EntryStatus#HELD} (valid, not a
 * new sample) or missing, and signal {@link #diagnosisSignal()} = K is reserved for the <em>diagnosis word</em>:
 * <pre>
 *  bit  0 .. n-1      accusations: this lane's evidence of the previous frame, bit j for lane j
 *  bit  n .. 31       0
 *  bit 32 .. 63       the host's tag (given to {@link #beginFrame(long, long[], byte[], int)}; n &lt;= 32 to use it)
 * </pre>
 * so that accusations (see {@link #accusedMask()}) and the tag ({@link #agreedTag(int)}) are themselves agreed.
 *
 * <h2>Trust</h2>
 * The sender of a message is the link the host says it arrived on, never the message's own sender field (which must
 * merely agree). A message that fails any check of {@link DropReason} is dropped whole, counted in
 * {@link #dropCounters()}, and its values are missing for the engine (a benign fault of the sender).
 *
 * <h2>Local evidence and accusations</h2>
 * After {@link #decide()}, the lane holds, for each peer, this frame's evidence: a round with no accepted message
 * ({@link #missingMask()}), a dropped message ({@link #malformedMask()}), or a round-1 entry — the peer's own reading
 * as sent to this lane — that disagrees with the value all healthy lanes decided for that peer
 * ({@link #contradictionMask()}), or a peer whose round-1 message did not reach this lane while a relay carried a
 * reading of it (also {@link #contradictionMask()}: its reading reached some lanes and not others). Their union is
 * this lane's accusation word, sent as signal K in the next frame.
 * A healthy peer never earns evidence from a healthy lane while the fault hypothesis holds: its messages arrive and
 * are well formed, and validity makes the decided value equal to what it sent. Relay entries of later rounds are
 * deliberately not evidence: a faulty source can make a healthy relay's entry disagree with the decision (n = 4,
 * source sends x to lane 1 and y to lanes 2 and 3: all decide y, and lane 1's honest relay of x disagrees on two
 * healthy lanes), which would let healthy lanes condemn a healthy relay.
 *
 * <p>{@link #accusedMask()} names the lanes that at least {@code f + 1} distinct non-excluded lanes accuse in their
 * agreed accusation words, f being the configuration's total fault budget; so faulty lanes alone can never condemn a
 * healthy one, and every healthy lane computes the same mask from the same agreed data. A lane named by fewer is
 * only {@linkplain #suspectedMask() suspected}. What to do with accusations (persistence, exclusion, readmission) is
 * the caller's policy; {@link #excludeLane(int)} and {@link #readmitLane(int)} apply it.
 *
 * <h2>Excluded lanes are still heard</h2>
 * An excluded lane still gets every message, so that it can follow the agreement and be readmitted; its round-1
 * message is still checked (a missing or malformed one is evidence against it, agreed like any accusation, see
 * {@link #accuserCount(int)}), and its diagnosis tag is kept ({@link #heardTag(int)}), but none of its entries is
 * used: the engine treats it as benign. Its relays (rounds 2 and up) are dropped unread
 * ({@link DropReason#EXCLUDED_SENDER}, no evidence), and its accusations are not counted. A host can add evidence of
 * its own against a lane ({@link #addEvidence(long)}).
 *
 * <h2>Frame numbers</h2>
 * A lane that was stopped, restarted or fell behind is on another frame than its peers, and every message between
 * them is {@link DropReason#WRONG_FRAME}. Those messages still name the frame their senders are on:
 * {@link #frameHint()} gives the frame that at least f + 1 peers, more than are in step with this lane, were on in
 * this frame, so that the host can begin its next frame in step; faulty lanes alone cannot move it.
 *
 * <h2>Footprint</h2>
 * All arrays are sized from (n, m, K) when built: the engine (its tree numbering is shared through the
 * configuration) and the (round, link) each tree node may arrive on. No frame step allocates, logs or throws on bad
 * input: misuse by the host is reported by negative status codes, which {@link ResultCode#describe(int)} names. An
 * accessor given a lane or signal out of range throws {@link IndexOutOfBoundsException} saying which and the range
 * (instead of reading another entry). Not thread safe: one thread drives a lane.
 */
public final class AgreementLane {
    // The status codes below are described, for hosts and logs, by ResultCode (one entry per code).

    /** {@link #onMessage} result: every entry was accepted. */
    public static final int ACCEPTED = 0;
    /** Result of the frame-step methods when the step was done. */
    public static final int OK = 0;
    /** {@link #encodeRound} result: the buffer has fewer than {@link #maxMessageLength()} bytes after the offset. */
    public static final int BUFFER_TOO_SMALL = -101;
    /** Result: the peer is this lane or out of range, or the round is out of range. */
    public static final int BAD_ARGUMENT = -102;
    /** Result: no frame is open (no {@link #beginFrame} yet, or the frame was already decided). */
    public static final int NO_FRAME = -103;
    /** Result: the round is not the open one (rounds are encoded and closed in order, 1 to m + 1). */
    public static final int ROUND_NOT_OPEN = -104;
    /** {@link #decide()} result: not every round has been closed. */
    public static final int ROUNDS_NOT_CLOSED = -106;
    /** {@link #encodeRound} result: the engine emitted more entries than the layout allows (an engine defect). */
    public static final int ENCODE_OVERFLOW = -107;

    /** Most lanes the accusation bitmask and the one-byte lane fields can carry. */
    public static final int MAX_LANES = 64;

    /** Most lanes for which the diagnosis word also carries a host tag in its upper 32 bits. */
    public static final int MAX_LANES_WITH_TAG = 32;

    /** {@link #frameHint()} when no other frame is indicated. */
    public static final long NO_FRAME_HINT = Long.MIN_VALUE;

    /** Position of the host tag in the diagnosis word. */
    private static final int TAG_SHIFT = 32;

    private final AgreementConfig config;
    private final EigEngine engine;
    private final IcMessageCodec codec = new IcMessageCodec();
    private final DropCounters drops = new DropCounters();
    private final int self;
    private final int lanes;
    private final int rounds;
    private final int userSignals;
    private final int engineSignals;
    private final int accuserThreshold;
    private final int maxMessageLength;
    private final boolean hybrid;
    /** Entries a well-formed message of round r holds at most, indexed by r. */
    private final int[] maxEntriesByRound;

    private final long[] ownWords;
    private final byte[] ownStatus;
    /**
     * Per tree node, the only (round, link) whose messages may carry it, as {@link #pathKey(int, int)}; or -1 for a
     * node on a path through this lane, which no message may carry. Built once so that the per-entry path check is
     * one load and one compare instead of four lookups in {@link EigPaths}.
     */
    private final int[] pathKeys;
    private final int[] receivedRounds;
    private final int[] accuserCounts;
    private final long[] agreedWords;
    /** Each lane's agreed host tag this frame (0 if not heard), and the lanes heard: set by {@link #decide}. */
    private final int[] agreedTags;
    private long heardMask;
    /** Per excluded link: the tag of its last well-formed round-1 message this frame, see {@link #heardTag}. */
    private final int[] heardTags;
    /** Per link: the frame of the last well-formed message for another frame this frame, see {@link #frameHint}. */
    private final long[] otherFrame;

    private long frame;
    private boolean frameOpen;
    private boolean decided;
    private int closedRounds;
    private long missingMask;
    private long malformedMask;
    private long contradictionMask;
    private long pendingAccusation;
    private long accusedMask;
    private long excludedMask;
    private long otherFrameLinks;
    private long inStepLinks;
    private long frameHint = NO_FRAME_HINT;

    /**
     * The agreement configuration for a lane with {@code hostSignals} readings of its own: it counts the reserved
     * diagnosis signal itself (K + 1 signals), so the host never does. {@link AgreementConfig#builder} counts every
     * agreed signal and suits an {@link EigEngine} driven directly.
     *
     * <pre>{@code
     * AgreementLane lane = new AgreementLane(AgreementLane.configBuilder(4, 1, 8).build(), self);   // 8 readings
     * }</pre>
     *
     * @param lanes       n, 1 to {@link #MAX_LANES}
     * @param m           the round parameter (m + 1 rounds), 0 to n - 1
     * @param hostSignals K, the host's readings per lane, 1 to {@link AgreementConfig#MAX_SIGNALS} - 1
     * @return a builder for K + 1 signals, by default for OM(m)
     * @throws InvalidConfigException naming the argument out of range
     */
    public static AgreementConfig.Builder configBuilder(final int lanes, final int m, final int hostSignals) {
        Require.inRange("lanes", lanes, 1, MAX_LANES);
        Require.inRange("m", m, 0, lanes - 1);
        Require.inRange("hostSignals", hostSignals, 1, AgreementConfig.MAX_SIGNALS - 1);
        return AgreementConfig.builder(lanes, m, hostSignals + 1);
    }

    /**
     * Builds a lane.
     *
     * @param config agreement configuration; its {@code signals()} must count the reserved diagnosis signal, so it
     *               is K + 1 for K host readings
     * @param self   this lane's number, 0 to n - 1
     * @throws InvalidConfigException if {@code self} is out of range, there are more than {@link #MAX_LANES} lanes,
     *                                fewer than 2 signals, or the tree does not fit the 16-bit wire fields
     */
    public AgreementLane(final AgreementConfig config, final int self) {
        this.config = org.bftvote.Require.notNull("config", config);
        this.lanes = org.bftvote.Require.inRange("lanes", config.lanes(), 1, MAX_LANES);
        this.self = org.bftvote.Require.inRange("self", self, 0, lanes - 1);
        this.engineSignals = org.bftvote.Require.inRange("signals", config.signals(), 2, AgreementConfig.MAX_SIGNALS);
        this.userSignals = engineSignals - 1;
        this.rounds = config.rounds();
        this.hybrid = config.mode() == AgreementConfig.Mode.HYBRID_CORRECTED;
        this.engine = new EigEngine(config, self);
        final EigPaths paths = config.paths();
        org.bftvote.Require.inRange("EIG path count", paths.count(), 1, IcMessage.MAX_U16 + 1);
        this.accuserThreshold = faultBudget(config) + 1;

        this.maxEntriesByRound = new int[rounds + 1];
        int maxEntries = 0;
        for (int round = 1; round <= rounds; round++) {
            // Paths of length `round` ending at the sender and avoiding the receiver: (n-2)(n-3)...(n-round).
            long pathsPerMessage = 1;
            for (int i = 0; i < round - 1; i++) {
                pathsPerMessage *= Math.max(0, lanes - 2 - i);
            }
            final long entries = pathsPerMessage * engineSignals;
            if (entries > IcMessage.MAX_U16) {
                throw new InvalidConfigException("entries per message", entries,
                    "entries per message <= " + IcMessage.MAX_U16 + " (n = " + lanes + ", m = " + config.m()
                        + ", signals = " + engineSignals + ")");
            }
            maxEntriesByRound[round] = (int) entries;
            maxEntries = Math.max(maxEntries, (int) entries);
        }
        this.maxMessageLength = IcMessage.length(maxEntries);

        this.ownWords = new long[engineSignals];
        this.ownStatus = new byte[engineSignals];
        this.pathKeys = new int[paths.count()];
        for (int path = 0; path < pathKeys.length; path++) {
            pathKeys[path] = paths.contains(path, self) ? -1 : pathKey(paths.length(path), paths.last(path));
        }
        this.receivedRounds = new int[lanes];
        this.accuserCounts = new int[lanes];
        this.agreedWords = new long[lanes];
        this.agreedTags = new int[lanes];
        this.heardTags = new int[lanes];
        this.otherFrame = new long[lanes];
    }

    /** Packs a (round, link) pair, both below 256, into one comparable int; never -1. */
    private static int pathKey(final int round, final int link) {
        return round << 8 | link;
    }

    private static int faultBudget(final AgreementConfig config) {
        return config.faultBudget().total();
    }

    // ---- sizing and identity ---------------------------------------------------------------------------------

    /** @return this lane's number */
    public int self() {
        return self;
    }

    /** @return number of lanes n */
    public int lanes() {
        return lanes;
    }

    /** @return number of rounds per frame, m + 1 */
    public int rounds() {
        return rounds;
    }

    /** @return K, the number of host signals (the diagnosis signal not counted) */
    public int signals() {
        return userSignals;
    }

    /** @return index of the reserved signal that carries accusation words (= {@link #signals()}) */
    public int diagnosisSignal() {
        return userSignals;
    }

    /** @return the configuration this lane was built from */
    public AgreementConfig config() {
        return config;
    }

    /** @return bytes a transmit buffer needs after its offset for any {@link #encodeRound} */
    public int maxMessageLength() {
        return maxMessageLength;
    }

    /**
     * @param round round, 1 to {@link #rounds()}
     * @return entries in a complete message of that round (before any exclusion)
     */
    public int entriesPerMessage(final int round) {
        return maxEntriesByRound[round];
    }

    /** @return f + 1: distinct accusers needed before a lane counts as accused */
    public int accuserThreshold() {
        return accuserThreshold;
    }

    // ---- frame steps -----------------------------------------------------------------------------------------

    /**
     * Opens a frame with this lane's own readings and no host tag: the same as
     * {@link #beginFrame(long, long[], byte[], int) beginFrame(frame, readings, status, 0)}.
     *
     * @param frame    frame number, carried in every message
     * @param readings K value words
     * @param status   K statuses
     * @return {@link #OK}, or {@link #BAD_ARGUMENT} if an array is shorter than K (nothing is opened then)
     */
    public int beginFrame(final long frame, final long[] readings, final byte[] status) {
        return beginFrame(frame, readings, status, 0);
    }

    /**
     * Opens a frame with this lane's own readings. Any frame still open is abandoned (its evidence is discarded).
     *
     * @param frame    frame number, carried in every message
     * @param readings K value words
     * @param status   K statuses: {@link EntryStatus#VALUE} (a new sample) and {@link EntryStatus#HELD} (valid, not a
     *                 new sample) travel as they are; anything else is treated as {@link EntryStatus#MISSING}
     * @param tag      32 bits the host wants agreed with this frame's diagnosis word ({@link #agreedTag(int)});
     *                 must be 0 with more than {@link #MAX_LANES_WITH_TAG} lanes
     * @return {@link #OK}, or {@link #BAD_ARGUMENT} if an array is shorter than K or a tag is given with more than
     *         {@link #MAX_LANES_WITH_TAG} lanes (nothing is opened then)
     */
    public int beginFrame(final long frame, final long[] readings, final byte[] status, final int tag) {
        if (readings.length < userSignals || status.length < userSignals
            || (tag != 0 && lanes > MAX_LANES_WITH_TAG)) {
            return BAD_ARGUMENT;
        }
        for (int k = 0; k < userSignals; k++) {
            ownWords[k] = readings[k];
            ownStatus[k] = EntryStatus.isValue(status[k]) ? status[k] : EntryStatus.MISSING;
        }
        ownWords[userSignals] = pendingAccusation | (tag & 0xFFFF_FFFFL) << TAG_SHIFT;
        ownStatus[userSignals] = EntryStatus.VALUE;
        pendingAccusation = 0;

        engine.beginFrame(frame, ownWords, ownStatus);
        this.frame = frame;
        frameOpen = true;
        decided = false;
        closedRounds = 0;
        missingMask = 0;
        malformedMask = 0;
        contradictionMask = 0;
        accusedMask = 0;
        otherFrameLinks = 0;
        inStepLinks = 0;
        frameHint = NO_FRAME_HINT;
        Arrays.fill(receivedRounds, 0);
        return OK;
    }

    /**
     * Encodes this lane's message of {@code round} for {@code peer} into the host's buffer. Only the open round
     * (the first one not yet closed) can be encoded. Excluded peers get their messages too, so that they can follow
     * the agreement and be readmitted.
     *
     * @param round  round, 1 to {@link #rounds()}
     * @param peer   receiving lane
     * @param buffer host's transmit buffer
     * @param offset where the message starts; {@link #maxMessageLength()} bytes must fit after it
     * @return bytes written (always &gt; 0), or {@link #BAD_ARGUMENT}, {@link #NO_FRAME}, {@link #ROUND_NOT_OPEN},
     *         {@link #BUFFER_TOO_SMALL}, {@link #ENCODE_OVERFLOW}
     */
    public int encodeRound(final int round, final int peer, final byte[] buffer, final int offset) {
        if (round < 1 || round > rounds || peer < 0 || peer >= lanes || peer == self) {
            return BAD_ARGUMENT;
        }
        if (!frameOpen) {
            return NO_FRAME;
        }
        if (round != closedRounds + 1) {
            return ROUND_NOT_OPEN;
        }
        if (offset < 0 || buffer.length - offset < maxMessageLength) {
            return BUFFER_TOO_SMALL;
        }
        final int planned = engine.slotsToSend(round, peer);
        if (planned > maxEntriesByRound[round]) {
            return ENCODE_OVERFLOW;
        }
        // The header goes in before the entries, counting every slot (rewritten in the rare message that sends
        // fewer): the checksum reads the message from its start in 8-byte loads, and a load that spans several
        // stores still on their way to the cache waits for them, so the header, read first, is stored first.
        IcMessage.putHeader(buffer, offset, round, self, peer, planned, frame);
        final int entries = engine.encode(round, peer, buffer, offset, planned);
        if (entries != planned) {
            IcMessage.putEntryCount(buffer, offset, entries);
        }
        return codec.seal(buffer, offset);
    }

    /**
     * Takes one received message. Never throws and never allocates, whatever the bytes.
     *
     * @param link   the lane the host knows the message came from (its link or slot), the only trusted sender
     * @param buffer receive buffer
     * @param offset message start
     * @param length bytes received
     * @return {@link #ACCEPTED}, or the {@link DropReason#code()} of the reason it was dropped (also counted)
     */
    public int onMessage(final int link, final byte[] buffer, final int offset, final int length) {
        final boolean knownLink = link >= 0 && link < lanes && link != self;
        if (offset < 0 || length < 0 || offset > buffer.length - length) {
            return drop(DropReason.TRUNCATED, link, knownLink);
        }
        final int structure = codec.verify(buffer, offset, length);
        if (structure != IcMessageCodec.WELL_FORMED) {
            return drop(DropReason.ofCode(structure), link, knownLink);
        }
        if (!knownLink) {
            return drops.record(DropReason.UNKNOWN_LINK);
        }
        final boolean excludedLink = isExcluded(link);
        if (excludedLink && IcMessage.round(buffer, offset) != 1) {
            // An excluded lane is only heard, in round 1; its relays are not used and are no evidence.
            return drops.record(DropReason.EXCLUDED_SENDER);
        }
        final DropReason headerFault = checkHeader(link, buffer, offset);
        if (headerFault != null) {
            return drop(headerFault, link, true);
        }
        final int round = IcMessage.round(buffer, offset);
        final int count = IcMessage.entryCount(buffer, offset);
        final DropReason entryFault = checkEntries(link, round, count, buffer, offset);
        if (entryFault != null) {
            return drop(entryFault, link, true);
        }
        if (excludedLink) {
            // Checked and heard, not used: the engine refuses an excluded lane's entries.
            heardTags[link] = diagnosisTag(count, buffer, offset);
            unstore(count, buffer, offset);
        } else {
            engine.countStored(round, count);
        }
        receivedRounds[link] |= 1 << round;
        inStepLinks |= 1L << link;
        return ACCEPTED;
    }

    /** The host tag of a round-1 message's diagnosis entry (0 if it has none). */
    private int diagnosisTag(final int count, final byte[] buffer, final int offset) {
        for (int i = 0; i < count; i++) {
            final int at = IcMessage.entryOffset(offset, i);
            if (IcMessage.entryPathAndSignal(buffer, at) >>> 16 == userSignals
                && IcMessage.entryStatus(buffer, at) == EntryStatus.VALUE) {
                return (int) (IcMessage.entryWord(buffer, at) >>> TAG_SHIFT);
            }
        }
        return 0;
    }

    /**
     * Empties the engine slots the first {@code stored} entries of a message filled (each passed its checks, so
     * its path and signal decode to the slot it filled), leaving the engine as before the message.
     */
    private void unstore(final int stored, final byte[] buffer, final int offset) {
        for (int i = 0; i < stored; i++) {
            final int pathAndSignal = IcMessage.entryPathAndSignal(buffer, IcMessage.entryOffset(offset, i));
            engine.unstore((pathAndSignal & IcMessage.MAX_U16) * engineSignals + (pathAndSignal >>> 16));
        }
    }

    /**
     * Closes the open round at its deadline: the engine treats whatever did not arrive as missing, and every peer
     * without an accepted message in this round earns "missing" evidence (an excluded peer only in round 1, the
     * only round it is heard in).
     *
     * @param round the open round
     * @return {@link #OK}, {@link #NO_FRAME}, {@link #ROUND_NOT_OPEN}
     */
    public int closeRound(final int round) {
        if (!frameOpen) {
            return NO_FRAME;
        }
        if (round != closedRounds + 1 || round > rounds) {
            return ROUND_NOT_OPEN;
        }
        engine.closeRound(round);
        for (int peer = 0; peer < lanes; peer++) {
            if (peer != self && (round == 1 || !isExcluded(peer)) && (receivedRounds[peer] & (1 << round)) == 0) {
                missingMask |= 1L << peer;
            }
        }
        closedRounds = round;
        return OK;
    }

    /**
     * Decides the frame: resolves the agreement, then derives this frame's evidence and the agreed accusations.
     * After this the frame is closed; read the results until the next {@link #beginFrame}.
     *
     * @return {@link #OK}, {@link #NO_FRAME}, {@link #ROUNDS_NOT_CLOSED}
     */
    public int decide() {
        if (!frameOpen) {
            return NO_FRAME;
        }
        if (closedRounds != rounds) {
            return ROUNDS_NOT_CLOSED;
        }
        engine.decide();
        frameOpen = false;
        decided = true;
        collectContradictions();
        readDiagnosisWords();
        accusedMask = Accusations.count(lanes, excludedMask, agreedWords, accuserThreshold, accuserCounts);
        pendingAccusation = (missingMask | malformedMask | contradictionMask) & ~(1L << self);
        frameHint = computeFrameHint();
        return OK;
    }

    /**
     * Each lane's agreed diagnosis word, read once: who was heard, their accusations and tags. The one place the
     * word is taken apart; {@link #heard}, {@link #agreedAccusations} and {@link #agreedTag} read what it found.
     */
    private void readDiagnosisWords() {
        final long bits = laneBits();
        final boolean tagged = lanes <= MAX_LANES_WITH_TAG;
        long heardNow = 0;
        for (int j = 0; j < lanes; j++) {
            final boolean isHeard = engine.decidedStatus(j, userSignals) == EntryStatus.VALUE;
            final long word = engine.decidedWord(j, userSignals);
            heardNow |= isHeard ? 1L << j : 0L;
            agreedWords[j] = isHeard ? word & bits : 0L;
            agreedTags[j] = isHeard && tagged ? (int) (word >>> TAG_SHIFT) : 0;
        }
        heardMask = heardNow;
    }

    // ---- results ---------------------------------------------------------------------------------------------

    /** @return true after {@link #decide()} until the next {@link #beginFrame} */
    public boolean isDecided() {
        return decided;
    }

    /** @return the frame number of the current (or last) frame */
    public long frame() {
        return frame;
    }

    /**
     * @param source lane whose reading, 0 to n - 1
     * @param signal host signal, 0 to K - 1 (or {@link #diagnosisSignal()})
     * @return the agreed value word (meaningful when {@link #decidedStatus} is {@link EntryStatus#VALUE} or
     *         {@link EntryStatus#HELD})
     * @throws IndexOutOfBoundsException naming the source or signal and the range
     */
    public long decidedWord(final int source, final int signal) {
        return engine.decidedWord(checkedLane("source", source), checkedSignal(signal));
    }

    /**
     * @param source lane whose reading, 0 to n - 1
     * @param signal host signal, 0 to K - 1 (or {@link #diagnosisSignal()})
     * @return {@link EntryStatus#VALUE}, {@link EntryStatus#HELD}, {@link EntryStatus#MISSING} or
     *         {@link EntryStatus#DEFAULT}
     * @throws IndexOutOfBoundsException naming the source or signal and the range
     */
    public byte decidedStatus(final int source, final int signal) {
        return engine.decidedStatus(checkedLane("source", source), checkedSignal(signal));
    }

    /**
     * {@link #decidedWord} without the argument checks, for the pipeline's per-entry loops over indices it keeps in
     * range itself.
     */
    long decidedWordInRange(final int source, final int signal) {
        return engine.decidedWord(source, signal);
    }

    /**
     * {@link #decidedStatus} without the argument checks, for the pipeline's per-entry loops over indices it keeps
     * in range itself.
     */
    byte decidedStatusInRange(final int source, final int signal) {
        return engine.decidedStatus(source, signal);
    }

    /** @return the lanes whose diagnosis word the last {@link #decide} agreed as a value ({@link #heard}) */
    long heardMask() {
        return heardMask;
    }

    /** {@link #agreedAccusations} as the last {@link #decide} read it, for a lane in range. */
    long agreedAccusationsInRange(final int lane) {
        return agreedWords[lane];
    }

    /** {@link #agreedTag} as the last {@link #decide} read it, for a lane in range. */
    int agreedTagInRange(final int lane) {
        return agreedTags[lane];
    }

    /**
     * @param source lane whose reading, 0 to n - 1
     * @param signal host signal, 0 to K - 1 (or {@link #diagnosisSignal()})
     * @return the agreed word read as an IEEE double, or NaN unless the status is a value
     *         ({@link EntryStatus#isValue})
     * @throws IndexOutOfBoundsException naming the source or signal and the range
     */
    public double decidedDouble(final int source, final int signal) {
        return EntryStatus.isValue(decidedStatus(source, signal))
            ? Double.longBitsToDouble(engine.decidedWord(source, signal)) : Double.NaN;
    }

    /** @return peers (bit per lane) with a round of this frame that had no accepted message */
    public long missingMask() {
        return missingMask;
    }

    /** @return peers with at least one dropped message this frame */
    public long malformedMask() {
        return malformedMask;
    }

    /**
     * @return peers whose round-1 entries disagree with the value decided for them this frame, and peers whose
     *         round-1 message did not arrive while a relay carried a reading of them
     */
    public long contradictionMask() {
        return contradictionMask;
    }

    /** @return this frame's accusation word, which this lane sends as its diagnosis reading next frame */
    public long localAccusations() {
        return pendingAccusation;
    }

    /** @return non-excluded lanes named by at least {@link #accuserThreshold()} agreed accusation words this frame */
    public long accusedMask() {
        return accusedMask;
    }

    /**
     * @return non-excluded lanes named by at least one but fewer than {@link #accuserThreshold()} agreed accusation
     *         words this frame: evidence exists, but it may come from faulty lanes alone
     */
    public long suspectedMask() {
        long mask = 0;
        for (int lane = 0; lane < lanes; lane++) {
            if (!isExcluded(lane) && accuserCounts[lane] > 0 && accuserCounts[lane] < accuserThreshold) {
                mask |= 1L << lane;
            }
        }
        return mask;
    }

    /**
     * @param lane a lane, 0 to n - 1
     * @return how many distinct non-excluded lanes' agreed accusation words name it this frame (excluded lanes
     *         included, as the lanes judged for readmission)
     * @throws IndexOutOfBoundsException naming the lane and the range
     */
    public int accuserCount(final int lane) {
        return accuserCounts[checkedLane("lane", lane)];
    }

    /**
     * @param lane a lane
     * @return the agreed accusation word of that lane this frame: bits below n of its diagnosis word (0 if it was not
     *         decided as a value)
     * @throws IndexOutOfBoundsException naming the lane and the range
     */
    public long agreedAccusations(final int lane) {
        return agreedWords[checkedLane("lane", lane)];
    }

    /**
     * @param lane a lane
     * @return true if that lane's diagnosis word was agreed as a value this frame: the lane was heard (by every
     *         healthy lane alike, within the fault hypothesis)
     * @throws IndexOutOfBoundsException naming the lane and the range
     */
    public boolean heard(final int lane) {
        return (heardMask >>> checkedLane("lane", lane) & 1L) != 0;
    }

    /**
     * @param lane a lane
     * @return the host tag of that lane's agreed diagnosis word this frame (0 if it was not decided as a value)
     * @throws IndexOutOfBoundsException naming the lane and the range
     */
    public int agreedTag(final int lane) {
        return agreedTags[checkedLane("lane", lane)];
    }

    /**
     * @return peers whose round-1 message of this frame arrived well formed (excluded peers included): the lanes
     *         this lane heard, by its own reception
     */
    public long receivedMask() {
        long mask = 0;
        for (int peer = 0; peer < lanes; peer++) {
            if ((receivedRounds[peer] & (1 << 1)) != 0) {
                mask |= 1L << peer;
            }
        }
        return mask;
    }

    /**
     * @param lane an excluded lane
     * @return the host tag of its round-1 diagnosis word as this lane received it this frame (not agreed: the
     *         engine does not use an excluded lane's entries); 0 if none arrived or the lane is not excluded
     * @throws IndexOutOfBoundsException naming the lane and the range
     */
    public int heardTag(final int lane) {
        return isExcluded(lane) && (receivedRounds[lane] & (1 << 1)) != 0 ? heardTags[lane] : 0;
    }

    /**
     * Adds evidence the host has against lanes this frame to the accusation word sent next frame (after
     * {@link #decide()}, before the next {@link #beginFrame}).
     *
     * @param lanes bit j set: evidence against lane j (this lane's own bit is ignored)
     */
    public void addEvidence(final long lanes) {
        pendingAccusation |= lanes & laneBits() & ~(1L << self);
    }

    /**
     * The frame the peers are on, when this lane is not in step with them: the frame number that at least
     * {@code f + 1} peers sent well-formed messages for during this frame, if more peers than are in step with this
     * lane (this lane counted) did so; with as many on each side, the later frame. Faulty lanes alone (at most f)
     * cannot set it. A host that gets a hint begins its next frame at {@code frameHint() + 1}.
     *
     * @return the frame, or {@link #NO_FRAME_HINT}; valid after {@link #decide()}
     */
    public long frameHint() {
        return frameHint;
    }

    /** @return excluded lanes */
    public long excludedMask() {
        return excludedMask;
    }

    /**
     * @param lane a lane, 0 to n - 1
     * @return true if it has been excluded
     * @throws IndexOutOfBoundsException naming the lane and the range
     */
    public boolean isExcluded(final int lane) {
        return (excludedMask & (1L << checkedLane("lane", lane))) != 0;
    }

    /**
     * Excludes a lane from the next frame on: its relays are refused, its accusations no longer count, and the
     * engine treats it as a benign relay; it is still heard as a source and gets every message (see the class
     * comment). Call it on every healthy lane at the same frame boundary (after {@link #decide()}, from agreed
     * data) so that all stay identical.
     *
     * @param lane lane to exclude (excluding itself is allowed: the lane then only reports)
     */
    public void excludeLane(final int lane) {
        if (lane >= 0 && lane < lanes && !isExcluded(lane)) {
            excludedMask |= 1L << lane;
            engine.excludeLane(lane);
        }
    }

    /**
     * Takes an excluded lane back from the next frame on. As with {@link #excludeLane}, call it on every healthy
     * lane at the same frame boundary, from agreed data.
     *
     * @param lane lane to readmit; a lane not excluded, or out of range, is ignored
     */
    public void readmitLane(final int lane) {
        if (lane >= 0 && lane < lanes && isExcluded(lane)) {
            excludedMask &= ~(1L << lane);
            engine.readmitLane(lane);
        }
    }

    /** @return this lane's engine, for the tests of this package */
    EigEngine engine() {
        return engine;
    }

    /** @return running drop counters */
    public DropCounters dropCounters() {
        return drops;
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private int checkedLane(final String name, final int lane) {
        return Require.index(name, lane, lanes, "lanes");
    }

    private int checkedSignal(final int signal) {
        return Require.index("signal", signal, userSignals + 1, "signals (the host's and the diagnosis signal)");
    }

    private long laneBits() {
        return lanes == Long.SIZE ? -1L : (1L << lanes) - 1;
    }

    private int drop(final DropReason reason, final int link, final boolean attributable) {
        if (attributable) {
            malformedMask |= 1L << link;
        }
        return drops.record(reason);
    }

    private DropReason checkHeader(final int link, final byte[] buffer, final int offset) {
        if (IcMessage.sender(buffer, offset) != link) {
            return DropReason.SENDER_MISMATCH;
        }
        if (IcMessage.receiver(buffer, offset) != self) {
            return DropReason.WRONG_RECEIVER;
        }
        if (!frameOpen || IcMessage.frame(buffer, offset) != frame) {
            if (frameOpen) {
                otherFrame[link] = IcMessage.frame(buffer, offset);
                otherFrameLinks |= 1L << link;
            }
            return DropReason.WRONG_FRAME;
        }
        final int round = IcMessage.round(buffer, offset);
        if (round < 1 || round > rounds || round <= closedRounds) {
            return DropReason.WRONG_ROUND;
        }
        if ((receivedRounds[link] & (1 << round)) != 0) {
            return DropReason.DUPLICATE_MESSAGE;
        }
        if (IcMessage.entryCount(buffer, offset) > maxEntriesByRound[round]) {
            return DropReason.TOO_MANY_ENTRIES;
        }
        return null;
    }

    private DropReason checkEntries(
        final int link, final int round, final int count, final byte[] buffer, final int offset) {
        final int expectedKey = pathKey(round, link);
        for (int i = 0; i < count; i++) {
            final DropReason fault = checkAndStore(i, expectedKey, round, buffer, offset);
            if (fault != null) {
                unstore(i, buffer, offset);
                return fault;
            }
        }
        return null;
    }

    /**
     * Checks entry i of a message and, if it passes, stores it in the engine at once (one pass over the bytes
     * instead of a check pass and a store pass; if a later entry fails, {@link #unstore} empties what this message
     * filled, so a dropped message leaves no entry behind). The engine's own per-entry checks are skipped
     * ({@link EigEngine#storeChecked}): this method has just made each of them, against the same configuration,
     * the same exclusions (the lane excludes in the engine whenever it excludes itself) and the same open round.
     *
     * <p>A slot that is not empty can only have been filled by an earlier entry of this same message, so that is
     * the duplicate-entry check: the path check lets each node arrive only in one round on one link, a second
     * message of that round and link is refused before its entries are read ({@code DUPLICATE_MESSAGE}) unless the
     * first was dropped (and then emptied), and a closed round refuses every message ({@code WRONG_ROUND}).
     */
    private DropReason checkAndStore(
        final int i, final int expectedKey, final int round, final byte[] buffer, final int offset) {
        final int at = IcMessage.entryOffset(offset, i);
        final byte status = IcMessage.entryStatus(buffer, at);
        if (!EntryStatus.isWireStatus(status)) {
            return DropReason.BAD_STATUS;
        }
        final long word = IcMessage.entryWord(buffer, at);
        // The engine's token rule, checked here so that a bad token drops the whole message before any entry is kept.
        if (status == EntryStatus.RELAYED_ERROR && !EigEngine.validErrorToken(hybrid, round, word)) {
            return DropReason.BAD_ERROR_TOKEN;
        }
        final int pathAndSignal = IcMessage.entryPathAndSignal(buffer, at);
        final int signal = pathAndSignal >>> 16;
        if (signal >= engineSignals) {
            return DropReason.SIGNAL_OUT_OF_RANGE;
        }
        // In range, of length `round`, ending at the link and avoiding this lane: the precomputed key says all.
        final int path = pathAndSignal & IcMessage.MAX_U16;
        if (path >= pathKeys.length || pathKeys[path] != expectedKey) {
            return DropReason.IMPOSSIBLE_PATH;
        }
        final int slot = path * engineSignals + signal;
        if (!engine.slotEmpty(slot)) {
            return DropReason.DUPLICATE_ENTRY;
        }
        engine.storeChecked(slot, word, status);
        return null;
    }

    /**
     * Compares each peer's round-1 entries with the values decided for it. The round-1 entries are read from the
     * engine's node {@code (peer)} (node index = peer), which holds exactly what that message carried: decide
     * resolves into separate rows and leaves received rows alone. A signal the message did not carry reads there as
     * missing (MISSING in OMH, the word-0 error token in OM) once round 1 is closed; {@link #consistent} treats any
     * sent status that is not a value alike, so that is the same verdict as "nothing sent".
     */
    private void collectContradictions() {
        for (int peer = 0; peer < lanes; peer++) {
            if (peer == self) {
                continue;
            }
            if ((receivedRounds[peer] & (1 << 1)) == 0) {
                if (relayedWhileUnheard(peer)) {
                    contradictionMask |= 1L << peer;
                }
                continue;
            }
            if (engine.decidedAsReceived(peer)) {
                continue;
            }
            for (int k = 0; k < engineSignals; k++) {
                if (!consistent(engine.storedStatus(peer, k), engine.storedWord(peer, k),
                    engine.decidedStatus(peer, k), engine.decidedWord(peer, k))) {
                    contradictionMask |= 1L << peer;
                    break;
                }
            }
        }
    }

    /**
     * Whether a peer whose round-1 message did not reach this lane was relayed to it as having sent a reading: then
     * its reading reached some lanes and not others, an asymmetric fault (of the peer, one of its links, or the
     * relay) that the lanes' decisions may not mask, since the peer itself keeps its own reading. An excluded peer's
     * entries are refused everywhere, so it never counts; with no relay round (m = 0) there is nothing to compare.
     */
    private boolean relayedWhileUnheard(final int peer) {
        if (rounds < 2 || isExcluded(peer)) {
            return false;
        }
        final EigPaths paths = engine.paths();
        for (int relay = 0; relay < lanes; relay++) {
            if (relay == self || relay == peer) {
                continue;
            }
            final int node = paths.child(peer, relay);
            for (int k = 0; k < engineSignals; k++) {
                if (EntryStatus.isValue(engine.storedStatus(node, k))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A round-1 entry agrees with the decision if it carried the decided value; or, where no value was decided, if
     * it carried no value either: the error token (OM sends it for a missing reading, deciding the default) or
     * nothing (OMH sends nothing for a missing reading, deciding MISSING).
     */
    private static boolean consistent(
        final byte sentStatus, final long sentWord, final byte decidedStatus, final long decidedWord) {
        if (EntryStatus.isValue(decidedStatus)) {
            return sentStatus == decidedStatus && sentWord == decidedWord;
        }
        return !EntryStatus.isValue(sentStatus);
    }

    /**
     * The rule of {@link #frameHint()}. First, joining the most: among the frames the peers' well-formed messages
     * named this frame, the one named by the most links (ties: the later frame), if at least f + 1 links named it
     * and more than are in step with this lane (this lane counted), or as many and it is later than this lane's
     * frame. Otherwise, when no peer is in step with this lane at all, catching up: the (f + 1)-th latest frame the
     * peers named, if later than this lane's; at least one lane within the fault budget is on that frame or a later
     * one, so faulty lanes alone cannot push a lane ahead of every healthy one, and lanes that are each on a frame of
     * their own fall in step.
     */
    private long computeFrameHint() {
        // A link that also delivered an accepted message is in step (its other-frame message was a stray one).
        final long elsewhere = otherFrameLinks & ~inStepLinks;
        final int inStep = 1 + Long.bitCount(inStepLinks);
        long best = NO_FRAME_HINT;
        int bestCount = 0;
        for (long rest = elsewhere; rest != 0; rest &= rest - 1) {
            final long candidate = otherFrame[Long.numberOfTrailingZeros(rest)];
            int count = 0;
            for (long links = elsewhere; links != 0; links &= links - 1) {
                if (otherFrame[Long.numberOfTrailingZeros(links)] == candidate) {
                    count++;
                }
            }
            if (count > bestCount || (count == bestCount && candidate > best)) {
                best = candidate;
                bestCount = count;
            }
        }
        if (bestCount >= accuserThreshold && (bestCount > inStep || (bestCount == inStep && best > frame))) {
            return best;
        }
        if (inStepLinks == 0 && Long.bitCount(elsewhere) >= accuserThreshold) {
            final long latest = latestButF(elsewhere);
            return latest > frame ? latest : NO_FRAME_HINT;
        }
        return NO_FRAME_HINT;
    }

    /** The (f + 1)-th latest of the frames the given links named (each link counted once). */
    private long latestButF(final long links) {
        long bound = Long.MAX_VALUE;
        long value = NO_FRAME_HINT;
        int counted = 0;
        while (counted < accuserThreshold) {
            value = NO_FRAME_HINT;
            int ties = 0;
            for (long rest = links; rest != 0; rest &= rest - 1) {
                final long f = otherFrame[Long.numberOfTrailingZeros(rest)];
                if (f < bound && f > value) {
                    value = f;
                    ties = 1;
                } else if (f == value) {
                    ties++;
                }
            }
            counted += ties;
            bound = value;
        }
        return value;
    }
}
