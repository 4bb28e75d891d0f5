package org.bftvote.agreement;

import java.util.Arrays;

/**
 * The interactive-consistency engine of one lane: n parallel Byzantine broadcasts (one per source lane, K signals
 * each) on an exponential-information-gathering tree ({@link EigPaths}), driven round by round by the host. It
 * holds no clock, no thread and no transport; messages go out through {@link #emit} and come in through
 * {@link #accept}.
 *
 * <h2>Use, once per frame</h2>
 * <pre>{@code
 * engine.beginFrame(frame, ownWords, ownStatus);
 * for (int r = 1; r <= config.rounds(); r++) {
 *     for each peer j: engine.emit(r, j, sinkTowards(j));      // send
 *     for each entry received from sender i in round r: engine.accept(r, i, path, signal, word, status);
 *     engine.closeRound(r);                                   // what did not come is now missing (E)
 * }
 * engine.decide();
 * long w = engine.decidedWord(source, signal); byte st = engine.decidedStatus(source, signal);
 * }</pre>
 *
 * <h2>What is sent (the emit rule)</h2>
 * In round r lane i sends to receiver j one entry per signal for every tree node {@code σ·i}, where σ is a path of
 * length r - 1 containing neither i nor j; in round 1 that is node {@code (i)}, its own K readings. The word sent
 * for {@code σ·i} is what i stored at σ. So a message in round r carries {@code K·(n-2)!/(n-1-r)!} entries
 * ({@code K}, {@code K(n-2)}, {@code K(n-2)(n-3)}, …) and a lane sends n - 1 of them per round.
 *
 * <h2>What is decided</h2>
 * Lane j resolves each source's tree bottom-up. The value of a deepest node is what was received. An inner node π
 * takes the strict majority of its children {@code π·k}, k not on π, where the child {@code π·j} (j itself)
 * is j's own stored value at π: a lane counts itself as one of the relays, exactly as the lieutenant of OM(m)
 * counts the value it received from the commander. Lane j decides its own entry from its own readings.
 *
 * <p>{@link AgreementConfig.Mode#OM_CLASSIC}, OM(m) of Lamport, Shostak and Pease (1982): a missing or invalid
 * entry counts as the default token, a distinct value that travels as {@link EntryStatus#RELAYED_ERROR} with word
 * 0 (a source whose own reading is missing sends it too). No strict majority also gives the default token. A
 * decided default token is reported as {@link EntryStatus#DEFAULT} with {@link AgreementConfig#defaultWord()}.
 * Agreement and validity hold for any m faulty lanes when n &gt;= 3m + 1.
 *
 * <p>{@link AgreementConfig.Mode#HYBRID_CORRECTED}: the hybrid-fault algorithm OMH(m) of Thambidurai and Park
 * (1988) <em>as corrected by Lincoln and Rushby</em> (FTCS-23, 1993; SRI-CSL-93-2), not the 1988 original. The
 * original let a relay that received nothing (E) forward E, which receivers discard; at n = 5, m = 1 with a
 * benign source and one Byzantine relay, every good relay then forwards E, the Byzantine relay sends x, y, z to the
 * three good lanes, and each decides the one value left: they disagree. The correction, applied here at every
 * level of the tree:
 * <ol>
 *   <li>a relay that holds E at node σ (nothing valid arrived) forwards the token R_E instead: status
 *       {@link EntryStatus#RELAYED_ERROR} with the word set to the depth {@code |σ|} at which the error was
 *       seen; a relay that holds a token forwards it unchanged;</li>
 *   <li>a receiver drops E entries, counts tokens as ordinary values and takes the strict majority of the rest;
 *       at node π, the token of depth {@code |π|} winning means "the relay {@code last(π)} was silent", so the
 *       node resolves to E (and is dropped one level up); a token of smaller depth is a legitimate value that
 *       {@code last(π)} relayed and stays a value; no majority gives the default token.</li>
 * </ol>
 * At the root of source s, E means s was benign: {@link EntryStatus#MISSING}. The depth in the token is what keeps
 * "lane p relayed R_E" (a value) apart from "lane p was silent" (an error one level down): with one token for both,
 * a silent relay would count as R_E against a healthy source and the bound would need a second slot per benign
 * fault. A token whose depth is not below the round it arrives in, or any token in round 1, is manifestly bad and
 * rejected. A source whose own reading is missing sends nothing (it looks benign and every healthy lane decides
 * MISSING for it). Guarantees, when n &gt; 2a + 2s + b + m and m &gt;= a, for every pair of healthy lanes and every
 * signal: agreement (same word and status); a healthy source's value (or MISSING) is decided; a symmetric-faulty
 * source's one value is decided; a benign source is decided MISSING. For m = 1 this is exactly the algorithm
 * modelled in SAL by Rushby (and GaloisInc, {@code om1_cal.sal}).
 *
 * <h2>Excluded lanes</h2>
 * After {@link #excludeLane(int)} every entry from that lane is ignored, so it is treated as benign: its entries
 * become E (OMH) or the default token (OM), and its relays are no longer expected. In OMH each excluded lane uses
 * one benign slot of the budget ({@code n - k > 2a + 2s + b + m}); in OM a default at every lane is a symmetric
 * fault ({@code n > 2a + 2(s + b + k) + m}), see {@link AgreementConfig#budgetsAfterExcluding(int)}. All healthy
 * lanes must exclude the same lanes from the same frame on (from an agreed diagnosis); otherwise the excluded lane
 * counts as asymmetric.
 *
 * <p>Footprint: a word ({@code long}) and a status ({@code byte}) per tree node and signal, the same again for the
 * inner nodes (resolution) and the n decided entries per signal, plus scratch of n entries; all allocated when
 * built. For n = 4, m = 1, K = 32 that is under 8 KiB, for n = 7, m = 2, K = 32 under 90 KiB. Nothing is allocated
 * per frame; deterministic (bit-identical output for identical input and call order). Not thread safe.
 */
