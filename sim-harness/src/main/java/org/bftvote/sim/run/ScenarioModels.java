package org.bftvote.sim.run;

import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.emulation.FailureRate;
import org.bftvote.sim.emulation.FaultClass;
import org.bftvote.sim.emulation.LaneFault;
import org.bftvote.sim.emulation.RandomStreams;
import org.bftvote.sim.emulation.ScheduledFailure;
import org.bftvote.sim.emulation.SensorModel;
import org.bftvote.sim.emulation.TruthModel;
import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.profile.RatedFailure;
import org.bftvote.sim.profile.SensorProfile;
import org.bftvote.sim.profile.SignalSpec;
import org.bftvote.sim.scenario.FaultInjection;
import org.bftvote.sim.scenario.FaultInjection.BusFault;
import org.bftvote.sim.scenario.FaultInjection.SensorFault;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.yaml.ProfileException;

/**
 * A scenario's truth, sensors, lane faults and bus faults as emulation models: seconds become frames, each model
 * gets its own named random stream. Setup time only.
 */
public final class ScenarioModels {
    private final Scenario scenario;
    private final PlatformProfile platform;
    private final double frameRateHz;

    /**
     * @param scenario the validated scenario (seed and duration applied)
     */
    public ScenarioModels(final Scenario scenario) {
        this.scenario = scenario;
        this.platform = scenario.platform();
        this.frameRateHz = platform.frameRate();
    }

    /**
     * @param streams the run's random streams
     * @return one truth model per signal, each drawing from {@code truth.<signal>}
     * @throws ProfileException if a truth file cannot be read
     */
    TruthModel[] truth(final RandomStreams streams) throws ProfileException {
        final int signals = platform.signals().size();
        final TruthModel[] truth = new TruthModel[signals];
        for (int s = 0; s < signals; s++) {
            truth[s] = EmulationMapping.truth(scenario.truthBySignal().get(s),
                streams.stream("truth." + platform.signals().get(s).name()));
        }
        return truth;
    }

    /**
     * @param streams the run's random streams
     * @return the sensor of every lane and signal, indexed {@code [lane][signal]}
     */
    SensorModel[][] sensors(final RandomStreams streams) {
        final int lanes = platform.lanes().size();
        final int signals = platform.signals().size();
        final SensorModel[][] sensors = new SensorModel[lanes][signals];
        for (int l = 0; l < lanes; l++) {
            for (int s = 0; s < signals; s++) {
                sensors[l][s] = sensor(l, s, streams);
            }
        }
        return sensors;
    }

    /** @return the scenario's lane faults, in scenario order */
    public List<LaneFault> laneFaults() {
        final List<LaneFault> out = new ArrayList<>();
        for (final FaultInjection f : scenario.faults()) {
            if (f instanceof FaultInjection.LaneFault lf) {
                out.add(laneFault(lf));
            }
        }
        return out;
    }

    /** @return the scenario's bus faults, in scenario order */
    public List<BusFault> busFaults() {
        final List<BusFault> out = new ArrayList<>();
        for (final FaultInjection f : scenario.faults()) {
            if (f instanceof BusFault b) {
                out.add(b);
            }
        }
        return out;
    }

    /**
     * @param f a lane fault
     * @return how the fault hypothesis counts it: two-faced and off-specification timing are asymmetric, the rest
     *         benign (every receiver sees the same absence or the same detectably bad message; a stalled or
     *         rebooting lane is benign while it is down)
     */
    public static FaultClass faultClass(final LaneFault f) {
        return switch (f.kind()) {
            case TWO_FACED, SOS_TIMING -> FaultClass.ASYMMETRIC;
            case CRASH, OMISSION, GARBAGE, BABBLING, STALL, REBOOT -> FaultClass.BENIGN;
        };
    }

