package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The deterministic rules of recovery one by one (RCV-9): the plurality, the sync schedule and its windows, the
 * state tag, and lane health's congruence, exclusion, readmission and amnesty on hand-made agreed data.
 */
@Tag("RCV-9")
class RecoveryRulesTest {
    @Test
    void pluralityTakesAStrictMajorityOrTheMostHeldWordWithTheLowestFirstHolder() {
        assertEquals(1, Plurality.winner(new long[] {5, 7, 7, 7}, 0b1111L), "strict majority");
        assertEquals(0, Plurality.winner(new long[] {5, 7, 5, 7}, 0b1111L), "tie: lowest first holder");
        assertEquals(1, Plurality.winner(new long[] {5, 7, 9, 7}, 0b1110L), "only the given lanes");
        assertEquals(-1, Plurality.winner(new long[] {5, 7}, 0L));
        assertEquals(2, Plurality.holders(new long[] {5, 7, 5, 7}, 0b1111L, 7));
        assertEquals(0b1010L, Plurality.others(new long[] {5, 7, 5, 7}, 0b1111L, 5));
    }

    @Test
    void theSyncScheduleGivesEachBlockAWindowOfItsWords() {
        final StateSync sync = new StateSync(new int[] {2, 3});
        assertEquals(5, sync.cycleLength());
        sync.beginFrame(10, true);
        assertEquals(0, sync.activeBlock());
        assertTrue(sync.windowStarts());
        sync.ownWords()[0] = 11;
        sync.ownWords()[1] = 12;
        assertEquals(11, sync.wordToSend());
        sync.agree(new long[] {11, 11, 99}, 0b111L);
        sync.beginFrame(11, true);
        assertTrue(sync.windowEnds());
        sync.agree(new long[] {12, 13, 13}, 0b111L);
        assertTrue(sync.windowValid());
        assertTrue(sync.ownDiffers());
        assertArrayEquals(new long[] {11, 13}, new long[] {sync.agreedWords()[0], sync.agreedWords()[1]});
        sync.beginFrame(12, true);
        assertEquals(1, sync.activeBlock());
        assertEquals(0, sync.wordIndex());
        sync.beginFrame(14, false);
        assertFalse(sync.windowValid(), "a jump in frames spoils the window");
        sync.beginFrame(-3, true);
        assertEquals(1, sync.activeBlock(), "negative frames follow the same cycle");
    }

    @Test
    void theScheduleSteppedFrameByFrameIsWhereEachFrameIsPlacedAfresh() {
        // The schedule steps one frame at a time without dividing; every frame must land where a schedule that sees
        // only that frame puts it: runs of consecutive frames, jumps, negative frames and the wrap of the frame
        // counter from its largest value to its smallest.
        final java.util.SplittableRandom random = new java.util.SplittableRandom(20261204L);
        for (int trial = 0; trial < 200; trial++) {
            final int[] blocks = new int[1 + random.nextInt(6)];
            for (int b = 0; b < blocks.length; b++) {
                blocks[b] = 1 + random.nextInt(7);
            }
            final StateSync stepped = new StateSync(blocks);
            long frame = trial % 3 == 0 ? Long.MAX_VALUE - random.nextInt(40) : random.nextLong();
            for (int i = 0; i < 120; i++) {
                frame = random.nextInt(10) == 0 ? frame + random.nextInt(-50, 50) : frame + 1;
                stepped.beginFrame(frame, true);
                final StateSync placed = new StateSync(blocks);
                placed.beginFrame(frame, true);
                assertEquals(placed.activeBlock(), stepped.activeBlock(), "block of frame " + frame);
                assertEquals(placed.wordIndex(), stepped.wordIndex(), "word of frame " + frame);
            }
        }
    }

    @Test
    void theTagHoldsA31BitDigestAndTheSyncingBit() {
        final int tag = StateTag.of(0xFFFF_FFFF_FFFF_FFFFL, true);
        assertEquals(0x7FFF_FFFFL, StateTag.digest(tag));
        assertTrue(StateTag.syncing(tag));
        assertFalse(StateTag.syncing(StateTag.of(5, false)));
        assertEquals(5, StateTag.digest(StateTag.of(5, false)));
    }

    private static LaneHealth health(final ReadmissionPolicy policy, final int amnesty) {
        return new LaneHealth(LanePipelineEndToEndTest.configBuilder(4, 1, 1).readmission(policy).build(), amnesty);
    }

