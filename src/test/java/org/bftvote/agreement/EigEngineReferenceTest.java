package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test of the OM decision: {@link EigEngine#decide()} against a plain recursive evaluation of
 * Lamport–Shostak–Pease OM(m) over the same received tree (the engine's stored entries), written the textbook way:
 * a leaf is what arrived, an inner node is the strict majority of this lane's own copy and the resolved children,
 * else the default token. The engine's shortcuts (precomputed vote lists, the first-vote majority, whole unanimous
 * nodes copied at once) must decide exactly the same words and statuses.
 *
 * <p>The received entries are drawn to reach every path: frames where every relay is honest (every node unanimous),
 * frames with one disturbed entry (one node just short of unanimity), and frames of arbitrary values, error tokens
 * and missing entries from a small domain (ties and split votes).
 */
class EigEngineReferenceTest {
    private static final int SIGNALS = 3;
    private static final int FRAMES = 300;
    private static final int[][] SHAPES = {{4, 1}, {5, 1}, {6, 1}, {7, 2}};

    static java.util.stream.LongStream seeds() {
        return Seeds.seeds();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void omDecidesWhatTheRecursiveDefinitionDecides(final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        for (final int[] shape : SHAPES) {
            final AgreementConfig config = Scenario.om(shape[0], shape[1], SIGNALS);
            for (int self = 0; self < shape[0]; self++) {
                final EigEngine engine = new EigEngine(config, self);
                for (int frame = 0; frame < FRAMES; frame++) {
                    runFrame(engine, frame, random);
                    compare(engine, Seeds.replay(seed) + ", n " + shape[0] + ", m " + shape[1] + ", lane " + self
                        + ", frame " + frame);
                }
            }
        }
    }

    private static void runFrame(final EigEngine engine, final long frame, final SplittableRandom random) {
        final EigPaths paths = engine.paths();
        final int lanes = paths.lanes();
        final long[] truth = new long[lanes * SIGNALS];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = random.nextInt(3);
        }
        final int kind = random.nextInt(3);
        final long[] own = new long[SIGNALS];
        final byte[] ownStatus = new byte[SIGNALS];
        for (int k = 0; k < SIGNALS; k++) {
            own[k] = truth[engine.self() * SIGNALS + k];
            ownStatus[k] = kind == 2 && random.nextInt(6) == 0 ? EntryStatus.MISSING : EntryStatus.VALUE;
        }
        engine.beginFrame(frame, own, ownStatus);
        // kind 0: all honest; kind 1: all honest but one entry; kind 2: arbitrary entries.
        final int nodes = paths.count();
        final int disturbed = kind == 1 ? random.nextInt(nodes * SIGNALS) : -1;
        for (int round = 1; round <= paths.m() + 1; round++) {
            for (int node = paths.levelStart(round); node < paths.levelEnd(round); node++) {
                if (paths.contains(node, engine.self())) {
                    continue;
                }
                for (int k = 0; k < SIGNALS; k++) {
                    final long honest = truth[paths.source(node) * SIGNALS + k];
                    if (kind == 0 || (kind == 1 && node * SIGNALS + k != disturbed)) {
                        engine.accept(round, paths.last(node), node, k, honest, EntryStatus.VALUE);
                    } else {
                        final int pick = random.nextInt(5);
                        if (pick < 3) {
                            engine.accept(round, paths.last(node), node, k, pick, EntryStatus.VALUE);
                        } else if (pick == 3) {
                            engine.accept(round, paths.last(node), node, k, 0, EntryStatus.RELAYED_ERROR);
                        }
                        // pick 4: nothing arrives; the closed round stores the default token.
                    }
                }
            }
            engine.closeRound(round);
        }
        engine.decide();
    }

    private static void compare(final EigEngine engine, final String where) {
        final EigPaths paths = engine.paths();
        final long defaultWord = engine.config().defaultWord();
        for (int source = 0; source < paths.lanes(); source++) {
            for (int k = 0; k < SIGNALS; k++) {
                final long entry = source == engine.self() || paths.m() == 0
                    ? stored(engine, source, k) : resolved(engine, source, k);
                final byte status = status(entry);
                final long expectedWord = status == EntryStatus.VALUE ? word(entry) : defaultWord;
                final byte expectedStatus = status == EntryStatus.VALUE ? EntryStatus.VALUE
                    : status == EntryStatus.MISSING ? EntryStatus.MISSING : EntryStatus.DEFAULT;
                final String at = where + ", source " + source + ", k " + k;
                assertEquals(expectedStatus, engine.decidedStatus(source, k), at);
                assertEquals(expectedWord, engine.decidedWord(source, k), at);
            }
        }
    }

    /** The recursive OM resolution of a node (no node on it through this lane); an entry packed as in {@link #of}. */
    private static long resolved(final EigEngine engine, final int node, final int signal) {
        final EigPaths paths = engine.paths();
        if (paths.length(node) == paths.m() + 1) {
            return stored(engine, node, signal);
        }
        final long[] votes = new long[paths.lanes()];
        int present = 0;
        votes[present++] = stored(engine, node, signal);
        for (int lane = 0; lane < paths.lanes(); lane++) {
            if (lane != engine.self() && !paths.contains(node, lane)) {
                votes[present++] = resolved(engine, paths.child(node, lane), signal);
            }
        }
        for (int i = 0; i < present; i++) {
            int agree = 0;
            for (int j = 0; j < present; j++) {
                if (votes[j] == votes[i]) {
                    agree++;
                }
            }
            if (2 * agree > present) {
                return votes[i];
            }
        }
        return of(0, EntryStatus.RELAYED_ERROR);
    }

    private static long stored(final EigEngine engine, final int node, final int signal) {
        final byte status = engine.storedStatus(node, signal);
        // OM stores nothing as MISSING: a missing entry is the default token once its round is closed.
        assertEquals(true, status == EntryStatus.VALUE || status == EntryStatus.RELAYED_ERROR, "stored status");
        return of(engine.storedWord(node, signal), status);
    }

    /** Words here are 0 to 2, so a word and a status pack into one comparable long. */
    private static long of(final long word, final byte status) {
        return word << 8 | (status & 0xFF);
    }

    private static long word(final long entry) {
        return entry >>> 8;
    }

    private static byte status(final long entry) {
        return (byte) entry;
    }
}