    private SensorModel sensor(final int lane, final int signal, final RandomStreams streams) {
        final SignalSpec spec = platform.signals().get(signal);
        final SensorProfile sensor = spec.sensorsByLane().get(lane);
        final String unit = platform.lanes().get(lane) + "." + spec.name();
        // The profile's bias is the 1-sigma spread of installation and calibration error between units: every unit
        // gets its own, as real redundant sensors do (a bias common to all units would be invisible to any vote).
        final double unitBias = sensor.bias() * streams.stream("bias." + unit).nextGaussian();
        final List<ScheduledFailure> scheduled = new ArrayList<>();
        for (final FaultInjection f : scenario.faults()) {
            if (f instanceof SensorFault sf && sf.lane() == lane && sf.signal() == signal) {
                final long onset = onset(sf.startSeconds());
                scheduled.add(new ScheduledFailure(EmulationMapping.failure(sf.kind(), sf.parameters(), sensor, lane),
                    onset, end(onset, sf.durationSeconds())));
            }
        }
        final List<FailureRate> rates = new ArrayList<>();
        if (scenario.randomFaults().enabled()) {
            for (final RatedFailure mode : sensor.failureModes()) {
                final long duration = mode.parameters().isTransient()
                    ? Math.max(1L, Math.round(mode.parameters().duration() * frameRateHz)) : ScheduledFailure.PERMANENT;
                rates.add(new FailureRate(EmulationMapping.failure(mode.kind(), mode.parameters(), sensor, lane),
                    mode.ratePerFlightHour() * scenario.randomFaults().scale(), duration));
            }
        }
        return new SensorModel(EmulationMapping.sensor(sensor, frameRateHz, unitBias), frameRateHz, scheduled, rates,
            streams.stream("sensor." + unit));
    }

    private LaneFault laneFault(final FaultInjection.LaneFault f) {
        final long onset = onset(f.startSeconds());
        final long end = end(onset, f.durationSeconds());
        return switch (f.kind()) {
            case CRASH -> Double.isFinite(f.durationSeconds())
                ? LaneFault.omission(f.lane(), onset, end, 1.0) : LaneFault.crash(f.lane(), onset);
            case OMISSION -> LaneFault.omission(f.lane(), onset, end, f.omissionProbability());
            case TWO_FACED -> LaneFault.twoFaced(f.lane(), onset, end, victimOffsets(f));
            case GARBAGE -> LaneFault.garbage(f.lane(), onset, end);
            case OFF_SPEC_TIMING -> LaneFault.sosTiming(f.lane(), onset, end, f.delaySeconds() * 1e6,
                perVictim(f, 0.0, 1.0));
            case BABBLING -> LaneFault.babbling(f.lane(), onset, end,
                (int) Math.min(1000L, Math.max(1L, Math.round(f.babbleRate() / frameRateHz))), 1L);
            case REBOOT -> LaneFault.reboot(f.lane(), onset, end);
            case STALL -> LaneFault.stall(f.lane(), onset, end);
        };
    }

    /** Per receiver lane: its offset as a victim, 0 for a lane the two-faced lane tells the truth. */
    private double[] victimOffsets(final FaultInjection.LaneFault f) {
        final double[] values = new double[platform.lanes().size()];
        for (int v = 0; v < f.victims().size(); v++) {
            values[f.victims().get(v)] = f.victimOffsets().get(v);
        }
        return values;
    }

    private double[] perVictim(final FaultInjection.LaneFault f, final double victim, final double other) {
        final double[] values = new double[platform.lanes().size()];
        for (int l = 0; l < values.length; l++) {
            values[l] = f.victims().contains(l) ? victim : other;
        }
        return values;
    }

    private long onset(final double seconds) {
        return Math.round(seconds * frameRateHz);
    }

    private long end(final long onset, final double durationSeconds) {
        return Double.isFinite(durationSeconds) ? onset + Math.max(1L, Math.round(durationSeconds * frameRateHz))
            : ScheduledFailure.PERMANENT;
    }
}
