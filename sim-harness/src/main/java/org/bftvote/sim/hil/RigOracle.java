package org.bftvote.sim.hil;

import java.util.Arrays;

import org.bftvote.sim.emulation.FaultClass;
import org.bftvote.sim.emulation.FaultLedger;
import org.bftvote.sim.emulation.FaultUnit;
import org.bftvote.sim.emulation.HypothesisVerdict;
import org.bftvote.sim.emulation.LaneFault;
import org.bftvote.sim.profile.AgreementMode;
import org.bftvote.sim.profile.AgreementSettings;
import org.bftvote.sim.run.ScenarioModels;

/**
 * Which lanes of a rig session were healthy in a frame, from what the rig knows: the faults the relay injected and
 * the bus trouble it caused, the process faults it caused (stalled, killed, restarting), lanes that sent no outputs,
 * and what the lanes themselves report — which peers' messages they lacked and how late their frame started.
 *
 * <p>Who is blamed for a missing message: a sender that two or more receivers lacked, or that the relay's faults
 * touched, is faulty; a receiver that lacked two or more senders is faulty itself (it was late, not they); a single
 * message lacked by a single receiver is blamed on its sender (the link). A lane whose frame started more than half a
 * round window late is faulty. A lane that was faulty stays out of the healthy set — recovering — until its outputs are
 * bit-identical with those of the lanes that were not, and the frames that took are its recovery time. So a lane that
 * falls out of step and never comes back is never counted healthy, and the report says it did not recover.
 *
 * <p>The fault hypothesis is checked as the simulation checks it ({@link FaultLedger}): lane faults by their class,
 * the relay's bus trouble by its class, a receiver-side timing fault and a sender lacked by some receivers only as
 * asymmetric, a lane silent to everyone, a stalled, killed or recovering lane as benign. Main thread only.
 */
final class RigOracle {
    private final int lanes;
    private final long all;
    private final long windowNs;
    private final FaultLedger ledger;
    private final HypothesisVerdict verdict = new HypothesisVerdict();
    private final boolean hybrid;
    private final int m;
    private final int a;
    private final int s;
    private final int b;
    private final int[] missedBy;
    private final int[] missing;
    private final long[] lastFaulty;
    private final long[] recoveryFrames;
    private long recovering;
    private long recoveries;
    private long maxRecoveryFrames = -1;
    private long healthy;
    private long faulty;
    private long faultyOrFlagged;

    /**
     * @param lanes      n
     * @param agreement  the platform's agreement settings
     * @param laneFaults the scenario's lane faults (recorded with their class)
     * @param windowNs   the round window
     */
    RigOracle(final int lanes, final AgreementSettings agreement, final java.util.List<LaneFault> laneFaults,
        final long windowNs) {
        this.lanes = lanes;
        this.all = lanes == 64 ? -1L : (1L << lanes) - 1;
        this.windowNs = windowNs;
        this.ledger = new FaultLedger(lanes);
        for (final LaneFault f : laneFaults) {
            ledger.record(FaultUnit.LANE, f.lane(), -1, ScenarioModels.faultClass(f), f.onsetFrame(), f.endFrame(),
                f.toString());
        }
        this.hybrid = agreement.mode() == AgreementMode.OMH;
        this.m = agreement.m();
        this.a = agreement.asymmetric();
        this.s = agreement.symmetric();
        this.b = agreement.benign();
        this.missedBy = new int[lanes];
        this.missing = new int[lanes];
        this.lastFaulty = new long[lanes];
        this.recoveryFrames = new long[lanes];
        Arrays.fill(lastFaulty, -1L);
    }


    /**
     * Judges one frame. Call {@link #agreed(long, long)} next with the lanes whose outputs match.
     *
     * @param frame     the frame
     * @param injected  lanes with a lane fault active (from the relay)
     * @param trouble   per lane, the {@link FaultClass} ordinal of the bus trouble its messages met, or -1
     * @param process   lanes stalled, killed or restarting
     * @param reported  lanes whose outputs for the frame arrived complete
     * @param lacked    per reporting lane, the peers whose messages it lacked (missing or dropped)
     * @param startLag  per reporting lane, how late its frame started, ns
     */
    void judge(final long frame, final long injected, final int[] trouble, final long process, final long reported,
        final long[] lacked, final long[] startLag) {
        faulty = injected | process | (all & ~reported);
        for (int l = 0; l < lanes; l++) {
            if (trouble[l] >= 0) {
                faulty |= 1L << l;
                ledger.markTransient(frame, l, FaultClass.values()[trouble[l]]);
            }
        }
        blameMissing(frame, reported, lacked, trouble);
        for (int l = 0; l < lanes; l++) {
            if ((reported & (1L << l)) != 0 && startLag[l] > windowNs / 2) {
                faulty |= 1L << l;
                ledger.markTransient(frame, l, FaultClass.ASYMMETRIC);
            }
            if ((process & (1L << l)) != 0 || (reported & (1L << l)) == 0) {
                ledger.markTransient(frame, l, FaultClass.BENIGN);
            }
        }
        for (int l = 0; l < lanes; l++) {
            if ((faulty & (1L << l)) != 0) {
                lastFaulty[l] = frame;
            }
        }
        recovering |= faulty;
        faultyOrFlagged = faulty;
    }

