package org.bftvote.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property tests of the discrete voters: exact majority returns the correct word whenever the correct
 * channels are a strict majority of the valid ones, whatever the others send; bitwise majority equals a per-bit
 * counting model on arbitrary words, and returns the correct word with at most f arbitrary among 2f + 1 or more.
 */
@Tag("VOT-3")
class DiscreteVoterPropertyTest {
    private static final int FRAMES = 300;

    static LongStream seeds() {
        return Seeds.seeds();
    }

    /** Channel counts to draw from: the triplex fast path, small sets and the full mask width. */
    private static int channels(final SplittableRandom random) {
        final int[] counts = {1, 2, 3, 3, 4, 5, 7, 9, 16, 33, 64};
        return counts[random.nextInt(counts.length)];
    }

    /**
     * Fills a frame: {@code correct} valid channels hold {@code word}, the other valid ones arbitrary words (often
     * colluding on one wrong word), invalid channels garbage.
     *
     * @return the valid mask
     */
    private static long frame(final SplittableRandom random, final long[] words, final long word, final int correct,
        final int faulty) {
        final int n = words.length;
        final int[] perm = RealInputs.permutation(random, n);
        final long collude = random.nextLong();
        long valid = 0L;
        for (int j = 0; j < n; j++) {
            final int ch = perm[j];
            if (j < correct) {
                words[ch] = word;
                valid |= 1L << ch;
            } else if (j < correct + faulty) {
                words[ch] = random.nextBoolean() ? collude : random.nextLong();
                valid |= 1L << ch;
            } else {
                words[ch] = random.nextLong();
            }
        }
        return valid;
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void exactMajorityReturnsTheCorrectWordWhenTheCorrectChannelsAreAMajority(final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final ExactMajority majority = new ExactMajority(64);
        final ExactMajority plurality = new ExactMajority(64, ExactMajority.Mode.PLURALITY);
        final DiscreteVoteResult result = new DiscreteVoteResult();
        for (int frame = 0; frame < FRAMES; frame++) {
            final int n = channels(random);
            final int valid = 1 + random.nextInt(n);
            final int faulty = random.nextInt((valid - 1) / 2 + 1);
            final long word = random.nextLong();
            final long[] words = new long[n];
            final long mask = frame(random, words, word, valid - faulty, faulty);
            final String msg = Seeds.replay(seed) + " frame=" + frame + " words=" + java.util.Arrays.toString(words)
                + " mask=" + Long.toBinaryString(mask);
            assertEquals(VoteStatus.VOTED, majority.vote(words, mask, n, result), msg);
            assertEquals(word, result.word(), msg);
            assertEquals(VoteStatus.VOTED, plurality.vote(words, mask, n, result), msg);
            assertEquals(word, result.word(), msg);
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void bitwiseMajorityMatchesAPerBitCountingModel(final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final BitwiseMajority zero = new BitwiseMajority(64);
        final BitwiseMajority strict = new BitwiseMajority(64, BitwiseMajority.TiePolicy.NO_MAJORITY);
        final DiscreteVoteResult result = new DiscreteVoteResult();
        for (int frame = 0; frame < FRAMES; frame++) {
            final int n = channels(random);
            final long[] words = DiscreteVoterContractTest.words(random, n);
            for (int i = 0; i < n; i++) {
                if (random.nextInt(4) == 0) {
                    words[i] ^= 1L << random.nextInt(64);
                }
            }
            final long mask = random.nextInt(3) == 0 ? random.nextLong() : -1L;
            final String msg = Seeds.replay(seed) + " frame=" + frame + " words=" + java.util.Arrays.toString(words)
                + " mask=" + Long.toBinaryString(mask);

            int k = 0;
            for (int i = 0; i < n; i++) {
                k += (int) ((mask >>> i) & 1L);
            }
            long expected = 0L;
            long ties = 0L;
            int support = k;
            for (int bit = 0; bit < 64; bit++) {
                int ones = 0;
                for (int i = 0; i < n; i++) {
                    if ((mask & (1L << i)) != 0 && (words[i] & (1L << bit)) != 0) {
                        ones++;
                    }
                }
                if (2 * ones > k) {
                    expected |= 1L << bit;
                }
                if (k > 0 && 2 * ones == k) {
                    ties |= 1L << bit;
                }
                support = Math.min(support, Math.max(ones, k - ones));
            }
            final VoteStatus status = zero.vote(words, mask, n, result);
            if (k == 0) {
                assertEquals(VoteStatus.TOO_FEW_INPUTS, status, msg);
                continue;
            }
            assertEquals(VoteStatus.VOTED, status, msg);
            assertEquals(expected, result.word(), msg);
            assertEquals(support, result.support(), msg);
            assertEquals(ties == 0 ? VoteStatus.VOTED : VoteStatus.NO_MAJORITY, strict.vote(words, mask, n, result),
                msg);
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void bitwiseMajorityReturnsTheCorrectWordWithAtMostFArbitraryAmong2fPlus1(final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final BitwiseMajority voter = new BitwiseMajority(64, BitwiseMajority.TiePolicy.NO_MAJORITY);
        final DiscreteVoteResult result = new DiscreteVoteResult();
        for (int frame = 0; frame < FRAMES; frame++) {
            final int n = channels(random);
            final int valid = 1 + random.nextInt(n);
            final int faulty = random.nextInt((valid - 1) / 2 + 1);
            final long word = random.nextLong();
            final long[] words = new long[n];
            final long mask = frame(random, words, word, valid - faulty, faulty);
            final String msg = Seeds.replay(seed) + " frame=" + frame + " words=" + java.util.Arrays.toString(words)
                + " mask=" + Long.toBinaryString(mask);
            assertEquals(VoteStatus.VOTED, voter.vote(words, mask, n, result), msg);
            assertEquals(word, result.word(), msg);
        }
    }
}
