package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The state digest (RCV-10): the same words give the same digest; a change of any one word always changes the 64-bit
 * digest (every multiplier is odd, so invertible, and the final mix is a bijection); words in another order give
 * another digest; reset starts afresh. And the digest of given words is a fixed number, the one its Javadoc's formula
 * gives (checked here against values worked out apart from the library), so lanes built apart compare alike.
 */
@Tag("RCV-10")
class StateDigestTest {
    static LongStream seeds() {
        return Seeds.seeds(32);
    }

    private static long digest(final long[] words) {
        final StateDigest digest = new StateDigest();
        for (final long word : words) {
            digest.add(word);
        }
        return digest.value();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anyOneWordChangedChangesTheDigest(final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final long[] words = new long[1 + random.nextInt(200)];
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextInt(4) == 0 ? 0L : random.nextLong();
        }
        final long original = digest(words);
        assertEquals(original, digest(words.clone()), Seeds.replay(seed));
        for (int i = 0; i < words.length; i++) {
            final long[] changed = words.clone();
            changed[i] ^= 1L << random.nextInt(64);
            assertNotEquals(original, digest(changed), Seeds.replay(seed) + " word " + i);
        }
        if (words.length > 1 && words[0] != words[1]) {
            final long[] swapped = words.clone();
            swapped[0] = words[1];
            swapped[1] = words[0];
            assertNotEquals(original, digest(swapped), Seeds.replay(seed) + " order matters");
        }
        final StateDigest reused = new StateDigest();
        reused.add(random.nextLong());
        reused.reset();
        for (final long word : words) {
            reused.add(word);
        }
        assertEquals(original, reused.value(), Seeds.replay(seed) + " reset starts afresh");
    }

    @Test
    void theDigestOfGivenWordsIsTheFormulasValue() {
        assertEquals(-2152535657050944081L, digest(new long[0]), "no word: the mix of the first multiplier");
        assertEquals(-537132696929009172L, digest(new long[] {1L}));
        assertEquals(-6705686484363746538L, digest(new long[] {1L, 2L, 3L}));
        assertEquals(6426116064599561977L, digest(new long[] {-1L, Long.MIN_VALUE}));
        final StateDigest digest = new StateDigest();
        digest.add(1.5);
        assertEquals(-7381504165870360139L, digest.value(), "a double is added by its raw bits");
    }
}