    private void blameMissing(final long frame, final long reported, final long[] lacked, final int[] trouble) {
        Arrays.fill(missedBy, 0);
        int reporters = 0;
        for (int i = 0; i < lanes; i++) {
            missing[i] = 0;
            if ((reported & (1L << i)) == 0 || (faulty & (1L << i)) != 0) {
                continue;
            }
            reporters++;
            missing[i] = Long.bitCount(lacked[i] & ~(1L << i));
            for (int j = 0; j < lanes; j++) {
                if (j != i && (lacked[i] & (1L << j)) != 0) {
                    missedBy[j]++;
                }
            }
        }
        for (int i = 0; i < lanes; i++) {
            if (missing[i] >= 2 && missedBy[i] <= 1) {
                faulty |= 1L << i;
                ledger.markTransient(frame, i, FaultClass.ASYMMETRIC);
            }
        }
        for (int j = 0; j < lanes; j++) {
            if (missedBy[j] == 0 || trouble[j] >= 0) {
                continue;
            }
            final boolean blamedReceiver = missedBy[j] == 1 && soleMisserBlamed(j, lacked);
            if (!blamedReceiver) {
                faulty |= 1L << j;
                ledger.markTransient(frame, j,
                    missedBy[j] >= reporters - ((reported & (1L << j)) != 0 ? 1 : 0) ? FaultClass.BENIGN
                        : FaultClass.ASYMMETRIC);
            }
        }
    }

    /** @return whether the one receiver that lacked {@code j} lacked two or more senders (so it is to blame) */
    private boolean soleMisserBlamed(final int j, final long[] lacked) {
        for (int i = 0; i < lanes; i++) {
            if (i != j && (lacked[i] & (1L << j)) != 0 && missing[i] >= 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lanes that flagged their own outputs of the frame (divergence detected, or still taking the agreed state): not
     * healthy in it, and out until their outputs match the others' again. Not a fault the hypothesis counts: the flag
     * is the library saying what happened, not a cause.
     */
    void flagged(final long frame, final long lanesFlagged) {
        for (long rest = lanesFlagged & ~faulty; rest != 0; rest &= rest - 1) {
            lastFaulty[Long.numberOfTrailingZeros(rest)] = frame;
        }
        recovering |= lanesFlagged;
        faultyOrFlagged = faulty | lanesFlagged;
    }

    /**
     * Finishes the frame: recovering lanes among {@code matching} (the lanes whose outputs equal those of the lanes
     * that were never out of step) have recovered.
     *
     * @param frame    the frame
     * @param matching reporting, non-faulty lanes whose outputs equal the agreed ones
     * @return the healthy lanes of the frame
     */
    long agreed(final long frame, final long matching) {
        long back = recovering & matching & ~faultyOrFlagged;
        while (back != 0) {
            final int l = Long.numberOfTrailingZeros(back);
            back &= back - 1;
            final long took = frame - lastFaulty[l];
            recoveryFrames[l] = Math.max(recoveryFrames[l], took);
            maxRecoveryFrames = Math.max(maxRecoveryFrames, took);
            recoveries++;
            recovering &= ~(1L << l);
        }
        for (int l = 0; l < lanes; l++) {
            if ((recovering & (1L << l)) != 0 && (faultyOrFlagged & (1L << l)) == 0) {
                ledger.markTransient(frame, l, FaultClass.BENIGN);
            }
        }
        healthy = all & ~faultyOrFlagged & ~recovering;
        return healthy;
    }

    /** @return lanes faulty in the frame being judged (not counting those still recovering) */
    long faulty() {
        return faulty;
    }

    /** @return lanes out of step (faulty now or not yet back) */
    long recovering() {
        return recovering;
    }

    /** @return whether the frame's lane faults exceed the agreement's fault hypothesis */
    boolean exceeded(final long frame) {
        return hybrid ? ledger.checkHybrid(frame, lanes, m, a, s, b, verdict).exceeded()
            : ledger.checkOm(frame, lanes, m, verdict).exceeded();
    }

    /** @return recoveries seen */
    long recoveries() {
        return recoveries;
    }

    /** @return the longest recovery, frames from the last faulty frame to agreement again (-1 if none) */
    long maxRecoveryFrames() {
        return maxRecoveryFrames;
    }

    /** @return per lane, its longest recovery in frames (0 if it never needed one) */
    long[] recoveryFrames() {
        return recoveryFrames.clone();
    }
}
