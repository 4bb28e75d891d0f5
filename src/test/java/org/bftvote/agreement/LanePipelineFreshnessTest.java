package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.ExclusionReason;
import org.bftvote.channel.RedundancyLevel;
import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Freshness through the pipeline: each reading's freshness is agreed (its entry status, VALUE or HELD), so the managers' STALE check
 * acts on agreed data, at the same frame on every healthy lane, and a lane lying about freshness cannot split them.
 */
class LanePipelineFreshnessTest {
    private static final int LANES = 4;
    private static final int SIGNALS = 4;
    private static final int STALE_LIMIT = 4;
    /** Signal 0 is a 20 Hz sensor in a 100 Hz frame: a new sample every 5th frame on every lane. */
    private static final int SLOW = 0;
    private static final int SLOW_DIVIDER = 5;
    private static final int DEAD_LANE = 2;
    private static final int DEAD_SIGNAL = 3;
    private static final int DIES = 200;
    private static final int FRAMES = 600;

    private static PipelineConfig config() {
        return PipelineConfig.builder(LANES, 1, SIGNALS)
            .allSignals(ChannelConfig.builder(LANES).miscompareThreshold(0.5).staleLimit(STALE_LIMIT).build())
            .build();
    }

    /**
     * Each lane's readings and fresh flags: signal {@link #SLOW} holds its sample between new ones, the others are
     * sampled every frame; from {@link #DIES} on, lane {@link #DEAD_LANE}'s sensor of {@link #DEAD_SIGNAL} repeats
     * its last sample and is no longer fresh.
     */
    private static void sense(final long frame, final SplittableRandom random, final double[][] readings,
                              final long[] fresh) {
        for (int i = 0; i < LANES; i++) {
            fresh[i] = 0;
            for (int k = 0; k < SIGNALS; k++) {
                final boolean sampled = k == SLOW ? frame % SLOW_DIVIDER == 0
                    : !(i == DEAD_LANE && k == DEAD_SIGNAL && frame >= DIES);
                if (sampled) {
                    // Slow enough (at most 0.02 a frame) that the repeated sample does not miscompare first.
                    readings[i][k] = 10.0 * Math.sin(frame * 0.0005 * (k + 1)) + 0.01 * (random.nextDouble() - 0.5);
                    fresh[i] |= 1L << k;
                }
            }
        }
    }

    @Test
    void aSensorThatStopsDeliveringIsStaleOnEveryLaneAtTheSameFrameAndSlowSensorsAreNot() {
        final PipelineCluster system = new PipelineCluster(config(), MessageInterceptor.PASS);
        final SplittableRandom random = new SplittableRandom(0xF4E5L);
        final double[][] readings = new double[LANES][SIGNALS];
        final long[] valid = {-1L, -1L, -1L, -1L};
        final long[] fresh = new long[LANES];
        // Five frames in a row without a new sample exceed the limit of 4: rejected at DIES + 4, and after the
        // default persistence of 3 bad frames latched at DIES + 6.
        final long staleAt = DIES + STALE_LIMIT;
        final long latchedAt = staleAt + PipelineConfig.DEFAULT_EXCLUSION_FRAMES - 1;
        for (long frame = 0; frame < FRAMES; frame++) {
            sense(frame, random, readings, fresh);
            system.runFrame(frame, readings, valid, fresh);
            for (int lane = 0; lane < LANES; lane++) {
                final LanePipeline p = system.pipeline(lane);
                final String where = "frame " + frame + " lane " + lane;
                for (int k = 0; k < SIGNALS; k++) {
                    LanePipelineEndToEndTest.assertIdentical(system.pipeline(0).output(k), p.output(k),
                        where + " signal " + k);
                }
                for (int j = 0; j < LANES; j++) {
                    assertEquals(fresh[j], p.agreedFreshWord(j), "agreed fresh word of " + j + ", " + where);
                }
                assertEquals(0L, p.output(SLOW).rejectedMask(), "a healthy slow sensor is never stale, " + where);
                assertEquals(0L, p.output(SLOW).failedMask(), "slow signal, " + where);
                final ChannelOutput dead = p.output(DEAD_SIGNAL);
                final long deadBit = 1L << DEAD_LANE;
                if (frame < staleAt) {
                    assertEquals(0L, dead.rejectedMask(), "not yet stale, " + where);
                } else if (frame < latchedAt) {
                    assertEquals(deadBit, dead.rejectedMask(), "stale, " + where);
                    assertEquals(ExclusionReason.STALE, dead.frameReason(DEAD_LANE), "stale, " + where);
                    assertFalse(dead.isFailed(DEAD_LANE), "not yet latched, " + where);
                } else {
                    assertEquals(deadBit, dead.failedMask(), "latched, " + where);
                    assertEquals(ExclusionReason.STALE, dead.failureReason(DEAD_LANE), "latched stale, " + where);
                    assertEquals(RedundancyLevel.TRIPLEX, dead.level(), where);
                    assertTrue(dead.status().hasValue(), where);
                }
                assertEquals(0L, p.excludedMask(), "no lane is excluded for a dead sensor, " + where);
            }
        }
    }

