package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EigEngine#encode} (the lane's direct wire encoder) writes, byte for byte, the entries {@link EigEngine#emit}
 * hands to a sink, each laid out with {@link IcMessage#putEntry}: in OM and OMH, every round and receiver, trees
 * filled with values, error tokens, large words (all eight bytes in use) and missing entries. It refuses, writing
 * nothing, a limit below the message's entries.
 */
class EigEngineEncodeTest {
    private static final int FRAMES = 40;

    static java.util.stream.LongStream seeds() {
        return Seeds.seeds();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void encodeWritesWhatEmitEmits(final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final AgreementConfig[] configs = {
            Scenario.om(4, 1, 3), Scenario.om(7, 2, 2), Scenario.omh(5, 1, 3, 1, 0, 1), Scenario.omh(7, 2, 2, 2, 0, 0)};
        for (final AgreementConfig config : configs) {
            for (int self = 0; self < config.lanes(); self++) {
                final EigEngine engine = new EigEngine(config, self);
                for (int frame = 0; frame < FRAMES; frame++) {
                    checkFrame(engine, frame, random, Seeds.replay(seed) + ", " + config + ", lane " + self);
                }
                if (config.mode() == AgreementConfig.Mode.HYBRID_CORRECTED) {
                    // The 1988 variant relays a missing entry as nothing, never as a token: encode must agree.
                    final EigEngine original = new EigEngine(config, self, EigEngine.Variant.ORIGINAL_1988);
                    for (int frame = 0; frame < FRAMES; frame++) {
                        checkFrame(original, frame, random, Seeds.replay(seed) + ", 1988 variant, " + config
                            + ", lane " + self);
                    }
                }
            }
        }
    }

    private static void checkFrame(
        final EigEngine engine, final long frame, final SplittableRandom random, final String where) {
        final EigPaths paths = engine.paths();
        final int signals = engine.config().signals();
        final long[] own = new long[signals];
        final byte[] ownStatus = new byte[signals];
        for (int k = 0; k < signals; k++) {
            own[k] = random.nextLong();
            ownStatus[k] = random.nextInt(5) == 0 ? EntryStatus.MISSING : EntryStatus.VALUE;
        }
        engine.beginFrame(frame, own, ownStatus);
        final boolean hybrid = engine.config().mode() == AgreementConfig.Mode.HYBRID_CORRECTED;
        for (int round = 1; round <= paths.m() + 1; round++) {
            for (int receiver = 0; receiver < paths.lanes(); receiver++) {
                if (receiver != engine.self()) {
                    compare(engine, round, receiver, where + ", frame " + frame + ", round " + round + ", to "
                        + receiver);
                }
            }
            for (int node = paths.levelStart(round); node < paths.levelEnd(round); node++) {
                if (paths.contains(node, engine.self())) {
                    continue;
                }
                for (int k = 0; k < signals; k++) {
                    final int pick = random.nextInt(4);
                    if (pick < 2) {
                        engine.accept(round, paths.last(node), node, k, random.nextLong(), EntryStatus.VALUE);
                    } else if (pick == 2) {
                        final long token = hybrid ? 1 + random.nextInt(Math.max(1, round - 1)) : 0;
                        engine.accept(round, paths.last(node), node, k, token, EntryStatus.RELAYED_ERROR);
                    }
                }
            }
            engine.closeRound(round);
        }
    }

    private static void compare(final EigEngine engine, final int round, final int receiver, final String where) {
        final int capacity = IcMessage.length(engine.maxEntriesPerMessage());
        final byte[] expected = new byte[capacity];
        final int[] count = {0};
        final int emitted = engine.emit(round, receiver, (path, signal, word, status) -> {
            IcMessage.putEntry(expected, IcMessage.entryOffset(0, count[0]), path, signal, status, word);
            count[0]++;
        });
        final byte[] actual = new byte[capacity];
        assertEquals(emitted, engine.encode(round, receiver, actual, 0, engine.maxEntriesPerMessage()), where);
        assertArrayEquals(expected, actual, where);

        final int full = engine.config().entriesPerMessage(round);
        if (full > 0) {
            final byte[] untouched = new byte[capacity];
            assertEquals(-1, engine.encode(round, receiver, untouched, 0, full - 1), where + ": limit below");
            assertArrayEquals(new byte[capacity], untouched, where + ": nothing written past a refused limit");
        }
    }
}
