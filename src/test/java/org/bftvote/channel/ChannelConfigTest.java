package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.InvalidConfigException;
import org.bftvote.vote.MidValueSelect;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad configuration fails when built, naming the parameter, the value and the bound. */
@Tag("MON-4")
class ChannelConfigTest {
    private static ChannelConfig.Builder ok(final int n) {
        return ChannelConfig.builder(n).miscompareThreshold(1.0);
    }

    private static void rejects(final String parameter, final String value, final String boundPart,
                                final Executable build) {
        final InvalidConfigException e = assertThrows(InvalidConfigException.class, build);
        assertEquals(parameter, e.parameter(), e.getMessage());
        assertEquals(value, e.value(), e.getMessage());
        assertTrue(e.bound().contains(boundPart), e.getMessage());
        assertTrue(e.getMessage().contains(parameter) && e.getMessage().contains(boundPart), e.getMessage());
    }

    @Test
    void channelCountOutside1To64() {
        rejects("channelCount", "0", "1 <= channelCount <= 64", () -> ok(0).build());
        rejects("channelCount", "65", "1 <= channelCount <= 64", () -> ok(65).build());
    }

    @Test
    void thresholdNegativeNanZeroInfiniteOrMissing() {
        rejects("miscompareThreshold", "-1.0", "0 < miscompareThreshold",
            () -> ChannelConfig.builder(3).miscompareThreshold(-1.0).build());
        rejects("miscompareThreshold", "NaN", "0 < miscompareThreshold",
            () -> ChannelConfig.builder(3).miscompareThreshold(Double.NaN).build());
        rejects("miscompareThreshold", "0.0", "0 < miscompareThreshold",
            () -> ChannelConfig.builder(3).miscompareThreshold(0.0).build());
        rejects("miscompareThreshold", "Infinity", "0 < miscompareThreshold",
            () -> ChannelConfig.builder(3).miscompareThreshold(Double.POSITIVE_INFINITY).build());
        rejects("miscompareThreshold", "unset", "must be given", () -> ChannelConfig.builder(3).build());
    }

    @Test
    void thresholdFractionOutOfBoundsOrWithoutRange() {
        rejects("miscompareThresholdFraction", "1.5", "<= 1",
            () -> ChannelConfig.builder(3).range(0, 10).miscompareThresholdFractionOfRange(1.5).build());
        rejects("miscompareThresholdFraction", "0.1", "needs range",
            () -> ChannelConfig.builder(3).miscompareThresholdFractionOfRange(0.1).build());
        rejects("miscompareThresholdFraction", "0.1", "finite and > 0",
            () -> ChannelConfig.builder(3).range(5, 5).miscompareThresholdFractionOfRange(0.1).build());
        rejects("miscompareThresholdFraction", "0.0", "0 < miscompareThresholdFraction",
            () -> ChannelConfig.builder(3).range(0, 10).miscompareThresholdFractionOfRange(0.0).build());
        rejects("miscompareThresholdFraction", "NaN", "0 < miscompareThresholdFraction",
            () -> ChannelConfig.builder(3).range(0, 10).miscompareThresholdFractionOfRange(Double.NaN).build());
        // A range as wide as the doubles overflows the difference: the absolute threshold would be infinite.
        rejects("miscompareThresholdFraction", "1.0", "finite and > 0",
            () -> ChannelConfig.builder(3).range(-Double.MAX_VALUE, Double.MAX_VALUE)
                .miscompareThresholdFractionOfRange(1.0).build());
        assertEquals(2.0, ChannelConfig.builder(3).range(-10, 10).miscompareThresholdFractionOfRange(0.1).build()
            .miscompareThreshold(), 1e-12);
    }

    @Test
    void rangeMinAboveMaxOrNotFinite() {
        rejects("range.min", "2.0", "range.min <= range.max (1.0)", () -> ok(3).range(2.0, 1.0).build());
        rejects("range.max", "NaN", "finite", () -> ok(3).range(0.0, Double.NaN).build());
        rejects("range.min", "-Infinity", "finite", () -> ok(3).range(Double.NEGATIVE_INFINITY, 1).build());
    }