    @Test
    void theThreeArgumentFormCountsEveryValidReadingAsFresh() {
        final PipelineConfig config = PipelineConfig.builder(LANES, 1, SIGNALS)
            .allSignals(ChannelConfig.builder(LANES).miscompareThreshold(0.5).staleLimit(0).build())
            .build();
        final PipelineCluster system = new PipelineCluster(config, MessageInterceptor.PASS);
        final double[][] readings = new double[LANES][SIGNALS];
        final long[] valid = {-1L, -1L, 0b0111L, -1L};
        for (long frame = 0; frame < 50; frame++) {
            system.runFrame(frame, readings, valid);
            for (int lane = 0; lane < LANES; lane++) {
                for (int j = 0; j < LANES; j++) {
                    assertEquals(valid[j] & 0b1111L, system.pipeline(lane).agreedFreshWord(j), "frame " + frame);
                }
                // Stale limit 0: any valid channel not counted fresh would be rejected at once.
                for (int k = 0; k < SIGNALS - 1; k++) {
                    assertEquals(0L, system.pipeline(lane).output(k).rejectedMask(), "frame " + frame);
                }
            }
        }
    }

    static LongStream seeds() {
        return Seeds.seeds();
    }

    /**
     * Lane 3 reports its own readings' freshness and relays every other lane's with a different status (VALUE or
     * HELD, drawn afresh) to each receiver, in every round, from a random frame on. The healthy lanes still agree on
     * every lane's freshness (a healthy source's as it sent it), so their STALE decisions and outputs stay
     * bit-identical, and the liar is excluded at the same frame on each of them.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aLaneLyingAboutFreshnessTwoFacedlyCannotSplitTheHealthyLanes(final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final int liar = 3;
        final long liesFrom = random.nextInt(20, 60);
        final FreshnessLiar adversary = new FreshnessLiar(liar, SIGNALS, liesFrom, random.nextLong());
        final PipelineConfig config = PipelineConfig.builder(LANES, 1, SIGNALS)
            .allSignals(ChannelConfig.builder(LANES).miscompareThreshold(0.5).staleLimit(1).build())
            .build();
        final PipelineCluster system = new PipelineCluster(config, adversary);
        final double[][] readings = new double[LANES][SIGNALS];
        final long[] valid = {-1L, -1L, -1L, -1L};
        final long[] fresh = new long[LANES];
        final String why = Seeds.replay(seed) + " liesFrom=" + liesFrom;
        for (long frame = 0; frame < 120; frame++) {
            for (int i = 0; i < LANES; i++) {
                fresh[i] = random.nextLong() & random.nextLong() | random.nextLong() & random.nextLong();
                for (int k = 0; k < SIGNALS; k++) {
                    readings[i][k] = k + 0.01 * random.nextDouble();
                }
            }
            system.runFrame(frame, readings, valid, fresh);
            final LanePipeline reference = system.pipeline(0);
            for (int lane = 0; lane < liar; lane++) {
                final LanePipeline p = system.pipeline(lane);
                final String where = why + " frame " + frame + " lane " + lane;
                for (int j = 0; j < LANES; j++) {
                    assertEquals(reference.agreedFreshWord(j), p.agreedFreshWord(j), "agreed word " + j + where);
                    if (j != liar) {
                        assertEquals(fresh[j] & 0b1111L, p.agreedFreshWord(j), "validity, source " + j + where);
                    }
                }
                for (int k = 0; k < SIGNALS; k++) {
                    LanePipelineEndToEndTest.assertIdentical(reference.output(k), p.output(k), where + " k " + k);
                }
                assertEquals(reference.excludedMask(), p.excludedMask(), "excluded" + where);
                assertEquals(0L, p.excludedMask() & 0b0111L, "no healthy lane excluded" + where);
            }
        }
        for (int lane = 1; lane < liar; lane++) {
            assertEquals(system.pipeline(0).exclusionFrame(liar), system.pipeline(lane).exclusionFrame(liar), why);
        }
    }

    /**
     * Rewrites the status of every value entry of a host signal in one lane's messages, per receiver, to VALUE or
     * HELD at random (CRC re-sealed), from a given frame on: freshness travels as that status. Allocates nothing per
     * message.
     */
    private static final class FreshnessLiar implements MessageInterceptor {
        private final int liar;
        private final int signals;
        private final long from;
        private final SplittableRandom random;
        private final IcMessageCodec codec = new IcMessageCodec();

        FreshnessLiar(final int liar, final int signals, final long from, final long seed) {
            this.liar = liar;
            this.signals = signals;
            this.from = from;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int intercept(final long frame, final int round, final int sender, final int receiver,
                             final byte[] buffer, final int offset, final int length, final int capacity) {
            if (sender != liar || frame < from) {
                return length;
            }
            final int count = IcMessage.entryCount(buffer, offset);
            for (int e = 0; e < count; e++) {
                final int entry = IcMessage.entryOffset(offset, e);
                if (IcMessage.entrySignal(buffer, entry) < signals
                    && EntryStatus.isValue(IcMessage.entryStatus(buffer, entry))) {
                    // Receiver-dependent: a different lie to each healthy lane.
                    buffer[entry + IcMessage.ENTRY_STATUS_OFFSET] =
                        random.nextBoolean() ? EntryStatus.VALUE : EntryStatus.HELD;
                }
            }
            return codec.seal(buffer, offset);
        }
    }
}
