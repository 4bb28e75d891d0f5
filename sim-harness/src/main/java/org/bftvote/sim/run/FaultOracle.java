package org.bftvote.sim.run;

import java.util.List;

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
 * <p>A lane is faulty in a frame when one of its lane faults is active, or when the bus made it look faulty in that
 * frame (some receivers missing its message while others got it, or a wrong but valid copy: asymmetric; every
 * receiver missing it: benign). A channel is faulty while its sensor failure is active or its sample arrived
 * corrupted but undetected. The hypothesis is exceeded in a frame when either the agreement's (OM(m): at most m
 * faulty lanes; OMH: the hybrid budget, both checked by {@link FaultLedger}) or the voters' is: for a signal, the
 * faulty channels not yet isolated by the first healthy lane must stay at most {@code (available − 1) / 2},
 * available being the channels it has not isolated (so two faults one after the other, the first isolated before the
 * second, stay within it).
 *
 * <p>Allocates at construction only. Not thread safe.
 */
final class FaultOracle {
    private static final FaultClass[] FAULT_CLASSES = FaultClass.values();

    private final int lanes;
    private final int signals;
    private final boolean hybrid;
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
        boolean exceeded = hybrid ? ledger.checkHybrid(f, lanes, m, budgetA, budgetS, budgetB, verdict).exceeded()
            : ledger.checkOm(f, lanes, m, verdict).exceeded();
        final int reference = healthy == 0L ? 0 : Long.numberOfTrailingZeros(healthy);
        final LanePipeline referencePipeline = cluster.pipeline(reference);
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
    }

    /** Marks the lanes the bus made look faulty this frame in the ledger; returns the lanes with no fault. */
    private long healthyLanes(final long f) {
        long faultyLanes = 0L;
        for (int l = 0; l < lanes; l++) {
            final int cls = interceptor.transientClass(l);
            if (cls != ExchangeInterceptor.NONE) {
                ledger.markTransient(f, l, FAULT_CLASSES[cls]);
                faultyLanes |= 1L << l;
            }
            if (laneFaults.faulty(l, f)) {
                faultyLanes |= 1L << l;
            }
        }
        return ~faultyLanes & ((1L << lanes) - 1);
    }
}
