package org.bftvote.testsupport;

import java.util.SplittableRandom;

import org.bftvote.agreement.EntryStatus;

/**
 * A seeded adversary that plays each faulty lane by its {@link FaultKind}:
 * <ul>
 *   <li>asymmetric: per entry and receiver, at random, the honest entry, nothing, a random word from a small
 *       domain (so that lies collide and form false majorities), a relayed-error token of a random depth (valid or
 *       not), or an invalid status;</li>
 *   <li>symmetric: the same choice for every receiver of a node and signal (a hash of frame salt, round, sender,
 *       node and signal): the honest entry, a wrong word, or a token;</li>
 *   <li>benign: nothing, or an entry every receiver rejects (invalid status, impossible token depth).</li>
 * </ul>
 * Allocates nothing per entry.
 */
public final class RandomEntryAdversary implements EntryAdversary {
    private final SplittableRandom random;
    private final int domain;
    private long salt;

    /**
     * @param random source of choices (seeded by the test)
     * @param domain lies are words 0 to domain - 1
     */
    public RandomEntryAdversary(final SplittableRandom random, final int domain) {
        this.random = random;
        this.domain = domain;
    }

    @Override
    public void beginFrame(final long frame) {
        salt = random.nextLong();
    }

    @Override
    public boolean entry(final int round, final int sender, final FaultKind kind, final int receiver,
                         final int pathIndex, final int signal, final long honestWord, final byte honestStatus,
                         final boolean honestSent, final Out out) {
        switch (kind) {
            case ASYMMETRIC:
                return asymmetric(round, honestWord, honestStatus, honestSent, out);
            case SYMMETRIC:
                return symmetric(round, sender, pathIndex, signal, honestWord, honestStatus, honestSent, out);
            case BENIGN:
                return benign(round, out);
            default:
                return honestSent && out.set(honestWord, honestStatus);
        }
    }

    private boolean asymmetric(final int round, final long honestWord, final byte honestStatus,
                               final boolean honestSent, final Out out) {
        final int choice = random.nextInt(10);
        if (choice < 3) {
            return honestSent && out.set(honestWord, honestStatus);
        } else if (choice == 3) {
            return false;
        } else if (choice < 8) {
            return out.set(random.nextInt(domain), EntryStatus.VALUE);
        } else if (choice == 8) {
            return out.set(random.nextInt(round + 1), EntryStatus.RELAYED_ERROR);
        }
        return out.set(random.nextInt(domain), random.nextBoolean() ? EntryStatus.MISSING : (byte) 9);
    }

    private boolean symmetric(final int round, final int sender, final int pathIndex, final int signal,
                              final long honestWord, final byte honestStatus, final boolean honestSent,
                              final Out out) {
        final long hash = mix(salt ^ mix(round * 1_000_003L + sender) ^ mix(pathIndex * 65_537L + signal));
        final int choice = (int) Long.remainderUnsigned(hash, 4);
        if (choice == 0) {
            return honestSent && out.set(honestWord, honestStatus);
        } else if (choice == 3 && round > 1) {
            return out.set(Long.remainderUnsigned(hash >>> 20, round), EntryStatus.RELAYED_ERROR);
        }
        return out.set(Long.remainderUnsigned(hash >>> 8, domain), EntryStatus.VALUE);
    }

    private boolean benign(final int round, final Out out) {
        final int choice = random.nextInt(4);
        if (choice == 0) {
            return out.set(0, (byte) 7);
        } else if (choice == 1) {
            return out.set(round + 5, EntryStatus.RELAYED_ERROR);
        }
        return false;
    }

    private static long mix(final long value) {
        long z = value * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