public final class EigEngine {
    /** Internal status of a node not yet received in the current frame. */
    private static final byte EMPTY = -1;

    /** Test-only algorithm variants; production code uses {@link #CORRECTED}. */
    enum Variant {
        /** The configured algorithm. */
        CORRECTED,
        /** Thambidurai and Park's 1988 OMH: a relay holding E forwards nothing; receivers drop E. Flawed. */
        ORIGINAL_1988
    }

    private final AgreementConfig config;
    private final EigPaths paths;
    private final int self;
    private final int lanes;
    private final int signals;
    private final int m;
    private final boolean hybrid;
    private final boolean original;
    private final long defaultWord;
    private final int maxEntries;

    private final long[] words;
    private final byte[] status;
    private final long[] resolvedWords;
    private final byte[] resolvedStatus;
    private final long[] decidedWords;
    private final byte[] decidedStatus;
    private final long[] scratchWords;
    private final byte[] scratchStatus;

    private long excludedMask;
    private long frame = -1;
    private int closedRound;

    /**
     * @param config the agreement configuration, shared by all lanes
     * @param self   this lane's index, 0 to n - 1
     * @throws org.bftvote.InvalidConfigException if {@code self} is out of range
     */
    public EigEngine(final AgreementConfig config, final int self) {
        this(config, self, Variant.CORRECTED);
    }

    EigEngine(final AgreementConfig config, final int self, final Variant variant) {
        this.config = org.bftvote.Require.notNull("config", config);
        this.lanes = config.lanes();
        this.self = org.bftvote.Require.inRange("self", self, 0, lanes - 1);
        this.signals = config.signals();
        this.m = config.m();
        this.hybrid = config.mode() == AgreementConfig.Mode.HYBRID_CORRECTED;
        this.original = variant == Variant.ORIGINAL_1988;
        this.defaultWord = config.defaultWord();
        this.paths = new EigPaths(lanes, m);
        int most = 0;
        for (int round = 1; round <= config.rounds(); round++) {
            most = Math.max(most, config.entriesPerMessage(round));
        }
        this.maxEntries = most;
        final int nodes = paths.count();
        final int inner = paths.levelEnd(m) - paths.levelStart(1);
        this.words = new long[nodes * signals];
        this.status = new byte[nodes * signals];
        this.resolvedWords = new long[Math.max(1, inner * signals)];
        this.resolvedStatus = new byte[Math.max(1, inner * signals)];
        this.decidedWords = new long[lanes * signals];
        this.decidedStatus = new byte[lanes * signals];
        this.scratchWords = new long[lanes];
        this.scratchStatus = new byte[lanes];
        Arrays.fill(status, EMPTY);
        Arrays.fill(decidedWords, defaultWord);
        Arrays.fill(decidedStatus, EntryStatus.DEFAULT);
    }

