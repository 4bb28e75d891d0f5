package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.bftvote.channel.ChannelEventListener;
import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;
import org.junit.jupiter.api.Test;

/**
 * The window's record and replay on their own (four lanes, f = 1): replaying the first frames of a window steps a
 * block exactly as the frames themselves did, row by row, with each row's own diagnosis or channel inputs, and no
 * frame past the count.
 */
class WindowInputsTest {
    private static final int LANES = 4;
    private static final int ROWS = 4;
    private static final long ALL = 0b1111L;

    private static final PipelineConfig CONFIG = LanePipelineEndToEndTest.config(LANES, 1, 1);

    /** Row j's heard lanes, accusation words and tags: every row differs from the others in each. */
    private static final long[] HEARD = {ALL, 0b0011L, ALL, 0b0111L};
    private static final long[][] ACCUSATIONS = {
        {0b1000L, 0b1000L, 0, 0}, {0b1000L, 0, 0b1000L, 0}, {0, 0b0100L, 0, 0b0100L}, {0b1000L, 0b1000L, 0b1000L, 0}};
    private static final long[][] TAGS = {
        RecoveryRulesTest.tags(7, 7, 7, 7), RecoveryRulesTest.tags(7, 9, 7, 7), RecoveryRulesTest.tags(5, 5, 5, 6),
        RecoveryRulesTest.tags(3, 3, 4, 3)};

    private static long[] stateOf(final LaneHealth health) {
        final long[] words = new long[health.stateWords()];
        health.writeState(words, 0);
        return words;
    }

    private static long[] stateOf(final ChannelManager manager) {
        final long[] words = new long[manager.stateWords()];
        manager.writeState(words, 0);
        return words;
    }

    /** Replaying the first {@code count} rows of a health window leaves lane health as stepping those frames did. */
    @Test
    void aReplayedHealthWindowStepsLaneHealthThroughEachRowsOwnDiagnosis() {
        final WindowInputs window = new WindowInputs(LANES, ROWS);
        for (int j = 0; j < ROWS; j++) {
            window.recordDiagnosis(j, 20 + j, HEARD[j], ACCUSATIONS[j].clone(), TAGS[j].clone());
        }
        for (int count = 1; count <= ROWS; count++) {
            final LaneHealth direct = new LaneHealth(CONFIG, 100);
            for (int j = 0; j < count; j++) {
                direct.step(20 + j, HEARD[j], ACCUSATIONS[j].clone(), TAGS[j].clone());
            }
            final LaneHealth replayed = new LaneHealth(CONFIG, 100);
            window.replayDiagnosis(replayed, count, new long[LANES], new long[LANES]);
            final String rows = count + " rows";
            assertArrayEquals(stateOf(direct), stateOf(replayed), rows);
            assertEquals(direct.accusedMask(), replayed.accusedMask(), rows);
            assertEquals(direct.incongruentMask(), replayed.incongruentMask(), rows);
            assertEquals(direct.agreedFlags(), replayed.agreedFlags(), rows);
            for (int lane = 0; lane < LANES; lane++) {
                assertEquals(direct.accusationLevel(lane), replayed.accusationLevel(lane), rows + ", lane " + lane);
            }
        }
    }

    /** The rows above are not alike: replaying any other row in place of the last gives another lane health. */
    @Test
    void eachHealthRowLeavesItsOwnMarkSoAReplayOfTheWrongRowWouldShow() {
        for (int last = 0; last < ROWS; last++) {
            for (int other = 0; other < ROWS; other++) {
                if (other == last) {
                    continue;
                }
                final LaneHealth right = new LaneHealth(CONFIG, 100);
                right.step(last, HEARD[last], ACCUSATIONS[last].clone(), TAGS[last].clone());
                final LaneHealth wrong = new LaneHealth(CONFIG, 100);
                wrong.step(last, HEARD[last], ACCUSATIONS[other].clone(), TAGS[other].clone());
                final boolean differs = right.accusedMask() != wrong.accusedMask()
                    || right.incongruentMask() != wrong.incongruentMask()
                    || right.agreedFlags() != wrong.agreedFlags();
                assertTrue(differs, "row " + other + "'s accusations and tags in place of row " + last + "'s");
            }
        }
    }

    /** Replaying the first {@code count} rows of a manager window leaves the manager as those frames' updates did. */
    @Test
    void aReplayedChannelWindowUpdatesTheManagerThroughEachRowAndNoFurther() {
        final ChannelManager template = new ChannelManager(CONFIG.channel(0), ChannelEventListener.NONE);
        final double[][] values = new double[ROWS][LANES];
        final long[] valid = {ALL, 0b0111L, 0b0011L, ALL};
        final long[] fresh = {ALL, 0b0101L, 0b0001L, 0b1110L};
        final long[] present = {ALL, ALL, 0b0111L, ALL};
        final WindowInputs window = new WindowInputs(LANES, ROWS);
        for (int j = 0; j < ROWS; j++) {
            for (int lane = 0; lane < LANES; lane++) {
                values[j][lane] = 10.0 + j + 0.25 * lane * (j + 1);
            }
            window.recordChannels(j, 30 + j, values[j].clone(), valid[j], fresh[j], present[j]);
        }
        long[] previous = stateOf(template);
        for (int count = 1; count <= ROWS; count++) {
            final ChannelManager direct = new ChannelManager(CONFIG.channel(0), ChannelEventListener.NONE);
            final ChannelOutput out = direct.newOutput();
            for (int j = 0; j < count; j++) {
                direct.update(30 + j, values[j].clone(), valid[j], fresh[j], present[j], out);
            }
            final ChannelManager replayed = new ChannelManager(CONFIG.channel(0), ChannelEventListener.NONE);
            window.replayChannels(replayed, count, new ChannelOutput(LANES));
            final long[] state = stateOf(direct);
            assertArrayEquals(state, stateOf(replayed), count + " rows");
            assertFalse(Arrays.equals(previous, state), "row " + (count - 1) + " changes the state");
            previous = state;
        }
    }
}
