package org.bftvote.sim.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.ExclusionReason;
import org.bftvote.channel.OutputStatus;
import org.bftvote.channel.RedundancyLevel;
import org.junit.jupiter.api.Test;

class TriplexDemoTest {
    @Test
    void hardOverThenFrozenChannelAreBothExcludedAndTheLiveChannelCarriesOn() {
        final ChannelOutput result = new TriplexDemo(new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), 42L).run();

        assertTrue(result.isFailed(2), "hard-over channel excluded");
        assertEquals(ExclusionReason.MISCOMPARE, result.failureReason(2));
        assertTrue(result.isFailed(1), "frozen channel excluded");
        assertEquals(ExclusionReason.FROZEN, result.failureReason(1));
        assertEquals(RedundancyLevel.SIMPLEX, result.level());
        assertEquals(OutputStatus.DEGRADED, result.status());
    }

    @Test
    void theSameSeedPrintsTheSameText() {
        assertEquals(print(7L), print(7L));
    }

    private static String print(final long seed) {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TriplexDemo(new PrintStream(bytes, true, StandardCharsets.UTF_8), seed).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
