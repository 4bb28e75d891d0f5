package org.bftvote.sim.run;

import java.util.List;

import org.bftvote.agreement.AgreementConfig;
import org.bftvote.agreement.FaultBudget;
import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.sim.emulation.FaultClass;
import org.bftvote.sim.emulation.FaultLedger;
import org.bftvote.sim.emulation.FaultUnit;
import org.bftvote.sim.emulation.HypothesisVerdict;
import org.bftvote.sim.emulation.LaneFault;
import org.bftvote.sim.emulation.LaneFaultModel;
import org.bftvote.sim.emulation.SensorModel;
import org.bftvote.sim.profile.AgreementMode;
import org.bftvote.sim.profile.AgreementSettings;

/**
 * The oracle: which lanes and channels are faulty in a frame and whether the fault hypothesis holds.
 *
 * <p>A lane is faulty in a frame when one of its lane faults is active (a stalled or rebooting lane while it is
 * down), or when the bus made it look faulty in that frame (some receivers missing its message while others got it,
 * or a wrong but valid copy: asymmetric; every receiver missing it: benign). A lane that runs again after a stall or
 * a reboot is benign faulty as long as it runs on another frame number than the others (a frame or two: every peer
 * drops its messages until it has taken their frame number), then healthy, syncing or not. A channel is faulty while
 * its sensor failure is active or its sample arrived corrupted but undetected.
 *
 * <p>The hypothesis is exceeded in a frame when either the agreement's or the voters' is:
 * <ul>
 *   <li><b>Agreement.</b> The lanes every healthy lane had excluded before the frame are out of the agreement: their
 *       faults no longer count, but each takes a slot of the budget (the k of {@link FaultBudget#holds}, as the
 *       library counts it). The faulty lanes left must fit the configured budget (OM(m): at most m faulty lanes;
 *       OMH: the hybrid budget, both checked by {@link FaultLedger}) and, with k exclusions, the algorithm's bound.
 *       A lane that some healthy lanes exclude and others do not counts as asymmetric. "Every healthy lane" means
 *       those not syncing (a syncing lane is taking the others' state), or all of them if every one is.</li>
 *   <li><b>Voters.</b> For a signal, the faulty channels not yet isolated by the reference lane (the first healthy
 *       lane not syncing) must stay at most {@code (available − 1) / 2}, available being the channels it has not
 *       isolated (so two faults one after the other, the first isolated before the second, stay within it).</li>
 * </ul>
 *
 * <p>Allocates at construction only. Not thread safe.
 */
final class FaultOracle {
    private static final FaultClass[] FAULT_CLASSES = FaultClass.values();

    private final int lanes;
    private final int signals;
    private final boolean hybrid;
    private final AgreementConfig.Mode mode;
    private final int m;
    private final int budgetA;
    private final int budgetS;
    private final int budgetB;
    private final FaultLedger ledger;
    private final HypothesisVerdict verdict = new HypothesisVerdict();
    private final LaneFaultModel laneFaults;
    private final ExchangeInterceptor interceptor;
    private final SensorModel[][] sensors;
    private final SensorLinks sensorLinks;
    private final PipelineCluster cluster;
    /** Lanes excluded, after the last frame judged, by every healthy lane that is not syncing. */
    private long excludedEverywhere;
    /** Lanes excluded, after the last frame judged, by some healthy lane that is not syncing. */
    private long excludedSomewhere;

    /**
     * @param agreement      the platform's agreement settings
     * @param laneFaultList  the scheduled lane faults, recorded in the ledger
     * @param laneFaults     the lane fault model the exchange applies
     * @param interceptor    the exchange, for the lanes the bus made look faulty this frame
     * @param sensors        every lane's sensors, {@code [lane][signal]}
     * @param sensorLinks    the sensor buses, for samples corrupted undetected
     * @param cluster        the lanes' pipelines, for what the reference lane has isolated
     */
    FaultOracle(final AgreementSettings agreement, final List<LaneFault> laneFaultList,
        final LaneFaultModel laneFaults, final ExchangeInterceptor interceptor, final SensorModel[][] sensors,
        final SensorLinks sensorLinks, final PipelineCluster cluster) {
        this.lanes = sensors.length;
        this.signals = sensors.length == 0 ? 0 : sensors[0].length;
        this.hybrid = agreement.mode() == AgreementMode.OMH;
        this.mode = hybrid ? AgreementConfig.Mode.HYBRID_CORRECTED : AgreementConfig.Mode.OM_CLASSIC;
        this.m = agreement.m();
        this.budgetA = agreement.asymmetric();
        this.budgetS = agreement.symmetric();
        this.budgetB = agreement.benign();
        this.ledger = new FaultLedger(lanes);
        for (final LaneFault f : laneFaultList) {
            ledger.record(FaultUnit.LANE, f.lane(), -1, ScenarioModels.faultClass(f), f.onsetFrame(), f.endFrame(),
                f.toString());
        }
        this.laneFaults = laneFaults;
        this.interceptor = interceptor;
        this.sensors = sensors;
        this.sensorLinks = sensorLinks;
        this.cluster = cluster;
    }