    /**
     * @return the configuration
     */
    public AgreementConfig config() {
        return config;
    }

    /**
     * @return the tree numbering (identical at every lane)
     */
    public EigPaths paths() {
        return paths;
    }

    /**
     * @return this lane's index
     */
    public int self() {
        return self;
    }

    /**
     * @return the frame number given to the last {@link #beginFrame}, -1 before the first
     */
    public long frame() {
        return frame;
    }

    /**
     * Starts a frame: forgets everything received, stores this lane's own K readings.
     *
     * @param frameNumber the frame number (kept for diagnostics only)
     * @param ownWords    K value words; read, not kept
     * @param ownStatus   K statuses, {@link EntryStatus#VALUE} or {@link EntryStatus#MISSING}; anything else is
     *                    taken as MISSING
     */
    public void beginFrame(final long frameNumber, final long[] ownWords, final byte[] ownStatus) {
        this.frame = frameNumber;
        this.closedRound = 0;
        Arrays.fill(status, EMPTY);
        final int base = self * signals;
        for (int signal = 0; signal < signals; signal++) {
            if (ownStatus[signal] == EntryStatus.VALUE) {
                words[base + signal] = ownWords[signal];
                status[base + signal] = EntryStatus.VALUE;
            } else {
                storeMissing(base + signal);
            }
        }
    }

    /**
     * Emits the entries this lane sends to {@code receiver} in {@code round} (see the emit rule above).
     *
     * @param round    1 to {@link AgreementConfig#rounds()}
     * @param receiver a lane other than this one
     * @param sink     receives each entry
     * @return the number of entries emitted; 0 if round or receiver is out of range or the receiver is this lane
     */
    public int emit(final int round, final int receiver, final EntrySink sink) {
        if (round < 1 || round > m + 1 || receiver < 0 || receiver >= lanes || receiver == self) {
            return 0;
        }
        if (round == 1) {
            return emitNode(self, self, sink);
        }
        int emitted = 0;
        final long skip = (1L << self) | (1L << receiver);
        final int end = paths.levelEnd(round - 1);
        for (int sigma = paths.levelStart(round - 1); sigma < end; sigma++) {
            if ((paths.laneMask(sigma) & skip) == 0) {
                emitted += emitNode(sigma, paths.child(sigma, self), sink);
            }
        }
        return emitted;
    }

    private int emitNode(final int stored, final int sentPath, final EntrySink sink) {
        final int depth = paths.length(stored);
        final int base = stored * signals;
        int emitted = 0;
        for (int signal = 0; signal < signals; signal++) {
            final byte st = status[base + signal];
            if (st == EntryStatus.VALUE || st == EntryStatus.RELAYED_ERROR) {
                sink.entry(sentPath, signal, words[base + signal], st);
                emitted++;
            } else if (hybrid && !original && sentPath != stored) {
                // Corrected OMH: "I received an error at depth |σ|" instead of silence.
                sink.entry(sentPath, signal, depth, EntryStatus.RELAYED_ERROR);
                emitted++;
            }
        }
        return emitted;
    }

    /**
     * @return the largest number of entries one {@link #emit} call produces (over all rounds), for sizing buffers
     */
    public int maxEntriesPerMessage() {
        return maxEntries;
    }