    @Test
    void rateStaleFrozenBounds() {
        rejects("rateLimit", "0.0", "0 < rateLimit", () -> ok(3).rateLimit(0.0).build());
        rejects("rateLimit", "-2.0", "0 < rateLimit", () -> ok(3).rateLimit(-2.0).build());
        rejects("rateLimit", "NaN", "0 < rateLimit", () -> ok(3).rateLimit(Double.NaN).build());
        rejects("staleLimit", "-1", "0 <= staleLimit <= 1000000", () -> ok(3).staleLimit(-1).build());
        rejects("frozenDetection.frames", "-3", "1 <= frozenDetection.frames", () -> ok(3).frozenDetection(-3).build());
        rejects("frozenDetection.frames", "2000000", "<= 1000000", () -> ok(3).frozenDetection(2_000_000).build());
    }

    @Test
    void persistencePolicyBounds() {
        rejects("persistence.consecutive.frames", "0", "1 <= persistence.consecutive.frames",
            () -> PersistencePolicy.consecutive(0));
        rejects("persistence.leaky.up", "0", "1 <= persistence.leaky.up", () -> PersistencePolicy.leaky(0, 1, 5));
        rejects("persistence.leaky.down", "-1", "0 <= persistence.leaky.down",
            () -> PersistencePolicy.leaky(1, -1, 5));
        rejects("persistence.leaky.trip", "0", "1 <= persistence.leaky.trip", () -> PersistencePolicy.leaky(1, 1, 0));
        rejects("persistence", "null", "must be given", () -> ok(3).persistence(null).build());
    }

    @Test
    void reintegrationPolicyBounds() {
        rejects("reintegration.goodFrames", "0", "1 <= reintegration.goodFrames",
            () -> ReintegrationPolicy.afterGoodFrames(0, 1));
        rejects("reintegration.maxTimes", "0", "1 <= reintegration.maxTimes",
            () -> ReintegrationPolicy.afterGoodFrames(5, 0));
        rejects("reintegration.readmitting", "never()", "needs afterGoodFrames",
            () -> ReintegrationPolicy.never().readmitting(ExclusionReason.STALE));
        rejects("reintegration.readmitting", "NONE", "other than NONE",
            () -> ReintegrationPolicy.afterGoodFrames(5, 1).readmitting(ExclusionReason.NONE));
        rejects("reintegration.readmitting", "null", "other than NONE",
            () -> ReintegrationPolicy.afterGoodFrames(5, 1).readmitting(ExclusionReason.STALE, null));
        rejects("reintegration.readmitting", "no reasons", "at least one reason",
            () -> ReintegrationPolicy.afterGoodFrames(5, 1).readmitting());
        rejects("reintegration.readmitting", "no reasons", "at least one reason",
            () -> ReintegrationPolicy.afterGoodFrames(5, 1).readmitting((ExclusionReason[]) null));
    }

    @Test
    void duplexPolicyBounds() {
        rejects("duplex.holdLastGood.maxFrames", "-1", "0 <= duplex.holdLastGood.maxFrames",
            () -> DuplexPolicy.holdLastGood(-1));
        rejects("duplex.selectByPriority.channelOrder", "empty", "at least one", DuplexPolicy::selectByPriority);
        rejects("duplex.selectByPriority.channelOrder", "empty", "at least one",
            () -> DuplexPolicy.selectByPriority((int[]) null));
        rejects("duplex.selectByPriority.channelOrder[]", "1", "each channel once",
            () -> DuplexPolicy.selectByPriority(1, 1));
        rejects("duplex.selectByPriority.channelOrder[]", "64", "<= 63", () -> DuplexPolicy.selectByPriority(64));
        rejects("duplex.selectByPriority.channelOrder[]", "3", "channelCount (3)",
            () -> ok(3).duplex(DuplexPolicy.selectByPriority(3, 0)).build());
    }

    @Test
    void voterFactoryMustGiveEnoughChannels() {
        rejects("voter.maxChannels", "2", "voter.maxChannels >= channelCount (3)",
            () -> ok(3).voter(n -> new MidValueSelect(2)).build());
        rejects("voter", "null", "the factory must return a voter", () -> ok(3).voter(n -> null).build());
        rejects("voter", "null", "must be given", () -> ok(3).voter(null).build());
    }

    @Test
    void defaultsAreDocumented() {
        final ChannelConfig c = ok(4).build();
        assertEquals("consecutive(3)", c.persistence().toString());
        assertTrue(c.reintegration().isNever());
        assertEquals(0, c.duplex().maxHoldFrames());
        assertEquals(Double.NEGATIVE_INFINITY, c.rangeMin());
        assertEquals(0, c.frozenFrames());
        assertTrue(c.newVoter() instanceof MidValueSelect);
        assertTrue(c.newVoter() != c.newVoter(), "each manager must get its own voter");
    }
}
