package org.bftvote.testsupport;

import java.util.SplittableRandom;
import java.util.zip.CRC32C;

import org.bftvote.agreement.EntryStatus;
import org.bftvote.agreement.IcMessage;
import org.bftvote.agreement.memory.MessageInterceptor;

/**
 * A byte-level adversary for {@link org.bftvote.agreement.memory.LaneCluster}: it controls the lanes it is told to
 * (the faulty ones within the budget) and rewrites their encoded messages, per message and per receiver. Messages of
 * lanes it does not control pass untouched.
 *
 * <p>Seeded and deterministic; allocates nothing per message (one {@link CRC32C} and one generator, reused).
 */
public final class ByteAdversary implements MessageInterceptor {
    /** What a controlled lane does with one message to one receiver. */
    public enum Behaviour {
        /** Sends the message as encoded. */
        HONEST,
        /** Sends nothing. */
        SILENT,
        /** Sends it after the round's deadline. */
        LATE,
        /** Replaces every value word by another one, the same for every receiver (valid CRC). */
        OTHER_VALUE,
        /** Replaces every value word by a different one per receiver (valid CRC). */
        TWO_FACED,
        /** Flips one random bit (the CRC no longer matches). */
        CORRUPT,
        /** Claims another lane as sender (valid CRC). */
        FORGE_SENDER,
        /** Claims another frame (valid CRC). */
        FORGE_FRAME,
        /** Claims another round (valid CRC). */
        FORGE_ROUND,
        /** Puts a status that may not travel into one entry (valid CRC). */
        BAD_ENTRY,
        /** Picks any of the above, afresh for each message and receiver. */
        ARBITRARY,
        /** Picks one of the manifest (detectable by every receiver) behaviours for each message and receiver. */
        MANIFEST
    }

    private static final Behaviour[] CONCRETE = {
        Behaviour.HONEST, Behaviour.SILENT, Behaviour.LATE, Behaviour.OTHER_VALUE, Behaviour.TWO_FACED,
        Behaviour.CORRUPT, Behaviour.FORGE_SENDER, Behaviour.FORGE_FRAME, Behaviour.FORGE_ROUND, Behaviour.BAD_ENTRY,
    };
    private static final Behaviour[] MANIFEST = {
        Behaviour.SILENT, Behaviour.LATE, Behaviour.CORRUPT, Behaviour.FORGE_SENDER, Behaviour.FORGE_FRAME,
        Behaviour.FORGE_ROUND, Behaviour.BAD_ENTRY,
    };

    private final Behaviour[] behaviour;
    private final int lanes;
    private final SplittableRandom random;
    private final CRC32C crc = new CRC32C();
    private long messagesTampered;

    /**
     * @param lanes number of lanes
     * @param seed  seed of every random choice
     */
    public ByteAdversary(final int lanes, final long seed) {
        this.lanes = lanes;
        this.behaviour = new Behaviour[lanes];
        java.util.Arrays.fill(behaviour, Behaviour.HONEST);
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param lane      lane to control
     * @param behaviour what it does from now on
     * @return this
     */
    public ByteAdversary control(final int lane, final Behaviour behaviour) {
        this.behaviour[lane] = behaviour;
        return this;
    }

    /**
     * @param lane a lane
     * @return its behaviour ({@link Behaviour#HONEST} if not controlled)
     */
    public Behaviour behaviour(final int lane) {
        return behaviour[lane];
    }

    /** @return messages changed, dropped or delayed so far */
    public long messagesTampered() {
        return messagesTampered;
    }

    @Override
    public int intercept(final long frame, final int round, final int sender, final int receiver,
                         final byte[] buffer, final int offset, final int length, final int capacity) {
        Behaviour b = behaviour[sender];
        if (b == Behaviour.ARBITRARY) {
            b = CONCRETE[random.nextInt(CONCRETE.length)];
        } else if (b == Behaviour.MANIFEST) {
            b = MANIFEST[random.nextInt(MANIFEST.length)];
        }
        if (b != Behaviour.HONEST) {
            messagesTampered++;
        }
        final int count = IcMessage.entryCount(buffer, offset);
        switch (b) {
            case SILENT:
                return DROP;
            case LATE:
                return DELAY;
            case OTHER_VALUE:
                rewriteWords(buffer, offset, count, mix(frame, sender, -1));
                return IcMessage.seal(crc, buffer, offset);
            case TWO_FACED:
                rewriteWords(buffer, offset, count, mix(frame, sender, receiver));
                return IcMessage.seal(crc, buffer, offset);
            case CORRUPT:
                final int bit = random.nextInt(length * 8);
                buffer[offset + bit / 8] ^= (byte) (1 << (bit % 8));
                return length;
            case FORGE_SENDER:
                buffer[offset + IcMessage.SENDER_OFFSET] = (byte) ((sender + 1 + random.nextInt(lanes - 1)) % lanes);
                return IcMessage.seal(crc, buffer, offset);
            case FORGE_FRAME:
                buffer[offset + IcMessage.FRAME_OFFSET] ^= (byte) (1 + random.nextInt(255));
                return IcMessage.seal(crc, buffer, offset);
            case FORGE_ROUND:
                buffer[offset + IcMessage.ROUND_OFFSET] ^= (byte) (1 + random.nextInt(255));
                return IcMessage.seal(crc, buffer, offset);
            case BAD_ENTRY:
                if (count == 0) {
                    return DROP;
                }
                buffer[IcMessage.entryOffset(offset, random.nextInt(count)) + IcMessage.ENTRY_STATUS_OFFSET] =
                    (byte) (EntryStatus.MISSING + random.nextInt(100));
                return IcMessage.seal(crc, buffer, offset);
            default:
                return length;
        }
    }

    /** Changes every VALUE entry's word; error tokens stay, so the message stays well formed. */
    private static void rewriteWords(final byte[] buffer, final int offset, final int count, final long mask) {
        for (int i = 0; i < count; i++) {
            final int at = IcMessage.entryOffset(offset, i);
            if (IcMessage.entryStatus(buffer, at) == EntryStatus.VALUE) {
                IcMessage.putEntryWord(buffer, at, IcMessage.entryWord(buffer, at) ^ mask);
            }
        }
    }

    /** A non-zero mask that depends on frame, sender and receiver (-1 = the same for every receiver). */
    private static long mix(final long frame, final int sender, final int receiver) {
        long z = frame * 0x9E3779B97F4A7C15L + sender * 0xBF58476D1CE4E5B9L + (receiver + 2) * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 31)) * 0xD6E8FEB86659FD93L;
        z ^= z >>> 29;
        return z == 0 ? 1 : z;
    }
}
