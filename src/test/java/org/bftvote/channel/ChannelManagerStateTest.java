package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A manager's state as words (RCV-6): a manager that reads another's words decides every later frame exactly as it
 * does; any words give a valid state; the digest adds exactly the written words; counters saturate where no
 * comparison can tell.
 */
@Tag("RCV-6")
class ChannelManagerStateTest {
    static LongStream seeds() {
        return Seeds.seeds(48);
    }

    static ChannelConfig config(final SplittableRandom random) {
        final int n = 3 + random.nextInt(3);
        final ChannelConfig.Builder b = ChannelConfig.builder(n).miscompareThreshold(0.5 + random.nextDouble())
            .range(-50, 50);
        if (random.nextBoolean()) {
            b.rateLimit(1 + random.nextDouble() * 3);
        }
        if (random.nextBoolean()) {
            b.staleLimit(random.nextInt(4));
        }
        if (random.nextBoolean()) {
            b.frozenDetection(2 + random.nextInt(10));
        }
        b.persistence(random.nextBoolean() ? PersistencePolicy.consecutive(1 + random.nextInt(6))
            : PersistencePolicy.leaky(1 + random.nextInt(3), random.nextInt(2), 2 + random.nextInt(8)));
        if (random.nextBoolean()) {
            b.reintegration(ReintegrationPolicy.afterGoodFrames(1 + random.nextInt(20), 1 + random.nextInt(3)));
        }
        b.duplex(random.nextBoolean() ? DuplexPolicy.holdLastGood(random.nextInt(6)) : DuplexPolicy.selectByPriority(1, 0));
        b.statusHold(random.nextInt(3));
        return b.build();
    }

    /** Random channel values: mostly close together, sometimes one off, frozen, invalid or stale. */
    static final class Feed {
        private final SplittableRandom random;
        final double[] values;
        long valid;
        long fresh;

        Feed(final int n, final SplittableRandom random) {
            this.random = random;
            this.values = new double[n];
        }

        void next(final long frame) {
            final double truth = 5 * Math.sin(frame * 0.05);
            valid = 0;
            fresh = 0;
            for (int i = 0; i < values.length; i++) {
                final int dice = random.nextInt(20);
                if (dice != 0) {
                    values[i] = truth + 0.01 * random.nextDouble() + (dice == 1 ? 4 : 0);
                }
                if (dice != 2) {
                    valid |= 1L << i;
                }
                if (dice != 3) {
                    fresh |= 1L << i;
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aManagerThatReadsAnothersWordsDecidesExactlyAsItDoes(final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final ChannelConfig config = config(random);
        final ChannelManager original = new ChannelManager(config, ChannelEventListener.NONE);
        final ChannelManager copy = new ChannelManager(config, ChannelEventListener.NONE);
        final ChannelOutput a = original.newOutput();
        final ChannelOutput b = copy.newOutput();
        final Feed feed = new Feed(config.channelCount(), random);
        final long handOver = 50 + random.nextInt(200);
        final long[] words = new long[original.stateWords()];
        for (long frame = 0; frame < handOver + 300; frame++) {
            feed.next(frame);
            if (frame == handOver) {
                original.writeState(words, 0);
                copy.readState(words, 0);
                final long[] again = new long[copy.stateWords()];
                copy.writeState(again, 0);
                assertArrayEquals(words, again, Seeds.replay(seed) + " read then written gives the same words");
            }
            original.update(frame, feed.values, feed.valid, feed.fresh, a);
            if (frame >= handOver) {
                copy.update(frame, feed.values, feed.valid, feed.fresh, b);
                assertEquals(Double.doubleToRawLongBits(a.value()), Double.doubleToRawLongBits(b.value()),
                    Seeds.replay(seed) + " frame " + frame);
                assertEquals(a.status(), b.status(), Seeds.replay(seed) + " frame " + frame);
                assertEquals(a.failedMask(), b.failedMask(), Seeds.replay(seed) + " frame " + frame);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anyWordsGiveAValidStateAndTheDigestAddsTheWrittenWords(final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final ChannelConfig config = config(random);
        final ChannelManager manager = new ChannelManager(config, ChannelEventListener.NONE);
        final ChannelOutput out = manager.newOutput();
        final long[] garbage = new long[manager.stateWords()];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = random.nextLong();
        }
        manager.readState(garbage, 0);
        final Feed feed = new Feed(config.channelCount(), random);
        for (long frame = 0; frame < 200; frame++) {
            feed.next(frame);
            final OutputStatus status = manager.update(frame, feed.values, feed.valid, feed.fresh, out);
            assertTrue(status.isCongruent(), "a manager alone never marks itself");
            assertEquals(status.hasValue(), Double.isFinite(out.value()),
                Seeds.replay(seed) + " a value with every status that has one, NaN without, frame " + frame);
            final long[] words = new long[manager.stateWords()];
            manager.writeState(words, 0);
            final StateDigest direct = new StateDigest();
            manager.addStateTo(direct);
            final StateDigest fromWords = new StateDigest();
            for (final long word : words) {
                fromWords.add(word);
            }
            assertEquals(fromWords.value(), direct.value(), Seeds.replay(seed) + " frame " + frame);
        }
    }
}
