package org.bftvote.agreement;

import java.util.Arrays;

import org.bftvote.InvalidConfigException;

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
 * ({@link #signals()} = K) and signal {@link #diagnosisSignal()} = K is reserved: every lane puts there its
 * accusation word from the previous frame, so that accusations are themselves agreed (see {@link #accusedMask()}).
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
 * ({@link #contradictionMask()}). Their union is this lane's accusation word, sent as signal K in the next frame.
 * A healthy peer never earns evidence from a healthy lane while the fault hypothesis holds: its messages arrive and
 * are well formed, and validity makes the decided value equal to what it sent. Relay entries of later rounds are
 * deliberately not evidence: a faulty source can make a healthy relay's entry disagree with the decision (n = 4,
 * source sends x to lane 1 and y to lanes 2 and 3: all decide y, and lane 1's honest relay of x disagrees on two
 * healthy lanes), which would let healthy lanes condemn a healthy relay.
 *
 * <p>{@link #accusedMask()} names the lanes that at least {@code f + 1} distinct non-excluded lanes accuse in their
 * agreed accusation words, f being the configuration's total fault budget; so faulty lanes alone can never condemn a
 * healthy one, and every healthy lane computes the same mask from the same agreed data. What to do with accusations
 * (persistence, exclusion) is the caller's policy; {@link #excludeLane(int)} applies it.
 *
 * <h2>Footprint</h2>
 * All arrays are sized from (n, m, K) when built: the engine (its tree numbering is shared through the
 * configuration) and the (round, link) each tree node may arrive on. No call allocates, logs or throws on bad input;
 * misuse by the host is reported by negative status codes. Not thread safe: one thread drives a lane.
 */
public final class AgreementLane {
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
    /** {@link #encodeRound} result: the peer is excluded; nothing is sent to it. */
    public static final int PEER_EXCLUDED = -105;
    /** {@link #decide()} result: not every round has been closed. */
    public static final int ROUNDS_NOT_CLOSED = -106;
    /** {@link #encodeRound} result: the engine emitted more entries than the layout allows (an engine defect). */
    public static final int ENCODE_OVERFLOW = -107;

    /** Most lanes the accusation bitmask and the one-byte lane fields can carry. */
    public static final int MAX_LANES = 64;

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
     * Opens a frame with this lane's own readings. Any frame still open is abandoned (its evidence is discarded).
     *
     * @param frame    frame number, carried in every message
     * @param readings K value words
     * @param status   K statuses; {@link EntryStatus#VALUE} means valid, anything else is treated as
     *                 {@link EntryStatus#MISSING}
     * @return {@link #OK}, or {@link #BAD_ARGUMENT} if an array is shorter than K (nothing is opened then)
     */
    public int beginFrame(final long frame, final long[] readings, final byte[] status) {
        if (readings.length < userSignals || status.length < userSignals) {
            return BAD_ARGUMENT;
        }
        for (int k = 0; k < userSignals; k++) {
            ownWords[k] = readings[k];
            ownStatus[k] = status[k] == EntryStatus.VALUE ? EntryStatus.VALUE : EntryStatus.MISSING;
        }
        ownWords[userSignals] = pendingAccusation;
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
        Arrays.fill(receivedRounds, 0);
        return OK;
    }

    /**
     * Encodes this lane's message of {@code round} for {@code peer} into the host's buffer. Only the open round
     * (the first one not yet closed) can be encoded.
     *
     * @param round  round, 1 to {@link #rounds()}
     * @param peer   receiving lane
     * @param buffer host's transmit buffer
     * @param offset where the message starts; {@link #maxMessageLength()} bytes must fit after it
     * @return bytes written (always &gt; 0), or {@link #BAD_ARGUMENT}, {@link #NO_FRAME}, {@link #ROUND_NOT_OPEN},
     *         {@link #PEER_EXCLUDED}, {@link #BUFFER_TOO_SMALL}, {@link #ENCODE_OVERFLOW}
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
        if (isExcluded(peer)) {
            return PEER_EXCLUDED;
        }
        if (offset < 0 || buffer.length - offset < maxMessageLength) {
            return BUFFER_TOO_SMALL;
        }
        final int entries = engine.encode(round, peer, buffer, offset, maxEntriesByRound[round]);
        if (entries < 0) {
            return ENCODE_OVERFLOW;
        }
        IcMessage.putHeader(buffer, offset, round, self, peer, entries, frame);
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
        if (isExcluded(link)) {
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
        receivedRounds[link] |= 1 << round;
        return ACCEPTED;
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
     * Closes the open round at its deadline: the engine treats whatever did not arrive as missing, and every
     * non-excluded peer without an accepted message in this round earns "missing" evidence.
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
            if (peer != self && !isExcluded(peer) && (receivedRounds[peer] & (1 << round)) == 0) {
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
        countAccusations();
        pendingAccusation = (missingMask | malformedMask | contradictionMask) & ~excludedMask & ~(1L << self);
        return OK;
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
     * @param source lane whose reading
     * @param signal host signal, 0 to K - 1 (or {@link #diagnosisSignal()})
     * @return the agreed value word (meaningful when {@link #decidedStatus} is {@link EntryStatus#VALUE})
     */
    public long decidedWord(final int source, final int signal) {
        return engine.decidedWord(source, signal);
    }

    /**
     * @param source lane whose reading
     * @param signal host signal
     * @return {@link EntryStatus#VALUE}, {@link EntryStatus#MISSING} or {@link EntryStatus#DEFAULT}
     */
    public byte decidedStatus(final int source, final int signal) {
        return engine.decidedStatus(source, signal);
    }

    /**
     * @param source lane whose reading
     * @param signal host signal
     * @return the agreed word read as an IEEE double, or NaN unless the status is {@link EntryStatus#VALUE}
     */
    public double decidedDouble(final int source, final int signal) {
        return engine.decidedStatus(source, signal) == EntryStatus.VALUE
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

    /** @return peers whose round-1 entries disagree with the value decided for them this frame */
    public long contradictionMask() {
        return contradictionMask;
    }

    /** @return this frame's accusation word, which this lane sends as its diagnosis reading next frame */
    public long localAccusations() {
        return pendingAccusation;
    }

    /** @return lanes named by at least {@link #accuserThreshold()} agreed accusation words this frame */
    public long accusedMask() {
        return accusedMask;
    }

    /**
     * @param lane a lane
     * @return how many distinct non-excluded lanes' agreed accusation words name it this frame
     */
    public int accuserCount(final int lane) {
        return accuserCounts[lane];
    }

    /**
     * @param lane a lane
     * @return the agreed accusation word of that lane this frame (0 if it was not decided as a value)
     */
    public long agreedAccusations(final int lane) {
        return engine.decidedStatus(lane, userSignals) == EntryStatus.VALUE
            ? engine.decidedWord(lane, userSignals) & laneBits() : 0L;
    }

    /** @return excluded lanes */
    public long excludedMask() {
        return excludedMask;
    }

    /**
     * @param lane a lane
     * @return true if it has been excluded
     */
    public boolean isExcluded(final int lane) {
        return (excludedMask & (1L << lane)) != 0;
    }

    /**
     * Excludes a lane from now on (latched): its messages are dropped unread, nothing is sent to it, and the engine
     * treats it as benign-faulty. Call it on every healthy lane at the same frame boundary (after {@link #decide()},
     * from agreed data) so that all stay identical.
     *
     * @param lane lane to exclude (excluding itself is allowed: the lane then only reports)
     */
    public void excludeLane(final int lane) {
        if (lane >= 0 && lane < lanes && !isExcluded(lane)) {
            excludedMask |= 1L << lane;
            engine.excludeLane(lane);
        }
    }

    /** @return running drop counters */
    public DropCounters dropCounters() {
        return drops;
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private long laneBits() {
        return lanes == Long.SIZE ? -1L : (1L << lanes) - 1;
    }

    private int drop(final DropReason reason, final int link, final boolean attributable) {
        if (attributable && !isExcluded(link)) {
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
        if (status != EntryStatus.VALUE && status != EntryStatus.RELAYED_ERROR) {
            return DropReason.BAD_STATUS;
        }
        final long word = IcMessage.entryWord(buffer, at);
        if (status == EntryStatus.RELAYED_ERROR && !validErrorToken(round, word)) {
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

    /** The engine's token rule, checked here so that a bad token drops the whole message before any entry is kept. */
    private boolean validErrorToken(final int round, final long word) {
        return hybrid ? word >= 1 && word < round : word == 0;
    }

    /**
     * Compares each peer's round-1 entries with the values decided for it. The round-1 entries are read from the
     * engine's node {@code (peer)} (node index = peer), which holds exactly what that message carried: decide
     * resolves into separate rows and leaves received rows alone. A signal the message did not carry reads there as
     * missing (MISSING in OMH, the word-0 error token in OM) once round 1 is closed; {@link #consistent} treats any
     * non-VALUE sent status alike, so that is the same verdict as "nothing sent".
     */
    private void collectContradictions() {
        for (int peer = 0; peer < lanes; peer++) {
            if (peer == self || isExcluded(peer) || (receivedRounds[peer] & (1 << 1)) == 0) {
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
     * A round-1 entry agrees with the decision if it carried the decided value; or, where no value was decided, if
     * it carried no value either: the error token (OM sends it for a missing reading, deciding the default) or
     * nothing (OMH sends nothing for a missing reading, deciding MISSING).
     */
    private static boolean consistent(
        final byte sentStatus, final long sentWord, final byte decidedStatus, final long decidedWord) {
        if (decidedStatus == EntryStatus.VALUE) {
            return sentStatus == EntryStatus.VALUE && sentWord == decidedWord;
        }
        return sentStatus != EntryStatus.VALUE;
    }

    private void countAccusations() {
        Arrays.fill(accuserCounts, 0);
        for (int accuser = 0; accuser < lanes; accuser++) {
            if (isExcluded(accuser)) {
                continue;
            }
            // Only the set bits count, so visit just those (agreedAccusations keeps bits below n only).
            long word = agreedAccusations(accuser) & ~(1L << accuser);
            while (word != 0) {
                accuserCounts[Long.numberOfTrailingZeros(word)]++;
                word &= word - 1;
            }
        }
        long mask = 0;
        for (int lane = 0; lane < lanes; lane++) {
            if (!isExcluded(lane) && accuserCounts[lane] >= accuserThreshold) {
                mask |= 1L << lane;
            }
        }
        accusedMask = mask;
    }
}
