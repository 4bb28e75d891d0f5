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
 * After {@link #excludeLane(int)} every entry from that lane is ignored. In OM every node on a path through it holds
 * E once its round is closed, whatever arrived for it, and every majority drops E (where an entry that is merely
 * missing counts as the default token): all healthy lanes drop the same nodes, so the tree is the one of the lanes
 * left. In OMH such nodes follow the algorithm's own rules for a silent lane (E, relayed as R_E). In OMH each excluded lane uses one
 * benign slot of the budget ({@code n - k > 2a + 2s + b + m}); in OM the lanes left run OM among themselves
 * ({@code n - k > 2a + 2(s + b) + m}), see {@link AgreementConfig#budgetsAfterExcluding(int)}. (Counting an excluded
 * lane's relays as the default token instead would cost two slots each and, from two exclusions in a quad on, decide
 * the default for every healthy source.) All healthy lanes must exclude the same lanes from the same frame on (from
 * an agreed diagnosis); otherwise the excluded lane counts as asymmetric.
 *
 * <p>A lane that is excluded itself (it learnt the agreed exclusions, and keeps following the agreement so that it
 * can be readmitted) decides as the others do: its own vote at every inner node is E (dropped, as the others drop
 * its relays), and its own entry is decided as the others decide it (DEFAULT in OM with m &gt;= 1, MISSING
 * otherwise). Its tree then holds, at every node, what a healthy lane's holds, and it decides the same vector.
 *
 * <p>Footprint: a word ({@code long}) and a status ({@code byte}) per tree node and signal, the same again for the
 * inner nodes (resolution) and the n decided entries per signal, scratch of n entries, the received statuses as a
 * frame starts (a byte per tree node and signal), and index tables fixed at construction (emit lists, accept keys,
 * resolution order: a few int per tree node) so that no per-frame step walks the tree. The {@link EigPaths}
 * numbering is not a copy: it is the configuration's, shared by every engine and lane built from it
 * ({@code AgreementConfig.paths()}). All allocated when built: about 8 KiB for n = 4, m = 1, K = 32 and about
 * 102 KiB for n = 7, m = 2, K = 32. Nothing is allocated per frame; deterministic (bit-identical
 * output for identical input and call order). Not thread safe.
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
    /** Tree nodes; the received entries occupy rows 0 to count - 1 of the value arrays. */
    private final int count;

    /*
     * Value arrays, node-major (slot = row * K + signal), so the K signals of one node lie side by side and a
     * node's entries are emitted, received and resolved from one run of memory. Rows 0 to count - 1 hold what was
     * received (or, for this lane's own readings, stored) at each node; row count + node holds what the inner node
     * resolved to in decide(), unless it resolved to its own received row (see valueRow). One array pair for both lets the majority read a child with the same index math
     * whether the child is a leaf (received) or an inner node (resolved).
     */
    private final long[] words;
    private final byte[] status;
    private final long[] decidedWords;
    private final byte[] decidedStatus;
    private final long[] scratchWords;
    private final byte[] scratchStatus;

    /*
     * Per node: (length << 8) | last if this lane receives the node from last(node) in round length(node), or -1
     * if the node contains this lane (never received). One load and compare in accept() replaces three tree
     * lookups (length, last relay, membership). n <= 64 fits the low 8 bits.
     */
    private final int[] acceptKey;

    /*
     * The received rows as a frame starts (copied over rows 0 to count - 1 by beginFrame): empty where an entry may
     * arrive, and already missing on the nodes through this lane, which never arrive: they hold missing once their
     * round is closed in every frame, so writing them at each close would only cost time. storedStatus() shows
     * them empty until then (shownAfter: the round whose close shows a node's row, its length for those nodes, 0
     * for the others), as if they were filled at the close.
     */
    private final byte[] frameStart;
    private final byte[] shownAfter;
    /* Per round: the slots that may arrive (nodes of that length avoiding this lane, times K), and those stored. */
    private final int[] receivableSlots;
    private final int[] storedSlots;

    /*
     * The emit rule, precomputed: for round r and receiver j, entries emitStart[(r - 1) * n + j] to
     * emitStart[(r - 1) * n + j + 1] - 1 of emitStored (the node σ whose stored value is sent) and emitSent (the
     * node σ·self it is sent as), in increasing σ. emit() then walks exactly the slots it sends instead of a whole
     * tree level with a membership test per node.
     */
    private final int[] emitStart;
    private final int[] emitStored;
    private final int[] emitSent;

    /*
     * The resolution order, precomputed: every inner node not containing this lane, deepest level first (children
     * before parents), with its depth. Its voters other than this lane are the rows voteRow[voteStart[e]] to
     * voteRow[voteStart[e + 1] - 1]: the value-array row of child node·k for each lane k neither on the node nor
     * this lane (a received row for a leaf child, a resolved row for an inner one), read through valueRow. This
     * lane's own vote is the node's received row, handled apart because a held E becomes a token there.
     */
    private final int[] resolveNode;
    private final int[] resolveDepth;
    private final int[] voteStart;
    private final int[] voteRow;

    /*
     * Per source: the value-array row its decision is read from (its own readings for this lane, the round-1 entry
     * when m = 0, the resolved root otherwise).
     */
    private final int[] decideRow;

    /*
     * Per value-array row, the row its values are in this frame: itself, except an inner node's resolved row
     * (count + node) when the node resolved unanimously, whose values are then its own received row, read there
     * instead of copied. Set for every node each decide() before anything reads it (children resolve first).
     */
    private final int[] valueRow;

    private long excludedMask;
    private boolean selfExcluded;
    /** How the other lanes decide an excluded source: its whole tree is E, so OM with relays decides the default. */
    private final byte absentStatus;
    private long frame = -1;
    private int closedRound;
    /** Bit r - 1 set once round r is closed this frame (rounds may be closed out of order, see decide). */
    private long closedRounds;

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
        // One immutable tree per configuration, shared by every engine and lane built from it.
        this.paths = config.paths();
        int most = 0;
        for (int round = 1; round <= config.rounds(); round++) {
            most = Math.max(most, config.entriesPerMessage(round));
        }
        this.maxEntries = most;
        this.count = paths.count();
        // Inner nodes are the paths of length 1 to m, numbered 0 to levelEnd(m) - 1.
        final int inner = m == 0 ? 0 : paths.levelEnd(m);
        this.words = new long[(count + inner) * signals];
        this.status = new byte[(count + inner) * signals];
        this.decidedWords = new long[lanes * signals];
        this.decidedStatus = new byte[lanes * signals];
        this.scratchWords = new long[lanes];
        this.scratchStatus = new byte[lanes];
        Arrays.fill(decidedWords, defaultWord);
        Arrays.fill(decidedStatus, EntryStatus.DEFAULT);
        this.acceptKey = acceptKeys(paths, self);
        this.frameStart = new byte[count * signals];
        this.shownAfter = new byte[count];
        this.receivableSlots = new int[m + 2];
        this.storedSlots = new int[m + 2];
        final byte missing = hybrid ? EntryStatus.MISSING : EntryStatus.RELAYED_ERROR;
        for (int node = 0; node < count; node++) {
            final boolean neverArrives = acceptKey[node] == -1 && node != self;
            Arrays.fill(frameStart, node * signals, (node + 1) * signals, neverArrives ? missing : EMPTY);
            shownAfter[node] = (byte) (neverArrives ? paths.length(node) : 0);
            if (acceptKey[node] != -1) {
                receivableSlots[paths.length(node)] += signals;
            }
        }
        System.arraycopy(frameStart, 0, status, 0, frameStart.length);
        this.emitStart = new int[(m + 1) * lanes + 1];
        final int emits = emitCount(paths, self);
        this.emitStored = new int[emits];
        this.emitSent = new int[emits];
        buildEmitLists();
        int resolves = 0;
        int votes = 0;
        for (int node = 0; node < inner; node++) {
            if (!paths.contains(node, self)) {
                resolves++;
                votes += lanes - paths.length(node) - 1;
            }
        }
        this.resolveNode = new int[resolves];
        this.resolveDepth = new int[resolves];
        this.voteStart = new int[resolves + 1];
        this.voteRow = new int[votes];
        buildResolveOrder();
        this.absentStatus = hybrid || m == 0 ? EntryStatus.MISSING : EntryStatus.RELAYED_ERROR;
        this.decideRow = new int[lanes];
        this.valueRow = new int[count + inner];
        for (int row = 0; row < valueRow.length; row++) {
            valueRow[row] = row;
        }
        for (int source = 0; source < lanes; source++) {
            decideRow[source] = source == self || m == 0 ? source : count + source;
        }
    }

    private static int[] acceptKeys(final EigPaths paths, final int self) {
        final int[] keys = new int[paths.count()];
        for (int node = 0; node < keys.length; node++) {
            keys[node] = paths.contains(node, self) ? -1 : (paths.length(node) << 8) | paths.last(node);
        }
        return keys;
    }

    /** Slots a lane sends per frame and signal: for each receiver j, node (self) and every σ·self, σ avoiding j. */
    private static int emitCount(final EigPaths paths, final int self) {
        final int lanes = paths.lanes();
        int emits = lanes - 1;
        for (int receiver = 0; receiver < lanes; receiver++) {
            final long skip = (1L << self) | (1L << receiver);
            for (int sigma = 0; sigma < paths.levelStart(paths.m() + 1); sigma++) {
                if (receiver != self && (paths.laneMask(sigma) & skip) == 0) {
                    emits++;
                }
            }
        }
        return emits;
    }

    private void buildEmitLists() {
        int e = 0;
        for (int round = 1; round <= m + 1; round++) {
            for (int receiver = 0; receiver < lanes; receiver++) {
                emitStart[(round - 1) * lanes + receiver] = e;
                if (receiver == self) {
                    continue;
                }
                if (round == 1) {
                    emitStored[e] = self;
                    emitSent[e] = self;
                    e++;
                    continue;
                }
                final long skip = (1L << self) | (1L << receiver);
                for (int sigma = paths.levelStart(round - 1); sigma < paths.levelEnd(round - 1); sigma++) {
                    if ((paths.laneMask(sigma) & skip) == 0) {
                        emitStored[e] = sigma;
                        emitSent[e] = paths.child(sigma, self);
                        e++;
                    }
                }
            }
        }
        emitStart[(m + 1) * lanes] = e;
    }

    private void buildResolveOrder() {
        int r = 0;
        int v = 0;
        for (int depth = m; depth >= 1; depth--) {
            for (int node = paths.levelStart(depth); node < paths.levelEnd(depth); node++) {
                if (paths.contains(node, self)) {
                    continue;
                }
                resolveNode[r] = node;
                resolveDepth[r] = depth;
                voteStart[r] = v;
                for (int lane = 0; lane < lanes; lane++) {
                    if (lane != self && !paths.contains(node, lane)) {
                        final int child = paths.child(node, lane);
                        voteRow[v++] = depth == m ? child : count + child;
                    }
                }
                r++;
            }
        }
        voteStart[r] = v;
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
     * @param ownStatus   K statuses, {@link EntryStatus#VALUE}, {@link EntryStatus#HELD} or
     *                    {@link EntryStatus#MISSING}; anything else is taken as MISSING
     */
    public void beginFrame(final long frameNumber, final long[] ownWords, final byte[] ownStatus) {
        this.frame = frameNumber;
        this.closedRound = 0;
        this.closedRounds = 0;
        System.arraycopy(frameStart, 0, status, 0, frameStart.length);
        Arrays.fill(storedSlots, 0);
        final int base = self * signals;
        for (int signal = 0; signal < signals; signal++) {
            if (EntryStatus.isValue(ownStatus[signal])) {
                words[base + signal] = ownWords[signal];
                status[base + signal] = ownStatus[signal];
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
        // Corrected OMH relays a held E as the token "error seen at depth round - 1"; round 1 sends own readings.
        final boolean token = hybrid && !original && round > 1;
        final long depthWord = round - 1;
        final int key = (round - 1) * lanes + receiver;
        final int end = emitStart[key + 1];
        int emitted = 0;
        for (int e = emitStart[key]; e < end; e++) {
            final int base = emitStored[e] * signals;
            final int sentPath = emitSent[e];
            for (int signal = 0; signal < signals; signal++) {
                final byte st = status[base + signal];
                if (EntryStatus.isWireStatus(st)) {
                    sink.entry(sentPath, signal, words[base + signal], st);
                    emitted++;
                } else if (token) {
                    sink.entry(sentPath, signal, depthWord, EntryStatus.RELAYED_ERROR);
                    emitted++;
                }
            }
        }
        return emitted;
    }

    /**
     * The entries {@link #encode} writes for this round and receiver if every slot it sends travels, as in the
     * common frame; it writes fewer when some do not (a missing reading in OMH's round 1, a node through an excluded
     * lane in OM).
     *
     * @param round    1 to {@link AgreementConfig#rounds()}, checked by the caller
     * @param receiver a lane other than this one, checked by the caller
     * @return the slots sent: nodes sent times signals
     */
    int slotsToSend(final int round, final int receiver) {
        final int key = (round - 1) * lanes + receiver;
        return (emitStart[key + 1] - emitStart[key]) * signals;
    }

    /**
     * {@link #emit} written straight into message entries ({@link IcMessage} layout) instead of through a sink,
     * for {@link AgreementLane}: the same entries in the same order, and the loop keeps its position in locals
     * rather than in a sink object. Each entry is written as two overlapping little-endian 8-byte stores (bytes 0-7:
     * path, signal, status and the word's low three bytes; bytes 5-12: the word), which give the entry's 13 bytes.
     *
     * @param round       1 to {@link AgreementConfig#rounds()}, checked by the caller
     * @param receiver    a lane other than this one, checked by the caller
     * @param buffer      message bytes; entry i goes to {@code IcMessage.entryOffset(offset, i)}
     * @param offset      message start
     * @param limit       most entries the message may hold
     * @return the number of entries written, or -1 (nothing written) if this round's message for the receiver
     *         could hold more than {@code limit}
     */
    int encode(final int round, final int receiver, final byte[] buffer, final int offset, final int limit) {
        final int key = (round - 1) * lanes + receiver;
        final int first = emitStart[key];
        final int end = emitStart[key + 1];
        if ((end - first) * signals > limit) {
            return -1;
        }
        final boolean token = hybrid && !original && round > 1;
        final long depthWord = round - 1;
        int at = IcMessage.entryOffset(offset, 0);
        for (int e = first; e < end; e++) {
            final int base = emitStored[e] * signals;
            final long path = emitSent[e];
            for (int signal = 0; signal < signals; signal++) {
                final byte st = status[base + signal];
                final long word;
                final byte sent;
                if (EntryStatus.isWireStatus(st)) {
                    word = words[base + signal];
                    sent = st;
                } else if (token) {
                    word = depthWord;
                    sent = EntryStatus.RELAYED_ERROR;
                } else {
                    continue;
                }
                IcMessage.putEntryHead(buffer, at, path | (long) signal << 16 | (sent & 0xFFL) << 32 | word << 40);
                IcMessage.putEntryWord(buffer, at, word);
                at += IcMessage.ENTRY_LENGTH;
            }
        }
        return (at - IcMessage.entryOffset(offset, 0)) / IcMessage.ENTRY_LENGTH;
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
        // receives() checks the sender's and the path's ranges; a shift by an out-of-range sender only reads a bit.
        if (round <= closedRound || round > m + 1 || sender == self || ((excludedMask >>> sender) & 1L) != 0
            || signal < 0 || signal >= signals) {
            return false;
        }
        if (!receives(round, sender, pathIndex)) {
            return false;
        }
        final int slot = pathIndex * signals + signal;
        if (status[slot] != EMPTY || !validStatus(round, word, st)) {
            return false;
        }
        words[slot] = word;
        status[slot] = st;
        storedSlots[round]++;
        return true;
    }

    /**
     * Stores one entry without repeating the per-entry checks of {@link #accept}, for a caller that has made them:
     * {@link AgreementLane} checks each entry (round open and in range, sender = link, not this lane, not excluded,
     * path of the round ending at the sender and avoiding this lane, signal in range, wire status and token rule,
     * slot still {@linkplain #slotEmpty empty}) before handing it over, so repeating them here would only cost time.
     *
     * The caller reports the entries it keeps with {@link #countStored}.
     *
     * @param slot  {@code pathIndex * signals + signal} of an entry the caller checked, whose slot is empty
     * @param word  value word or error code
     * @param st    {@link EntryStatus#VALUE}, {@link EntryStatus#HELD} or {@link EntryStatus#RELAYED_ERROR}
     */
    void storeChecked(final int slot, final long word, final byte st) {
        words[slot] = word;
        status[slot] = st;
    }

    /**
     * Counts entries stored with {@link #storeChecked} that the caller keeps (a whole message, once; never entries
     * it empties again with {@link #unstore}), towards {@link #allArrived}. Counting fewer only makes the round's
     * close look for empty slots; counting more would leave one empty, so a caller counts only what it kept.
     *
     * @param round   the round they were stored for
     * @param entries how many
     */
    void countStored(final int round, final int entries) {
        storedSlots[round] += entries;
    }

    /**
     * @param slot {@code pathIndex * signals + signal}
     * @return true if nothing has been stored at the slot this frame (its word is then meaningless)
     */
    boolean slotEmpty(final int slot) {
        return status[slot] == EMPTY;
    }

    /**
     * Empties a slot {@link #storeChecked} filled in the open round, for a caller that drops the rest of a message
     * after storing part of it: the slot reads as before the store (empty; an empty slot's word is never read).
     *
     * @param slot a slot filled by {@link #storeChecked} this round, not counted with {@link #countStored}
     */
    void unstore(final int slot) {
        status[slot] = EMPTY;
    }

    /**
     * The path part of the checks {@link #accept} makes, for a caller that validates a whole message before handing
     * any entry over: the node's length is the round, its last lane is the sender, and it does not contain this
     * lane. One table lookup.
     *
     * @param round     round of the message
     * @param sender    the lane the link belongs to
     * @param pathIndex tree node
     * @return true if this lane receives node {@code pathIndex} from {@code sender} in {@code round}
     */
    boolean receives(final int round, final int sender, final int pathIndex) {
        return pathIndex >= 0 && pathIndex < count && sender >= 0 && sender < lanes
            && acceptKey[pathIndex] == ((round << 8) | sender);
    }

    private boolean validStatus(final int round, final long word, final byte st) {
        if (EntryStatus.isValue(st)) {
            return true;
        }
        return st == EntryStatus.RELAYED_ERROR && !original && validErrorToken(hybrid, round, word);
    }

    /**
     * The error-token rule: which word a {@link EntryStatus#RELAYED_ERROR} entry of a round may carry. In OM the
     * only token is the default one, word 0; in corrected OMH the word is the depth at which a relay saw the error,
     * so it is at least 1 and below the round (a relay reports only errors it saw in earlier rounds).
     *
     * @param hybrid true for corrected OMH, false for OM
     * @param round  the round the entry arrived in
     * @param word   the entry's word
     * @return true if the token is valid for the round and algorithm
     */
    static boolean validErrorToken(final boolean hybrid, final int round, final long word) {
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
        final int first = paths.levelStart(round);
        final int last = paths.levelEnd(round);
        if (!allArrived(round)) {
            fillEmpty(first * signals, last * signals);
        }
        if (!hybrid && excludedMask != 0) {
            // OM drops every node through an excluded lane, whatever a (faulty) relay sent for it; OMH's own rules
            // already make such a node E (its source or relay was silent), so it keeps what arrived.
            for (int node = first; node < last; node++) {
                if ((paths.laneMask(node) & excludedMask) != 0) {
                    Arrays.fill(words, node * signals, (node + 1) * signals, 0L);
                    Arrays.fill(status, node * signals, (node + 1) * signals, EntryStatus.MISSING);
                }
            }
        }
        closedRound = Math.max(closedRound, round);
        closedRounds |= 1L << (round - 1);
    }

    /**
     * Whether the last {@link #decide} took a source's decided row as it arrived: m = 0, or its root node resolved
     * unanimously to this lane's own received row of it (OM). Then every signal's decision is what the source's
     * round-1 entry carried (a value, or a token decided as the default), so the two cannot disagree.
     *
     * @param source a lane other than this one
     * @return true if the source's decided row is its received round-1 row
     */
    boolean decidedAsReceived(final int source) {
        return valueRow[decideRow[source]] == source;
    }

    /**
     * Whether every slot that may arrive in a round has: each is stored at most once (an entry goes only into an
     * empty slot) and counted once it is kept ({@link #accept}, {@link #countStored}), so a full count leaves no slot
     * of the round empty.
     *
     * @param round 1 to m + 1
     * @return true if no slot of the round is empty
     */
    boolean allArrived(final int round) {
        return storedSlots[round] == receivableSlots[round];
    }

    /** Stores every empty slot in {@code [from, to)} as missing; one pass of single compares in the common case. */
    private void fillEmpty(final int from, final int to) {
        for (int slot = from; slot < to; slot++) {
            if (status[slot] == EMPTY) {
                storeMissing(slot);
            }
        }
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
        for (int e = 0; e < resolveNode.length; e++) {
            if (!resolveUnanimous(resolveNode[e], voteStart[e], voteStart[e + 1])) {
                resolve(resolveNode[e], resolveDepth[e], voteStart[e], voteStart[e + 1]);
            }
        }
        for (int source = 0; source < lanes; source++) {
            final int row = valueRow[decideRow[source]] * signals;
            final int out = source * signals;
            final boolean absent = source == self && selfExcluded;
            for (int signal = 0; signal < signals; signal++) {
                final byte st = absent ? absentStatus : status[row + signal];
                if (EntryStatus.isValue(st)) {
                    decidedWords[out + signal] = words[row + signal];
                    decidedStatus[out + signal] = st;
                } else {
                    decidedWords[out + signal] = defaultWord;
                    decidedStatus[out + signal] = st == EntryStatus.MISSING ? EntryStatus.MISSING : EntryStatus.DEFAULT;
                }
            }
        }
    }

    /**
     * The common case of a whole node at once, in OM: if every relay's row (words and statuses of all signals) is
     * equal to this lane's own row of the node, the node resolves to its own row, read there from then on
     * ({@code valueRow}) rather than copied; otherwise nothing is done
     * and the caller resolves signal by signal. Exactly what {@link #resolve} decides then: in OM the only MISSING
     * entries are those of nodes through an excluded lane (a merely missing entry is stored as the default token,
     * RELAYED_ERROR word 0); such a node, and a lane excluded itself, take the per-signal path, and any other node's
     * row is all present, so a child row equal to it is too: every signal has all {@code 1 + votes} values present
     * and equal, a strict majority of the value itself, and {@link #store} outside OMH stores it unchanged. OMH
     * (MISSING entries, the error-depth rule) and the 1988 variant always take the per-signal path. The row
     * comparisons are a plain loop over the few signals of a row ({@link #sameRow}).
     *
     * @return true if the node was resolved here
     */
    private boolean resolveUnanimous(final int node, final int firstVote, final int endVote) {
        if (hybrid || original || selfExcluded || (paths.laneMask(node) & excludedMask) != 0) {
            return false;
        }
        final int own = node * signals;
        for (int v = firstVote; v < endVote; v++) {
            if (!sameRow(own, valueRow[voteRow[v]] * signals)) {
                return false;
            }
        }
        valueRow[count + node] = node;
        return true;
    }

    /**
     * Whether two rows hold the same words and statuses. A plain loop: rows are a few signals long, where the
     * library's vectorised compare spends more on its call than on comparing.
     */
    private boolean sameRow(final int a, final int b) {
        for (int signal = 0; signal < signals; signal++) {
            if (words[a + signal] != words[b + signal] || status[a + signal] != status[b + signal]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Resolves one inner node for every signal into its resolved row. The common case, the first present vote
     * holding a strict majority, is settled in one pass without copying; anything else goes through
     * {@link #majority}.
     */
    private void resolve(final int node, final int depth, final int firstVote, final int endVote) {
        valueRow[count + node] = count + node;
        final int own = node * signals;
        final int out = (count + node) * signals;
        for (int signal = 0; signal < signals; signal++) {
            // This lane is one of the relays: its vote is what it forwarded about the node.
            byte ownStatus = status[own + signal];
            long ownWord = words[own + signal];
            if (selfExcluded) {
                // What every other lane holds for this lane's relay: E, dropped.
                ownWord = 0;
                ownStatus = EntryStatus.MISSING;
            } else if (ownStatus == EntryStatus.MISSING && !original) {
                ownWord = depth;
                ownStatus = EntryStatus.RELAYED_ERROR;
            }
            int present = 0;
            int agree = 0;
            long firstWord = 0;
            byte firstStatus = EntryStatus.DEFAULT;
            if (ownStatus != EntryStatus.MISSING) {
                firstWord = ownWord;
                firstStatus = ownStatus;
                present = 1;
                agree = 1;
            }
            for (int v = firstVote; v < endVote; v++) {
                final int slot = valueRow[voteRow[v]] * signals + signal;
                final byte st = status[slot];
                if (st == EntryStatus.MISSING) {
                    continue;
                }
                if (present == 0) {
                    firstWord = words[slot];
                    firstStatus = st;
                    agree = 1;
                } else if (words[slot] == firstWord && st == firstStatus) {
                    agree++;
                }
                present++;
            }
            if (2 * agree > present) {
                // A strict majority is unique, so it is what MJRTY would find.
                store(out + signal, firstWord, firstStatus, depth);
            } else {
                gather(ownWord, ownStatus, firstVote, endVote, signal);
                majority(present, out + signal, depth);
            }
        }
    }

    /** Copies the present votes of one (node, signal) into the scratch arrays, for the general majority. */
    private void gather(final long ownWord, final byte ownStatus, final int firstVote, final int endVote,
                        final int signal) {
        int present = 0;
        if (ownStatus != EntryStatus.MISSING) {
            scratchWords[0] = ownWord;
            scratchStatus[0] = ownStatus;
            present = 1;
        }
        for (int v = firstVote; v < endVote; v++) {
            final int slot = valueRow[voteRow[v]] * signals + signal;
            if (status[slot] != EntryStatus.MISSING) {
                scratchWords[present] = words[slot];
                scratchStatus[present] = status[slot];
                present++;
            }
        }
    }

    /** Strict majority of the first {@code present} scratch entries (Boyer and Moore's MJRTY), into a slot. */
    private void majority(final int present, final int slot, final int depth) {
        long candidateWord = 0;
        byte candidateStatus = EntryStatus.DEFAULT;
        int balance = 0;
        for (int i = 0; i < present; i++) {
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
        for (int i = 0; i < present; i++) {
            if (scratchWords[i] == candidateWord && scratchStatus[i] == candidateStatus) {
                votes++;
            }
        }
        if (present == 0 || 2 * votes <= present) {
            // No strict majority: the default token (OM: the wire default token; OMH: a local one).
            words[slot] = 0;
            status[slot] = hybrid ? EntryStatus.DEFAULT : EntryStatus.RELAYED_ERROR;
        } else {
            store(slot, candidateWord, candidateStatus, depth);
        }
    }

    /** Stores a strict-majority value into a resolved slot. */
    private void store(final int slot, final long word, final byte st, final int depth) {
        if (hybrid && st == EntryStatus.RELAYED_ERROR && word == depth) {
            // The relays agree that last(node) was silent: the node itself is an error.
            words[slot] = 0;
            status[slot] = EntryStatus.MISSING;
        } else {
            words[slot] = word;
            status[slot] = st;
        }
    }

    /**
     * @param source a lane
     * @param signal a signal
     * @return the decided word: the value for {@link EntryStatus#VALUE} and {@link EntryStatus#HELD}, otherwise
     *     {@link AgreementConfig#defaultWord()}
     */
    public long decidedWord(final int source, final int signal) {
        return decidedWords[source * signals + signal];
    }

    /**
     * @param source a lane
     * @param signal a signal
     * @return {@link EntryStatus#VALUE}, {@link EntryStatus#HELD} (a value, not a new sample),
     *     {@link EntryStatus#MISSING} (decided E: the source is benign) or
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
     * @return the stored word (meaningless while {@link #storedStatus} is -1: nothing stored yet); 0 for an entry
     *     stored as missing, including, in OM, whatever a relay sent about a node through an excluded lane
     */
    public long storedWord(final int pathIndex, final int signal) {
        return words[pathIndex * signals + signal];
    }

    /**
     * @param pathIndex tree node
     * @param signal    signal
     * @return the stored status: VALUE, HELD or RELAYED_ERROR as received (or, for node {@code (self)}, this
     *     lane's own reading: VALUE or HELD, or what a missing reading is stored as); -1 while the node's round is open and
     *     nothing has arrived for it; once its round is closed, a node that did not arrive reads as missing:
     *     MISSING in OMH, RELAYED_ERROR with word 0 (the default token) in OM. Nodes on paths through this lane,
     *     which it never receives, follow the same rule: -1 until their round is closed, then missing.
     */
    public byte storedStatus(final int pathIndex, final int signal) {
        final int shown = shownAfter[pathIndex];
        return shown != 0 && (closedRounds >>> (shown - 1) & 1L) == 0 ? EMPTY : status[pathIndex * signals + signal];
    }

    /**
     * From now on treats {@code lane} as benign faulty: its entries are refused and its relays are not expected.
     * Excluding this lane itself makes it decide as the other lanes do while it is excluded (see the class
     * comment).
     *
     * @param lane a lane, 0 to n - 1; others are ignored
     */
    public void excludeLane(final int lane) {
        if (lane == self) {
            selfExcluded = true;
        } else if (lane >= 0 && lane < lanes) {
            excludedMask |= 1L << lane;
        }
    }

    /**
     * Takes an excluded lane back (after an agreed readmission), from the next entry on.
     *
     * @param lane a lane
     */
    public void readmitLane(final int lane) {
        if (lane == self) {
            selfExcluded = false;
        } else if (lane >= 0 && lane < lanes) {
            excludedMask &= ~(1L << lane);
        }
    }

    /**
     * @param lane a lane
     * @return true if the lane is excluded
     */
    public boolean isExcluded(final int lane) {
        return lane >= 0 && lane < lanes && ((excludedMask() >>> lane) & 1L) != 0;
    }

    /**
     * @return the set of excluded lanes, bit i for lane i (this lane's own bit when it is excluded itself)
     */
    public long excludedMask() {
        return selfExcluded ? excludedMask | 1L << self : excludedMask;
    }
}
