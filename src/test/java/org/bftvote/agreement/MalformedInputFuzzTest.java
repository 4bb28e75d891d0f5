package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.bftvote.testsupport.AllocationMeter;
import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 100,000 malformed messages (random bytes, truncations, bit flips, and forged fields under a valid CRC) fed to a
 * lane: none throws, none allocates, and every one is either accepted or counted under exactly one reason.
 */
@Tag("AGR-3")
class MalformedInputFuzzTest {
    private static final int MESSAGES = 100_000;
    private static final long SEED = 0xF022L;

    private final AgreementConfig config = Lanes.om(4, 1, 4);
    private final AgreementLane[] lanes = Lanes.lanes(config);
    private final byte[][] genuine = new byte[2][];
    private final int[] genuineLength = new int[2];
    private final byte[] work = new byte[lanes[0].maxMessageLength() + 64];
    private final IcMessageCodec codec = new IcMessageCodec();
    private final SplittableRandom random = Seeds.random(SEED);
    private long accepted;
    /** Messages fed: the meter runs the loop 3 times, or up to 5 when a loaded machine charges a late JIT compile. */
    private long fed;

    MalformedInputFuzzTest() {
        for (final AgreementLane lane : lanes) {
            lane.beginFrame(3, new long[] {1, 2, 3, 4}, new byte[] {0, 0, 0, 0});
        }
        for (int round = 1; round <= 2; round++) {
            genuine[round - 1] = new byte[lanes[1].maxMessageLength()];
            genuineLength[round - 1] = lanes[1].encodeRound(round, 0, genuine[round - 1], 0);
            lanes[1].closeRound(round);
        }
    }

    private void feed(final int messages) {
        final AgreementLane lane = lanes[0];
        for (int i = 0; i < messages; i++) {
            final int which = random.nextInt(2);
            final byte[] source = genuine[which];
            int length = genuineLength[which];
            System.arraycopy(source, 0, work, 0, length);
            switch (random.nextInt(6)) {
                case 0: // random bytes of random length
                    length = random.nextInt(work.length + 1);
                    for (int b = 0; b < length; b++) {
                        work[b] = (byte) random.nextInt(256);
                    }
                    break;
                case 1: // truncation
                    length = random.nextInt(length);
                    break;
                case 2: // 1 to 4 bit flips
                    for (int f = 1 + random.nextInt(4); f > 0; f--) {
                        final int bit = random.nextInt(length * 8);
                        work[bit / 8] ^= (byte) (1 << (bit % 8));
                    }
                    break;
                case 3: // a random byte rewritten, CRC made valid again
                    work[random.nextInt(length - IcMessage.CRC_LENGTH)] = (byte) random.nextInt(256);
                    if (IcMessage.length(IcMessage.entryCount(work, 0)) <= work.length) {
                        codec.seal(work, 0);
                    }
                    break;
                case 4: // a random link
                    break;
                default: // genuine (accepted once per round, then a duplicate)
                    break;
            }
            final int link = random.nextInt(8) == 0 ? random.nextInt(6) - 1 : 1;
            if (lane.onMessage(link, work, 0, length) == AgreementLane.ACCEPTED) {
                accepted++;
            }
            fed++;
        }
    }

    @Test
    void neverThrowsNeverAllocatesAndCountsEveryMessage() {
        final long bytes = AllocationMeter.measure(() -> feed(MESSAGES));
        assertEquals(0, bytes, "bytes allocated while decoding " + MESSAGES + " malformed messages");

        final DropCounters drops = lanes[0].dropCounters();
        assertEquals(fed, drops.total() + accepted, "every message accepted or counted once");
        assertTrue(fed >= 3L * MESSAGES && fed % MESSAGES == 0, fed + " messages fed: whole runs of the loop");
        assertEquals(2, accepted, "only the two genuine messages, once each");
        assertEquals(0, drops.count(DropReason.ENGINE_REJECTED), "reserved, never returned");
        for (final DropReason reason : new DropReason[] {DropReason.TRUNCATED, DropReason.LENGTH_MISMATCH,
            DropReason.BAD_CRC, DropReason.UNKNOWN_LINK, DropReason.SENDER_MISMATCH, DropReason.DUPLICATE_MESSAGE}) {
            assertEquals(true, drops.count(reason) > 0, reason + " seen");
        }
    }
}
