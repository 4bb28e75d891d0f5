package org.bftvote.testsupport;

import org.bftvote.agreement.AgreementConfig;
import org.bftvote.agreement.EigEngine;
import org.bftvote.agreement.EigPaths;
import org.bftvote.agreement.EntrySink;
import org.bftvote.agreement.EntryStatus;

/**
 * Runs n {@link EigEngine}s through the rounds of a frame in memory, synchronously: every round, every lane emits to
 * every other lane, entries are delivered straight to the receiver's {@code accept}, then every lane closes the
 * round; at the end every lane decides. Entries from faulty lanes go through an {@link EntryAdversary}, which sees
 * every slot the emit rule gives the faulty lane (whether or not a healthy lane would send there).
 *
 * <p>Allocates nothing per frame (for an adversary that allocates nothing), so it can run inside allocation
 * proofs. Records what each faulty lane sent each receiver in round 1, for the symmetric-source check.
 */
public final class SyncRoundSimulator {
    /** Status recorded for a round-1 slot where nothing was sent. */
    public static final byte NOT_SENT = -1;

    private final EigEngine[] engines;
    private final FaultKind[] kinds;
    private final EntryAdversary adversary;
    private final AgreementConfig config;
    private final EigPaths paths;
    private final int lanes;
    private final int signals;
    private final boolean hybrid;
    private final Delivery delivery = new Delivery();
    private final EntryAdversary.Out out = new EntryAdversary.Out();
    private final long[] firstWord;
    private final byte[] firstStatus;
    private long entriesDelivered;

    /**
     * @param engines   one engine per lane, index = lane, all with the same configuration
     * @param kinds     the role of each lane; may be changed between frames
     * @param adversary decides what faulty lanes send
     */
    public SyncRoundSimulator(final EigEngine[] engines, final FaultKind[] kinds, final EntryAdversary adversary) {
        this.engines = engines;
        this.kinds = kinds;
        this.adversary = adversary;
        this.config = engines[0].config();
        this.paths = engines[0].paths();
        this.lanes = config.lanes();
        this.signals = config.signals();
        this.hybrid = config.mode() == AgreementConfig.Mode.HYBRID_CORRECTED;
        this.firstWord = new long[lanes * lanes * signals];
        this.firstStatus = new byte[lanes * lanes * signals];
    }

    /**
     * @return the engines, index = lane
     */
    public EigEngine[] engines() {
        return engines;
    }

    /**
     * @return the role of each lane (the live array)
     */
    public FaultKind[] kinds() {
        return kinds;
    }

    /**
     * @return entries accepted by receivers since the simulator was built
     */
    public long entriesDelivered() {
        return entriesDelivered;
    }

    /**
     * Runs one whole frame: begin, m + 1 rounds of emit, deliver, accept and close, then decide, at every lane.
     *
     * @param frame       frame number
     * @param inputs      per lane, K readings
     * @param inputStatus per lane, K statuses
     */
    public void runFrame(final long frame, final long[][] inputs, final byte[][] inputStatus) {
        adversary.beginFrame(frame);
        java.util.Arrays.fill(firstStatus, NOT_SENT);
        for (int lane = 0; lane < lanes; lane++) {
            engines[lane].beginFrame(frame, inputs[lane], inputStatus[lane]);
        }
        for (int round = 1; round <= config.rounds(); round++) {
            for (int sender = 0; sender < lanes; sender++) {
                for (int receiver = 0; receiver < lanes; receiver++) {
                    if (receiver == sender) {
                        continue;
                    }
                    delivery.round = round;
                    delivery.sender = sender;
                    delivery.receiver = receiver;
                    if (kinds[sender].faulty()) {
                        sendFaulty(round, sender, receiver);
                    } else {
                        engines[sender].emit(round, receiver, delivery);
                    }
                }
            }
            for (int lane = 0; lane < lanes; lane++) {
                engines[lane].closeRound(round);
            }
        }
        for (int lane = 0; lane < lanes; lane++) {
            engines[lane].decide();
        }
    }

    /** Walks the emit rule's slots for a faulty sender and lets the adversary fill each one. */
    private void sendFaulty(final int round, final int sender, final int receiver) {
        if (round == 1) {
            for (int signal = 0; signal < signals; signal++) {
                final byte st = engines[sender].storedStatus(sender, signal);
                final boolean honestSent = st == EntryStatus.VALUE || st == EntryStatus.RELAYED_ERROR;
                offer(round, sender, receiver, sender, signal, engines[sender].storedWord(sender, signal), st,
                    honestSent);
            }
            return;
        }
        final long skip = (1L << sender) | (1L << receiver);
        final int end = paths.levelEnd(round - 1);
        for (int sigma = paths.levelStart(round - 1); sigma < end; sigma++) {
            if ((paths.laneMask(sigma) & skip) != 0) {
                continue;
            }
            final int child = paths.child(sigma, sender);
            for (int signal = 0; signal < signals; signal++) {
                byte st = engines[sender].storedStatus(sigma, signal);
                long word = engines[sender].storedWord(sigma, signal);
                boolean honestSent = st == EntryStatus.VALUE || st == EntryStatus.RELAYED_ERROR;
                if (!honestSent && hybrid) {
                    word = round - 1;
                    st = EntryStatus.RELAYED_ERROR;
                    honestSent = true;
                }
                offer(round, sender, receiver, child, signal, word, st, honestSent);
            }
        }
    }

    private void offer(final int round, final int sender, final int receiver, final int path, final int signal,
                       final long honestWord, final byte honestStatus, final boolean honestSent) {
        if (adversary.entry(round, sender, kinds[sender], receiver, path, signal, honestWord, honestStatus,
            honestSent, out)) {
            if (round == 1) {
                final int slot = (sender * lanes + receiver) * signals + signal;
                firstWord[slot] = out.word;
                firstStatus[slot] = out.status;
            }
            delivery.entry(path, signal, out.word, out.status);
        }
    }

    /**
     * @param sender   a faulty lane
     * @param receiver a lane
     * @param signal   a signal
     * @return the status the sender sent the receiver in round 1 of the last frame, {@link #NOT_SENT} if nothing
     *     (recorded for faulty lanes only)
     */
    public byte firstRoundStatus(final int sender, final int receiver, final int signal) {
        return firstStatus[(sender * lanes + receiver) * signals + signal];
    }

    /**
     * @param sender   a faulty lane
     * @param receiver a lane
     * @param signal   a signal
     * @return the word the sender sent the receiver in round 1 of the last frame
     */
    public long firstRoundWord(final int sender, final int receiver, final int signal) {
        return firstWord[(sender * lanes + receiver) * signals + signal];
    }

    /** Hands entries straight to the receiving engine; the link (round, sender, receiver) is set before use. */
    private final class Delivery implements EntrySink {
        private int round;
        private int sender;
        private int receiver;

        @Override
        public void entry(final int pathIndex, final int signal, final long word, final byte status) {
            if (engines[receiver].accept(round, sender, pathIndex, signal, word, status)) {
                entriesDelivered++;
            }
        }
    }
}
