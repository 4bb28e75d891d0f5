package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * State words from another lane at their edges: a last-valid flag with a non-finite value is no last value (so no
 * rate check against it); and the congruence mark of an output.
 */
@Tag("RCV-6")
class ChannelStateEdgesTest {
    @Test
    void aLastValidFlagWithANonFiniteValueIsNoLastValue() {
        final ChannelConfig config = ChannelConfig.builder(3).miscompareThreshold(10.0).rateLimit(1.0).build();
        final ChannelManager source = new ChannelManager(config, ChannelEventListener.NONE);
        final ChannelOutput out = new ChannelOutput(3);
        source.update(0, new double[] {0, 0, 0}, 0b111, 0b111, out);
        final long[] words = new long[source.stateWords()];
        source.writeState(words, 0);
        final ChannelManager reader = new ChannelManager(config, ChannelEventListener.NONE);
        reader.readState(words, 0);
        reader.update(1, new double[] {5, 0, 0}, 0b111, 0b111, out);
        assertEquals(ExclusionReason.RATE_LIMIT, out.frameReason(0), "a real last value is rate-checked");

        words[2] = Double.doubleToRawLongBits(Double.NaN);
        final ChannelManager damaged = new ChannelManager(config, ChannelEventListener.NONE);
        damaged.readState(words, 0);
        damaged.update(1, new double[] {5, 0, 0}, 0b111, 0b111, out);
        assertEquals(ExclusionReason.NONE, out.frameReason(0), "a NaN last value is none: no rate check");
        assertEquals(ExclusionReason.NONE, out.frameReason(1));
    }

    @Test
    void onlyDivergedOrSyncingMarkAnOutputAndAnOutputWithoutValueStaysInvalid() {
        final ChannelManager manager = new ChannelManager(
            ChannelConfig.builder(3).miscompareThreshold(1.0).build(), ChannelEventListener.NONE);
        final ChannelOutput out = new ChannelOutput(3);
        manager.update(0, new double[] {1, 1, 1}, 0b111, 0b111, out);
        assertThrows(IllegalArgumentException.class, () -> out.markNotCongruent(OutputStatus.NORMAL));
        out.markNotCongruent(OutputStatus.SYNCING);
        out.markNotCongruent(OutputStatus.SYNCING);
        assertEquals(OutputStatus.SYNCING, out.status(), "marking twice is marking once");
        out.markNotCongruent(OutputStatus.DIVERGED);
        assertEquals(OutputStatus.DIVERGED, out.status());
        manager.update(1, new double[] {1, 1, 1}, 0, 0b111, out);
        out.markNotCongruent(OutputStatus.DIVERGED);
        assertEquals(OutputStatus.INVALID, out.status(), "no value, nothing to distrust");
    }
}