    /**
     * Judges a frame after the exchange ran: writes the healthy lanes, the faulty channels and the verdict into the
     * sample.
     *
     * @param f      the frame
     * @param sample the frame's sample
     */
    void judge(final long f, final FrameSample sample) {
        final long healthy = healthyLanes(f);
        sample.oracleHealthyLanes(healthy);
        boolean exceeded = agreementExceeded(f);
        final LanePipeline referencePipeline = cluster.pipeline(reference(healthy));
        for (int s = 0; s < signals; s++) {
            long faultyChannels = 0L;
            for (int l = 0; l < lanes; l++) {
                if (sensors[l][s].failureActive(f) || sensorLinks.corrupted(l, s)) {
                    faultyChannels |= 1L << l;
                }
            }
            sample.oracleFaultyChannels(s, faultyChannels);
            final long isolated = referencePipeline.output(s).failedMask() | referencePipeline.excludedMask();
            final int available = lanes - Long.bitCount(isolated);
            if (Long.bitCount(faultyChannels & ~isolated) > (available - 1) / 2) {
                exceeded = true;
            }
        }
        sample.hypothesisExceeded(exceeded);
        noteExclusions(healthy);
    }

    /**
     * The agreement's part of the hypothesis in frame {@code f}, with the exclusions the healthy lanes held before
     * it (see the class comment).
     */
    private boolean agreementExceeded(final long f) {
        for (long split = excludedSomewhere & ~excludedEverywhere; split != 0L; split &= split - 1) {
            ledger.markTransient(f, Long.numberOfTrailingZeros(split), FaultClass.ASYMMETRIC);
        }
        if (hybrid) {
            ledger.checkHybrid(f, lanes, m, budgetA, budgetS, budgetB, excludedEverywhere, verdict);
        } else {
            ledger.checkOm(f, lanes, m, excludedEverywhere, verdict);
        }
        final int k = Long.bitCount(excludedEverywhere);
        return verdict.exceeded() || k > 0 && !FaultBudget.holds(mode, lanes, m, k, verdict.asymmetric(),
            verdict.symmetric(), verdict.benign());
    }

    /** @return the first healthy lane that is not syncing, else the first healthy lane, else lane 0 */
    private int reference(final long healthy) {
        final long settled = healthy & ~syncingLanes();
        final long pick = settled != 0L ? settled : healthy;
        return pick == 0L ? 0 : Long.numberOfTrailingZeros(pick);
    }

    /** Notes which lanes the healthy lanes that are not syncing (all healthy ones if every one is) exclude. */
    private void noteExclusions(final long healthy) {
        final long settled = healthy & ~syncingLanes();
        final long judges = settled != 0L ? settled : healthy;
        long everywhere = judges == 0L ? 0L : -1L;
        long somewhere = 0L;
        for (long rest = judges; rest != 0L; rest &= rest - 1) {
            final long excluded = cluster.pipeline(Long.numberOfTrailingZeros(rest)).excludedMask();
            everywhere &= excluded;
            somewhere |= excluded;
        }
        excludedEverywhere = everywhere;
        excludedSomewhere = somewhere;
    }

    private long syncingLanes() {
        long syncing = 0L;
        for (int l = 0; l < lanes; l++) {
            if (cluster.pipeline(l).isSyncing()) {
                syncing |= 1L << l;
            }
        }
        return syncing;
    }

    /**
     * Marks the lanes the bus made look faulty this frame, and those running on another frame number than the
     * others, in the ledger; returns the lanes with no fault.
     */
    private long healthyLanes(final long f) {
        long faultyLanes = 0L;
        for (int l = 0; l < lanes; l++) {
            final int cls = interceptor.transientClass(l);
            if (cls != ExchangeInterceptor.NONE) {
                ledger.markTransient(f, l, FAULT_CLASSES[cls]);
                faultyLanes |= 1L << l;
            }
            if (cluster.pipeline(l).lane().frame() != f) {
                // Back from a stall or a restart but not yet in step: every peer drops its messages (wrong frame).
                ledger.markTransient(f, l, FaultClass.BENIGN);
                faultyLanes |= 1L << l;
            }
            if (laneFaults.faulty(l, f)) {
                faultyLanes |= 1L << l;
            }
        }
        return ~faultyLanes & ((1L << lanes) - 1);
    }
}
