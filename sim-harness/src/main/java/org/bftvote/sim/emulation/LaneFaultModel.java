package org.bftvote.sim.emulation;

import java.util.List;

import org.bftvote.Require;

/**
 * Decides, message by message, what faulty lanes do; the runner applies the decision (dropping, rewriting entries
 * through the agreement cluster's message interceptor, filling bytes with {@link ByteCorruption}, delaying past the
 * deadline, adding babbled messages).
 *
 * <p>Per frame: {@link #beginFrame(long)} once (draws each fault's frame-wide choices: omission, garbage seed);
 * then {@link #decide(int, int, LaneDecision)} for each (sender, receiver) message of the frame. Calling
 * {@code beginFrame} at every round instead makes those choices independent per round. Choices that every receiver
 * must share (omission, garbage bytes) are drawn per frame, so a crash, an omission and garbage look the same to
 * all receivers (benign); two-faced values and off-specification timing are per receiver (asymmetric).
 *
 * <p>{@link LaneFaultMode#STALL} and {@link LaneFaultMode#REBOOT} stop the lane's computer: the runner applies them
 * to the lanes themselves, a stopped lane sends nothing, so they take part in no decision; {@link #faulty} counts
 * them like any other.
 *
 * <p>Several active faults of one lane combine: DROP (crash, omission) wins over GARBAGE, which wins over LATE,
 * which wins over OFFSET/REPLACE; babbled extras are added whatever the action except DROP by crash.
 *
 * <p>Randomness: {@code beginFrame} draws two values per fault, {@code decide} one value per call, whatever is
 * active. Allocation-free per frame; not thread safe.
 */
public final class LaneFaultModel {
    private final LaneFault[] faults;
    private final boolean[] droppedThisFrame;
    private final long[] garbageSeed;
    private final SimRandom frameRandom;
    private final SimRandom messageRandom;
    private long frame = -1;

    /**
     * @param faults the lane faults of the scenario
     * @param random the model's stream (split into a per-frame and a per-message stream, in that order)
     */
    public LaneFaultModel(final List<LaneFault> faults, final SimRandom random) {
        this.faults = Require.notNull("lane faults", faults).toArray(new LaneFault[0]);
        Require.notNull("random", random);
        this.frameRandom = random.split();
        this.messageRandom = random.split();
        this.droppedThisFrame = new boolean[this.faults.length];
        this.garbageSeed = new long[this.faults.length];
    }

    /**
     * Starts a frame (or a round): draws the choices every receiver shares.
     *
     * @param newFrame the frame
     */
    public void beginFrame(final long newFrame) {
        frame = newFrame;
        for (int i = 0; i < faults.length; i++) {
            final double omission = frameRandom.nextDouble();
            garbageSeed[i] = frameRandom.nextLong();
            final LaneFault f = faults[i];
            droppedThisFrame[i] = f.activeAt(newFrame)
                && (f.kind() == LaneFaultMode.CRASH
                    || f.kind() == LaneFaultMode.OMISSION && omission < f.probability());
        }
    }

    /**
     * @param sender   sending lane
     * @param receiver receiving lane
     * @param out      receives the decision
     * @return {@code out}
     */
    public LaneDecision decide(final int sender, final int receiver, final LaneDecision out) {
        final double draw = messageRandom.nextDouble();
        LaneAction action = LaneAction.SEND;
        double value = 0.0;
        long seed = 0;
        int extra = 0;
        long frameOffset = 0;
        double delayUs = 0.0;
        boolean crashed = false;
        for (int i = 0; i < faults.length; i++) {
            final LaneFault f = faults[i];
            if (f.lane() != sender || !f.activeAt(frame)) {
                continue;
            }
            switch (f.kind()) {
                case CRASH -> {
                    crashed = true;
                    action = LaneAction.DROP;
                }
                case OMISSION -> {
                    if (droppedThisFrame[i]) {
                        action = LaneAction.DROP;
                    }
                }
                case GARBAGE -> {
                    if (action != LaneAction.DROP) {
                        action = LaneAction.GARBAGE;
                        seed = garbageSeed[i];
                    }
                }
                case SOS_TIMING -> {
                    if (draw >= f.receiverValue(receiver) && rank(action) < rank(LaneAction.LATE)) {
                        action = LaneAction.LATE;
                    }
                    delayUs = Math.max(delayUs, f.delayUs());
                }
                case TWO_FACED -> {
                    if (rank(action) < rank(LaneAction.OFFSET)) {
                        action = f.absolute() ? LaneAction.REPLACE : LaneAction.OFFSET;
                        value = f.receiverValue(receiver);
                    }
                }
                case BABBLING -> {
                    extra += f.extraMessages();
                    frameOffset = f.frameOffset();
                }
                case STALL, REBOOT -> {
                    // A stopped lane sends nothing, so no message of it is ever decided.
                }
            }
        }
        if (action != LaneAction.OFFSET && action != LaneAction.REPLACE) {
            value = 0.0;
        }
        if (action != LaneAction.GARBAGE) {
            seed = 0;
        }
        out.set(action, value, seed, crashed ? 0 : extra, crashed ? 0 : frameOffset,
            action == LaneAction.SEND || action == LaneAction.OFFSET || action == LaneAction.REPLACE ? delayUs : 0.0);
        return out;
    }

    /** Precedence of actions when faults combine: higher wins. */
    private static int rank(final LaneAction action) {
        return switch (action) {
            case SEND -> 0;
            case OFFSET, REPLACE -> 1;
            case LATE -> 2;
            case GARBAGE -> 3;
            case DROP -> 4;
        };
    }

    /**
     * @param lane  a lane
     * @param atFrame a frame
     * @return whether any fault of that lane is active in that frame
     */
    public boolean faulty(final int lane, final long atFrame) {
        for (final LaneFault f : faults) {
            if (f.lane() == lane && f.activeAt(atFrame)) {
                return true;
            }
        }
        return false;
    }
}
