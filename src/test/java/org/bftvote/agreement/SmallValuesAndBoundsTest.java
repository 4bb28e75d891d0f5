package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.bftvote.InvalidConfigException;
import org.bftvote.channel.ChannelConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The values the configuration, budget, code and counter types hand back, and the exact edges of their ranges: the
 * largest value a range accepts builds, the next is refused under its own name and range (not by some later check or
 * an array index).
 */
@Tag("API-1")
class SmallValuesAndBoundsTest {
    @Test
    void aRoundParameterOfNLanesIsRefusedByItsRangeEverywhere() {
        final InvalidConfigException paths = assertThrows(InvalidConfigException.class, () -> new EigPaths(4, 4));
        assertTrue(paths.getMessage().contains("0 <= m <= 3"), paths.getMessage());
        final InvalidConfigException config = assertThrows(InvalidConfigException.class,
            () -> AgreementConfig.builder(4, 4, 1).build());
        assertTrue(config.getMessage().contains("0 <= m <= 3"), config.getMessage());
        final InvalidConfigException outside = assertThrows(InvalidConfigException.class,
            () -> AgreementConfig.builder(4, 4, 1).buildOutsideBound());
        assertTrue(outside.getMessage().contains("0 <= m <= 3"), outside.getMessage());
        final InvalidConfigException pipeline = assertThrows(InvalidConfigException.class,
            () -> PipelineConfig.builder(4, 4, 1));
        assertTrue(pipeline.getMessage().contains("0 <= m <= 3"), pipeline.getMessage());
        assertEquals(3, new EigPaths(4, 3).m(), "m = n - 1 is the largest accepted");
    }

    /**
     * The node limit is checked with {@code >}; no tree of up to 64 lanes has exactly {@link EigPaths#MAX_NODES}
     * nodes, which is why {@code >=} would behave the same (listed as equivalent, and this keeps the premise true).
     */
    @Test
    void noTreeHasExactlyTheNodeLimit() {
        for (int n = 1; n <= EigPaths.MAX_LANES; n++) {
            for (int m = 0; m < n; m++) {
                assertNotEquals(EigPaths.MAX_NODES, EigPaths.nodeCount(n, m), "n = " + n + ", m = " + m);
            }
        }
    }

    @Test
    void theHybridRefusalNamesTheLanesItNeeds() {
        final InvalidConfigException e = assertThrows(InvalidConfigException.class,
            () -> AgreementConfig.builder(11, 2, 1).hybrid(2, 2, 1).build());
        assertTrue(e.getMessage().contains("n > 2a + 2s + b + m (n = 11, a = 2, s = 2, b = 1, m = 2: needs n >= 12)"),
            e.getMessage());
    }

    @Test
    void aPipelineConfigurationReportsItsLanesSignalsAndChannels() {
        final ChannelConfig first = ChannelConfig.builder(4).miscompareThreshold(1.0).build();
        final ChannelConfig second = ChannelConfig.builder(4).miscompareThreshold(0.5).build();
        final PipelineConfig.Builder builder = PipelineConfig.builder(4, 1, 2);
        assertSame(builder, builder.omClassic());
        final PipelineConfig config = builder.signal(0, first).signal(1, second).build();
        assertEquals(4, config.lanes());
        assertEquals(2, config.signals());
        assertSame(second, config.channel(1));
        assertTrue(config.toString().startsWith("PipelineConfig[") && config.toString().contains(", K=2, "),
            config.toString());
        final InvalidConfigException read = assertThrows(InvalidConfigException.class, () -> config.channel(2));
        assertTrue(read.getMessage().contains("0 <= signal <= 1"), read.getMessage());
        final InvalidConfigException set = assertThrows(InvalidConfigException.class,
            () -> PipelineConfig.builder(4, 1, 2).signal(2, first));
        assertTrue(set.getMessage().contains("0 <= signal <= 1"), set.getMessage());
    }

    @Test
    void aFaultBudgetReportsEachCountAndHashesSmallBudgetsApart() {
        final FaultBudget budget = new FaultBudget(1, 2, 3);
        assertEquals(1, budget.asymmetric());
        assertEquals(2, budget.symmetric());
        assertEquals(3, budget.benign());
        final Set<Integer> hashes = new HashSet<>();
        for (int a = 0; a < 8; a++) {
            for (int s = 0; s < 8; s++) {
                for (int b = 0; b < 8; b++) {
                    assertTrue(hashes.add(new FaultBudget(a, s, b).hashCode()), "(" + a + ", " + s + ", " + b + ")");
                }
            }
        }
    }

    @Test
    void everyCodeReportsItsNumberAndMeaning() {
        for (final ResultCode result : ResultCode.values()) {
            assertSame(result, ResultCode.ofCode(result.code()));
            assertEquals(result.name() + " (" + result.code() + "): " + result.meaning(),
                ResultCode.describe(result.code()));
            assertTrue(!result.meaning().isEmpty(), result.name());
        }
        assertEquals(AgreementLane.ROUNDS_NOT_CLOSED, ResultCode.ROUNDS_NOT_CLOSED.code());
        for (final DropReason reason : DropReason.values()) {
            assertEquals(reason.name() + " (" + reason.code() + "): message dropped: it " + reason.meaning(),
                reason.description());
            assertTrue(!reason.meaning().isEmpty(), reason.name());
        }
    }

    @Test
    void dropCountersCountByReasonAndResetToZero() {
        final DropCounters counters = new DropCounters();
        counters.record(DropReason.BAD_CRC);
        counters.record(DropReason.BAD_CRC);
        counters.record(DropReason.WRONG_FRAME);
        assertEquals(2, counters.count(DropReason.BAD_CRC.ordinal()));
        assertEquals(1, counters.count(DropReason.WRONG_FRAME.ordinal()));
        assertEquals(0, counters.count(DropReason.TRUNCATED.ordinal()));
        counters.reset();
        for (final DropReason reason : DropReason.values()) {
            assertEquals(0, counters.count(reason.ordinal()), reason.name());
        }
    }

    /** An excluded lane's accusations do not count, and no lane's accusation of itself counts. */
    @Test
    void accusationsSkipExcludedAccusersAndSelfAccusations() {
        final int[] counts = new int[4];
        // Lane 2 is excluded and accuses lane 1; lane 3 accuses itself and lane 1; lane 0 accuses lane 1.
        final long[] words = {0b0010, 0, 0b0010, 0b1010};
        assertEquals(0b0010, Accusations.count(4, 0b0100, words, 2, counts));
        assertEquals(2, counts[1], "lanes 0 and 3 accuse lane 1; excluded lane 2 does not count");
        assertEquals(0, counts[3], "lane 3's accusation of itself does not count");
        assertEquals(0, Accusations.count(4, 0b0100, words, 3, counts), "three accusers are needed: only two count");
    }
}