    /**
     * Records one entry received on the link from {@code sender}. The sender is taken from the link, never from the
     * entry. Returns false and stores nothing if the entry is impossible or not valid: round out of range or
     * already closed, sender out of range, this lane or excluded, path index out of range, path length different
     * from the round, last lane of the path different from the sender, path containing this lane, signal out of
     * range, duplicate, status not a wire status, or a {@link EntryStatus#RELAYED_ERROR} word that is not a valid
     * code for the round and algorithm. An entry never accepted becomes missing at {@link #closeRound}.
     *
     * @param round     round the message belongs to
     * @param sender    the lane the link or slot belongs to
     * @param pathIndex tree node
     * @param signal    signal index
     * @param word      value word or error code
     * @param st        status
     * @return true if stored
     */
    public boolean accept(final int round, final int sender, final int pathIndex, final int signal, final long word,
                          final byte st) {
        if (round <= closedRound || round > m + 1 || sender < 0 || sender >= lanes || sender == self
            || ((excludedMask >>> sender) & 1L) != 0 || pathIndex < 0 || pathIndex >= paths.count()
            || signal < 0 || signal >= signals) {
            return false;
        }
        if (paths.length(pathIndex) != round || paths.last(pathIndex) != sender || paths.contains(pathIndex, self)) {
            return false;
        }
        final int slot = pathIndex * signals + signal;
        if (status[slot] != EMPTY || !validStatus(round, word, st)) {
            return false;
        }
        words[slot] = word;
        status[slot] = st;
        return true;
    }

    private boolean validStatus(final int round, final long word, final byte st) {
        if (st == EntryStatus.VALUE) {
            return true;
        }
        if (st != EntryStatus.RELAYED_ERROR || original) {
            return false;
        }
        // OM: the default token (word 0). OMH: a depth below the round (a relay reports errors it saw earlier).
        return hybrid ? word >= 1 && word < round : word == 0;
    }

    /**
     * Closes a round: every entry of this round not accepted becomes missing (E in OMH, the default token in OM).
     * Rounds must be closed in order; later entries for the round are refused.
     *
     * @param round 1 to {@link AgreementConfig#rounds()}; others are ignored
     */
    public void closeRound(final int round) {
        if (round < 1 || round > m + 1) {
            return;
        }
        final int end = paths.levelEnd(round) * signals;
        for (int slot = paths.levelStart(round) * signals; slot < end; slot++) {
            if (status[slot] == EMPTY) {
                storeMissing(slot);
            }
        }
        closedRound = Math.max(closedRound, round);
    }

    private void storeMissing(final int slot) {
        if (hybrid) {
            words[slot] = 0;
            status[slot] = EntryStatus.MISSING;
        } else {
            words[slot] = 0;
            status[slot] = EntryStatus.RELAYED_ERROR;
        }
    }

    /**
     * Resolves every source's tree and fixes the decided vector. Call after the last {@link #closeRound}; rounds not
     * closed count as missing.
     */
    public void decide() {
        if (closedRound < m + 1) {
            closeRound(m + 1);
            for (int round = 1; round <= m; round++) {
                closeRound(round);
            }
        }
        for (int depth = m; depth >= 1; depth--) {
            final int end = paths.levelEnd(depth);
            for (int node = paths.levelStart(depth); node < end; node++) {
                if (!paths.contains(node, self)) {
                    resolveNode(node, depth);
                }
            }
        }
        for (int source = 0; source < lanes; source++) {
            for (int signal = 0; signal < signals; signal++) {
                final int slot = source * signals + signal;
                final byte st;
                final long word;
                if (source == self || m == 0) {
                    st = status[slot];
                    word = words[slot];
                } else {
                    st = resolvedStatus[slot];
                    word = resolvedWords[slot];
                }
                if (st == EntryStatus.VALUE) {
                    decidedWords[slot] = word;
                    decidedStatus[slot] = EntryStatus.VALUE;
                } else {
                    decidedWords[slot] = defaultWord;
                    decidedStatus[slot] = st == EntryStatus.MISSING ? EntryStatus.MISSING : EntryStatus.DEFAULT;
                }
            }
        }
    }

    private void resolveNode(final int node, final int depth) {
        final boolean childIsLeaf = depth == m;
        for (int signal = 0; signal < signals; signal++) {
            int count = 0;
            for (int lane = 0; lane < lanes; lane++) {
                if (paths.contains(node, lane)) {
                    continue;
                }
                final long word;
                final byte st;
                if (lane == self) {
                    // This lane is one of the relays: its entry is what it forwarded about the node.
                    final int slot = node * signals + signal;
                    if (status[slot] == EntryStatus.MISSING && !original) {
                        word = depth;
                        st = EntryStatus.RELAYED_ERROR;
                    } else {
                        word = words[slot];
                        st = status[slot];
                    }
                } else {
                    final int slot = paths.child(node, lane) * signals + signal;
                    word = childIsLeaf ? words[slot] : resolvedWords[slot];
                    st = childIsLeaf ? status[slot] : resolvedStatus[slot];
                }
                if (st != EntryStatus.MISSING) {
                    scratchWords[count] = word;
                    scratchStatus[count] = st;
                    count++;
                }
            }
            majority(count, node * signals + signal, depth);
        }
    }

