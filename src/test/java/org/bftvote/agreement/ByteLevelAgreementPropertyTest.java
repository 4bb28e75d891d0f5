package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.bftvote.agreement.memory.LaneCluster;
import org.bftvote.testsupport.ByteAdversary.Behaviour;
import org.bftvote.testsupport.ByteAdversary;
import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement and validity through real bytes: lanes encode, the byte-level adversary rewrites the faulty lanes'
 * messages per receiver, the in-memory cluster delivers, the lanes decode and decide. Faulty lanes are chosen at
 * random within the budget; healthy lanes' readings are random, some missing.
 */
@Tag("AGR-1")
@Tag("VAL-1")
class ByteLevelAgreementPropertyTest {
    private static final int SIGNALS = 3;
    private static final int FRAMES = 6;

    static LongStream seeds() {
        return Seeds.seeds();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void omOneWithFourLanesAndOneArbitraryLane(final long seed) {
        run(seed, Lanes.om(4, 1, SIGNALS), 1, 0);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void omTwoWithSevenLanesAndTwoArbitraryLanes(final long seed) {
        run(seed, Lanes.om(7, 2, SIGNALS), 2, 0);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void hybridFiveLanesOneAsymmetricOneBenign(final long seed) {
        run(seed, Lanes.hybrid(5, 1, 1, 0, 1, SIGNALS), 1, 1);
    }

    private static void run(final long seed, final AgreementConfig config, final int arbitrary, final int benign) {
        final SplittableRandom random = Seeds.random(seed);
        final int n = config.lanes();
        final AgreementLane[] lanes = Lanes.lanes(config);
        final ByteAdversary adversary = new ByteAdversary(n, random.nextLong());
        final int[] order = shuffled(n, random);
        final boolean[] faulty = new boolean[n];
        final boolean[] isBenign = new boolean[n];
        for (int i = 0; i < arbitrary + benign; i++) {
            faulty[order[i]] = true;
            isBenign[order[i]] = i >= arbitrary;
            adversary.control(order[i], i < arbitrary ? Behaviour.ARBITRARY : Behaviour.MANIFEST);
        }
        final LaneCluster cluster = new LaneCluster(lanes, adversary);
        final long[][] readings = new long[n][SIGNALS];
        final byte[][] status = new byte[n][SIGNALS];
        final String why = Seeds.replay(seed) + " faulty=" + java.util.Arrays.toString(faulty) + " config=" + config;

        for (long frame = 0; frame < FRAMES; frame++) {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < SIGNALS; k++) {
                    readings[i][k] = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextLong();
                    status[i][k] = random.nextInt(8) == 0 ? EntryStatus.MISSING : EntryStatus.VALUE;
                }
            }
            cluster.runFrame(frame, readings, status);
            final int reference = firstHealthy(faulty);
            for (int j = 0; j < n; j++) {
                if (faulty[j]) {
                    continue;
                }
                for (int source = 0; source < n; source++) {
                    for (int k = 0; k <= SIGNALS; k++) {
                        final String at = why + " frame=" + frame + " lane=" + j + " source=" + source + " k=" + k;
                        assertEquals(lanes[reference].decidedStatus(source, k), lanes[j].decidedStatus(source, k),
                            "agreement (status) " + at);
                        assertEquals(lanes[reference].decidedWord(source, k), lanes[j].decidedWord(source, k),
                            "agreement (word) " + at);
                        if (k < SIGNALS && !faulty[source]) {
                            assertValidity(lanes[j], source, k, readings[source][k], status[source][k], at);
                        }
                        if (k < SIGNALS && isBenign[source]) {
                            assertEquals(EntryStatus.MISSING, lanes[j].decidedStatus(source, k),
                                "benign source decided missing " + at);
                        }
                    }
                }
                assertEquals(0, lanes[j].accusedMask() & ~faultyMask(faulty),
                    "no healthy lane accused " + why + " frame=" + frame);
            }
        }
    }

    private static void assertValidity(final AgreementLane lane, final int source, final int k, final long reading,
                                       final byte status, final String at) {
        if (status == EntryStatus.VALUE) {
            assertEquals(EntryStatus.VALUE, lane.decidedStatus(source, k), "validity (status) " + at);
            assertEquals(reading, lane.decidedWord(source, k), "validity (word) " + at);
        } else {
            assertNotEquals(EntryStatus.VALUE, lane.decidedStatus(source, k), "missing stays missing " + at);
        }
    }

    private static long faultyMask(final boolean[] faulty) {
        long mask = 0;
        for (int i = 0; i < faulty.length; i++) {
            mask |= faulty[i] ? 1L << i : 0;
        }
        return mask;
    }

    private static int firstHealthy(final boolean[] faulty) {
        int i = 0;
        while (faulty[i]) {
            i++;
        }
        return i;
    }

    private static int[] shuffled(final int n, final SplittableRandom random) {
        final int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