    /** Agreed tags (not syncing) holding these digests, as lane health reads them. */
    static long[] tags(final long... digests) {
        final long[] tags = new long[digests.length];
        for (int i = 0; i < digests.length; i++) {
            tags[i] = StateTag.of(digests[i], false) & 0xFFFF_FFFFL;
        }
        return tags;
    }

    @Test
    void oneIncongruentLaneIsWithinTheBudgetTwoAreNot() {
        final LaneHealth health = health(ReadmissionPolicy.never(), 1000);
        health.step(0, 0b1111L, new long[4], tags(1, 1, 1, 2));
        assertEquals(0b1000L, health.incongruentMask());
        assertEquals(0, health.agreedFlags());
        health.step(1, 0b1111L, new long[4], tags(1, 1, 2, 3));
        assertEquals(HypothesisFlags.DIGESTS_DISAGREE | HypothesisFlags.UNCONFIRMED, health.agreedFlags(),
            "two of four differ; the reference is held by two");
        final long[] syncing = tags(1, 1, 1, 2);
        syncing[3] = StateTag.of(2, true) & 0xFFFF_FFFFL;
        health.step(2, 0b1111L, new long[4], syncing);
        assertEquals(0, health.incongruentMask(), "a lane that declares itself syncing does not vote");
    }

    @Test
    void accusedLanesAreExcludedAfterThePersistenceAndAmnestyTakesThemBack() {
        final LaneHealth health = health(ReadmissionPolicy.afterCleanFrames(1000, 1), 5);
        final long[] accuseTwoAndThree = {0b1100L, 0b1100L, 0, 0};
        for (int f = 0; f < 3; f++) {
            health.step(f, 0b1111L, accuseTwoAndThree, tags(1, 1, 1, 1));
        }
        assertEquals(0b1100L, health.excludedMask(), "consecutive(3)");
        int f = 3;
        for (; health.excludedMask() != 0 && f < 20; f++) {
            health.step(f, 0b1111L, accuseTwoAndThree, tags(1, 1, 1, 1));
            if (health.excludedMask() != 0) {
                assertEquals(HypothesisFlags.UNCONFIRMED, health.agreedFlags(), "two of four left, frame " + f);
            }
        }
        // Two lanes accused beyond the budget from frame 0, then two of four unconfirmed: amnesty at the fifth frame.
        assertEquals(5, f, "five frames of agreed flags, then amnesty");
        assertEquals(1, health.readmissions(2));
        for (int g = 0; g < 3; g++) {
            health.step(f++, 0b1111L, accuseTwoAndThree, tags(1, 1, 1, 1));
        }
        assertEquals(0b1100L, health.excludedMask(), "accused again");
        for (int g = 0; g < 20; g++) {
            health.step(f++, 0b1111L, accuseTwoAndThree, tags(1, 1, 1, 1));
        }
        assertEquals(0b1100L, health.excludedMask(), "no readmission left: no more amnesty for them");
    }

    @Test
    void lookedAtAsWordsLaneHealthReadsBackWhatItWroteAndAnyWordsAreValid() {
        final LaneHealth health = health(ReadmissionPolicy.afterCleanFrames(10, 2), 50);
        for (int f = 0; f < 4; f++) {
            health.step(f, 0b1111L, new long[] {0b0010L, 0b0000L, 0b0010L, 0}, tags(1, 1, 1, 1));
        }
        final long[] words = new long[health.stateWords()];
        health.writeState(words, 0);
        final org.bftvote.channel.StateDigest direct = new org.bftvote.channel.StateDigest();
        health.addStateTo(direct);
        final org.bftvote.channel.StateDigest fromWords = new org.bftvote.channel.StateDigest();
        for (final long word : words) {
            fromWords.add(word);
        }
        assertEquals(fromWords.value(), direct.value(), "the digest adds exactly the written words");
        final LaneHealth copy = health(ReadmissionPolicy.afterCleanFrames(10, 2), 50);
        copy.readState(words, 0);
        final long[] again = new long[copy.stateWords()];
        copy.writeState(again, 0);
        assertArrayEquals(words, again);
        final long[] garbage = {-1L, -1L, -1L, -1L, -1L, -1L, -1L, -1L, -1L};
        copy.readState(garbage, 0);
        assertEquals(0b1111L, copy.excludedMask(), "only the lanes there are");
        assertEquals(2, copy.readmissions(0), "clamped to the policy");
    }
}
