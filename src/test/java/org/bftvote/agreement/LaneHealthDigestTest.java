package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;

import org.bftvote.channel.StateDigest;
import org.junit.jupiter.api.Test;

/**
 * Lane health's digest with an odd number of lanes (five, f = 1), where the last lane's words are added on their own
 * rather than in a pair: the digest adds exactly the words lane health writes, the last lane's included.
 */
class LaneHealthDigestTest {
    private static final int LANES = 5;

    private static long digestOfWords(final LaneHealth health) {
        final long[] words = new long[health.stateWords()];
        health.writeState(words, 0);
        final StateDigest digest = new StateDigest();
        for (final long word : words) {
            digest.add(word);
        }
        return digest.value();
    }

    private static long digestOf(final LaneHealth health) {
        final StateDigest digest = new StateDigest();
        health.addStateTo(digest);
        return digest.value();
    }

    private static LaneHealth health(final long[] words) {
        final PipelineConfig config = LanePipelineEndToEndTest
            .configBuilder(LANES, 1, 1).readmission(ReadmissionPolicy.afterCleanFrames(50, 9)).build();
        final LaneHealth health = new LaneHealth(config, 100);
        health.readState(words, 0);
        return health;
    }

    /** Seeded states of five lanes, every field of the last lane set: the digest adds exactly the written words. */
    @Test
    void withAnOddLaneCountTheDigestAddsExactlyTheWrittenWordsTheLastLaneIncluded() {
        final SplittableRandom random = new SplittableRandom(0x5EED_4A11L);
        for (int trial = 0; trial < 200; trial++) {
            final long[] words = new long[LaneHealth.stateWords(LANES)];
            words[0] = random.nextLong(1L << LANES) | 1L << (LANES - 1) | (long) random.nextInt(1, 100) << 32;
            for (int j = 0; j < LANES; j++) {
                words[1 + j] = random.nextInt(1, 3) | (long) random.nextInt(1, 50) << 20
                    | (long) random.nextInt(1, 9) << 40;
                words[1 + LANES + j] = random.nextLong(1_000_000);
            }
            final LaneHealth health = health(words);
            assertEquals(digestOfWords(health), digestOf(health), "trial " + trial);
        }
    }

    /** Two states that differ only in the last lane's counters, or only in its exclusion frame, digest differently. */
    @Test
    void theLastOfAnOddNumberOfLanesCountsInTheDigest() {
        final long[] words = new long[LaneHealth.stateWords(LANES)];
        words[0] = 1L << (LANES - 1);
        words[LANES] = 1;
        words[2 * LANES] = 77;
        final long base = digestOf(health(words));
        final long[] otherLevel = words.clone();
        otherLevel[LANES] = 2;
        assertNotEquals(base, digestOf(health(otherLevel)), "the last lane's accusation level");
        final long[] otherFrame = words.clone();
        otherFrame[2 * LANES] = 78;
        assertNotEquals(base, digestOf(health(otherFrame)), "the last lane's exclusion frame");
    }
}