    /** Strict majority of the first {@code count} scratch entries (Boyer and Moore's MJRTY), into a resolved slot. */
    private void majority(final int count, final int slot, final int depth) {
        long candidateWord = 0;
        byte candidateStatus = EntryStatus.DEFAULT;
        int balance = 0;
        for (int i = 0; i < count; i++) {
            if (balance == 0) {
                candidateWord = scratchWords[i];
                candidateStatus = scratchStatus[i];
                balance = 1;
            } else if (scratchWords[i] == candidateWord && scratchStatus[i] == candidateStatus) {
                balance++;
            } else {
                balance--;
            }
        }
        int votes = 0;
        for (int i = 0; i < count; i++) {
            if (scratchWords[i] == candidateWord && scratchStatus[i] == candidateStatus) {
                votes++;
            }
        }
        if (count == 0 || 2 * votes <= count) {
            // No strict majority: the default token (OM: the wire default token; OMH: a local one).
            resolvedWords[slot] = 0;
            resolvedStatus[slot] = hybrid ? EntryStatus.DEFAULT : EntryStatus.RELAYED_ERROR;
        } else if (hybrid && candidateStatus == EntryStatus.RELAYED_ERROR && candidateWord == depth) {
            // The relays agree that last(node) was silent: the node itself is an error.
            resolvedWords[slot] = 0;
            resolvedStatus[slot] = EntryStatus.MISSING;
        } else {
            resolvedWords[slot] = candidateWord;
            resolvedStatus[slot] = candidateStatus;
        }
    }

    /**
     * @param source a lane
     * @param signal a signal
     * @return the decided word: the value for {@link EntryStatus#VALUE}, otherwise
     *     {@link AgreementConfig#defaultWord()}
     */
    public long decidedWord(final int source, final int signal) {
        return decidedWords[source * signals + signal];
    }

    /**
     * @param source a lane
     * @param signal a signal
     * @return {@link EntryStatus#VALUE}, {@link EntryStatus#MISSING} (decided E: the source is benign) or
     *     {@link EntryStatus#DEFAULT} (no majority, or the OM default token)
     */
    public byte decidedStatus(final int source, final int signal) {
        return decidedStatus[source * signals + signal];
    }

    /**
     * The entry stored at a tree node in the current frame (what {@code last(pathIndex)} sent this lane), for
     * diagnosis. Valid until the next {@link #beginFrame}.
     *
     * @param pathIndex tree node
     * @param signal    signal
     * @return the stored word
     */
    public long storedWord(final int pathIndex, final int signal) {
        return words[pathIndex * signals + signal];
    }

    /**
     * @param pathIndex tree node
     * @param signal    signal
     * @return the stored status: VALUE, RELAYED_ERROR, MISSING, or -1 if not yet received in an open round (and
     *     for nodes this lane never receives)
     */
    public byte storedStatus(final int pathIndex, final int signal) {
        return status[pathIndex * signals + signal];
    }

    /**
     * From now on treats {@code lane} as benign faulty: its entries are refused and its relays are not expected.
     * Excluding this lane itself has no effect (a lane always uses its own readings).
     *
     * @param lane a lane, 0 to n - 1; others are ignored
     */
    public void excludeLane(final int lane) {
        if (lane >= 0 && lane < lanes && lane != self) {
            excludedMask |= 1L << lane;
        }
    }

    /**
     * Takes an excluded lane back (after an agreed readmission), from the next entry on.
     *
     * @param lane a lane
     */
    public void readmitLane(final int lane) {
        if (lane >= 0 && lane < lanes) {
            excludedMask &= ~(1L << lane);
        }
    }

    /**
     * @param lane a lane
     * @return true if the lane is excluded
     */
    public boolean isExcluded(final int lane) {
        return lane >= 0 && lane < lanes && ((excludedMask >>> lane) & 1L) != 0;
    }

    /**
     * @return the set of excluded lanes, bit i for lane i
     */
    public long excludedMask() {
        return excludedMask;
    }
}
