package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.bftvote.channel.PersistencePolicy;
import org.bftvote.channel.StateDigest;
import org.junit.jupiter.api.Test;

/**
 * Lane health frame by frame, on hand-made agreed data (four lanes, f = 1): what each step reports, where a small
 * count of voters or accusers sits against the rules' bounds, and that a lane which adopts another's state words
 * then decides every later frame exactly as that lane does.
 */
class LaneHealthStepTest {
    private static final long ALL = 0b1111L;

    private static PipelineConfig config(final ReadmissionPolicy readmission) {
        return LanePipelineEndToEndTest.configBuilder(4, 1, 1).readmission(readmission).build();
    }

    private static long[] tags(final long... digests) {
        return RecoveryRulesTest.tags(digests);
    }

    @Test
    void twoVotersHoldingTwoDigestsDisagreeAndOnlyTheReferenceIsTheReference() {
        final LaneHealth health = new LaneHealth(config(ReadmissionPolicy.never()), 100);
        assertFalse(health.isReference(0), "no step yet: no reference digest");
        // Only lanes 0 and 1 heard: one voter differs, and the reference is held by no more voters than differ.
        health.step(0, 0b0011L, new long[4], tags(7, 9, 7, 7));
        assertEquals(0b0010L, health.incongruentMask());
        assertEquals(HypothesisFlags.DIGESTS_DISAGREE | HypothesisFlags.UNCONFIRMED, health.agreedFlags());
        assertTrue(health.isReference(7));
        assertFalse(health.isReference(9), "the incongruent lane's digest is not the reference");
        health.step(1, 0L, new long[4], tags(7, 7, 7, 7));
        assertFalse(health.isReference(0), "no lane heard: no reference digest, not even 0");
        assertEquals(HypothesisFlags.UNCONFIRMED, health.agreedFlags());
    }

    @Test
    void eachStepNamesTheLanesItExcludedAndReadmittedAndTheAccusationLevelsRise() {
        final PipelineConfig config = config(ReadmissionPolicy.afterCleanFrames(2, 3));
        final LaneHealth health = new LaneHealth(config, 100);
        assertSame(config.exclusion(), health.exclusionPolicy());
        final long[] accuseThree = {0b1000L, 0b1000L, 0, 0};
        for (int f = 0; f < 2; f++) {
            health.step(f, ALL, accuseThree, tags(1, 1, 1, 1));
            assertEquals(f + 1, health.accusationLevel(3), "level after frame " + f);
            assertEquals(0, health.accusationLevel(2));
            assertEquals(0L, health.newlyExcluded());
        }
        health.step(2, ALL, accuseThree, tags(1, 1, 1, 1));
        assertEquals(0b1000L, health.newlyExcluded(), "consecutive(3) trips at the third frame");
        assertEquals(0b1000L, health.excludedMask());
        assertEquals(2, health.exclusionFrame(3));
        assertEquals(0L, health.readmitted());
        // Two accusers are f + 1: an excluded lane they accuse has no clean frame, however long it lasts.
        for (int f = 3; f < 13; f++) {
            health.step(f, ALL, accuseThree, tags(1, 1, 1, 1));
            assertEquals(0L, health.newlyExcluded(), "frame " + f);
            assertEquals(0L, health.readmitted(), "accused by f + 1 lanes, frame " + f);
            assertEquals(0, health.agreedFlags(), "an excluded lane's accusations raise no flag, frame " + f);
        }
        // One accuser is fewer than f + 1: two such frames are the policy's clean frames.
        final long[] oneAccuser = {0b1000L, 0, 0, 0};
        health.step(13, ALL, oneAccuser, tags(1, 1, 1, 1));
        assertEquals(0L, health.readmitted());
        health.step(14, ALL, oneAccuser, tags(1, 1, 1, 1));
        assertEquals(0b1000L, health.readmitted());
        assertEquals(0L, health.excludedMask());
        assertEquals(1, health.readmissions(3));
        assertEquals(LaneHealth.NOT_EXCLUDED, health.exclusionFrame(3));
        health.step(15, ALL, new long[4], tags(1, 1, 1, 1));
        assertEquals(0L, health.readmitted(), "reported by the frame that readmitted it only");
    }

    @Test
    void aLaneThatAdoptsAnothersStateWordsDecidesEveryLaterFrameAsThatLaneDoes() {
        // Random agreed data drives one lane health; at random frames a second one takes its state words, and both
        // then step the same frames: every result must agree, frame by frame. The trials must reach states in which
        // each part of the words matters (a run of exceeded frames, a clean run, a readmission, a rising level), or
        // the check proves less than it says.
        final PipelineConfig config = config(ReadmissionPolicy.afterCleanFrames(3, 4));
        final SplittableRandom random = new SplittableRandom(0x4EA17L);
        boolean sawExceededRun = false;
        boolean sawCleanRun = false;
        boolean sawReadmission = false;
        boolean sawLevel = false;
        for (int trial = 0; trial < 300; trial++) {
            final String seed = "trial " + trial;
            final LaneHealth original = new LaneHealth(config, 6);
            final int warmUp = random.nextInt(40);
            long frame = 0;
            for (; frame < warmUp; frame++) {
                stepRandomly(random, original, null, frame);
            }
            final long[] words = new long[original.stateWords()];
            original.writeState(words, 0);
            final StateDigest fromWords = new StateDigest();
            for (final long word : words) {
                fromWords.add(word);
            }
            final StateDigest direct = new StateDigest();
            original.addStateTo(direct);
            assertEquals(fromWords.value(), direct.value(), seed + ": the digest adds exactly the written words");

            sawExceededRun |= (words[0] >>> 32) != 0 && (words[0] & 0xFFFF_FFFFL) != 0;
            for (int j = 0; j < 4; j++) {
                sawLevel |= (words[1 + j] & 0xF_FFFFL) != 0;
                sawCleanRun |= (words[1 + j] >>> 20 & 0xF_FFFFL) != 0;
                sawReadmission |= (words[1 + j] >>> 40) != 0;
            }
            final LaneHealth adopted = new LaneHealth(config, 6);
            adopted.readState(words, 0);
            final long[] again = new long[adopted.stateWords()];
            adopted.writeState(again, 0);
            assertArrayEquals(words, again, seed + ": the adopted state writes the same words");
            for (int i = 0; i < 30; i++, frame++) {
                stepRandomly(random, original, adopted, frame);
                assertDecidesAlike(original, adopted, seed + ", frame " + frame);
            }
        }
        assertTrue(sawExceededRun && sawCleanRun && sawReadmission && sawLevel,
            "states reached: exceeded run " + sawExceededRun + ", clean run " + sawCleanRun + ", readmission "
                + sawReadmission + ", level " + sawLevel);
    }

    /** One frame of random agreed data on {@code a} and, if given, the same on {@code b}. */
    private static void stepRandomly(final SplittableRandom random, final LaneHealth a, final LaneHealth b,
                                     final long frame) {
        final long heard = random.nextInt(6) == 0 ? ALL & ~(1L << random.nextInt(4)) : ALL;
        final long[] accusations = new long[4];
        // Lane 3 misbehaves in runs (accused, then quiet for a while), so exclusions and readmissions both happen.
        final boolean misbehaves = frame % 16 < 8 && random.nextInt(8) != 0;
        for (int j = 0; j < 4; j++) {
            if (misbehaves && random.nextInt(4) != 0) {
                accusations[j] = 1L << 3;
            }
            if (random.nextInt(10) == 0) {
                accusations[j] |= 1L << random.nextInt(4);
            }
        }
        final long[] tags = tags(1, 1, 1, 1);
        if (random.nextInt(3) == 0) {
            tags[random.nextInt(4)] = StateTag.of(2, false) & 0xFFFF_FFFFL;
            tags[random.nextInt(4)] = StateTag.of(3, false) & 0xFFFF_FFFFL;
        }
        a.step(frame, heard, accusations.clone(), tags.clone());
        if (b != null) {
            b.step(frame, heard, accusations.clone(), tags.clone());
        }
    }

    private static void assertDecidesAlike(final LaneHealth expected, final LaneHealth actual, final String where) {
        assertEquals(expected.excludedMask(), actual.excludedMask(), where + ": excluded");
        assertEquals(expected.newlyExcluded(), actual.newlyExcluded(), where + ": newly excluded");
        assertEquals(expected.readmitted(), actual.readmitted(), where + ": readmitted");
        assertEquals(expected.accusedMask(), actual.accusedMask(), where + ": accused");
        assertEquals(expected.agreedFlags(), actual.agreedFlags(), where + ": flags");
        for (int j = 0; j < 4; j++) {
            assertEquals(expected.accusationLevel(j), actual.accusationLevel(j), where + ": level of " + j);
            assertEquals(expected.readmissions(j), actual.readmissions(j), where + ": readmissions of " + j);
            assertEquals(expected.exclusionFrame(j), actual.exclusionFrame(j), where + ": exclusion frame of " + j);
        }
    }

    @Test
    void aLaneNotExcludedInTheWordsTakesNoExclusionFrameFromThem() {
        final LaneHealth health = new LaneHealth(config(ReadmissionPolicy.afterCleanFrames(10, 2)), 50);
        final long[] words = new long[health.stateWords()];
        words[0] = 0b0001L;
        java.util.Arrays.fill(words, 5, 9, 42L);
        health.readState(words, 0);
        assertEquals(0b0001L, health.excludedMask());
        assertEquals(42L, health.exclusionFrame(0));
        for (int j = 1; j < 4; j++) {
            assertEquals(LaneHealth.NOT_EXCLUDED, health.exclusionFrame(j), "lane " + j + " is not excluded");
        }
    }

    @Test
    void theExclusionPolicyIsThePipelines() {
        final PipelineConfig config = LanePipelineEndToEndTest.configBuilder(4, 1, 1)
            .exclusion(PersistencePolicy.leaky(2, 1, 5)).build();
        assertSame(config.exclusion(), new LaneHealth(config, 10).exclusionPolicy());
    }
}
