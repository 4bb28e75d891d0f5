package org.bftvote.sim.run;

import java.util.ArrayList;
import java.util.List;

import org.bftvote.InvalidConfigException;
import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.ExclusionReason;
import org.bftvote.channel.OutputStatus;
import org.bftvote.sim.emulation.DeliveryOutcome;
import org.bftvote.sim.emulation.FailureRate;
import org.bftvote.sim.emulation.FaultClass;
import org.bftvote.sim.emulation.FaultLedger;
import org.bftvote.sim.emulation.FaultUnit;
import org.bftvote.sim.emulation.HypothesisVerdict;
import org.bftvote.sim.emulation.LaneFault;
import org.bftvote.sim.emulation.LaneFaultModel;
import org.bftvote.sim.emulation.RandomStreams;
import org.bftvote.sim.emulation.ScheduledFailure;
import org.bftvote.sim.emulation.SensorModel;
import org.bftvote.sim.emulation.SensorReading;
import org.bftvote.sim.emulation.TruthModel;
import org.bftvote.sim.profile.AgreementMode;
import org.bftvote.sim.profile.FailureMode;
import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.profile.SensorProfile;
import org.bftvote.sim.profile.SignalSpec;
import org.bftvote.sim.results.FaultInjection;
import org.bftvote.sim.results.FrameObserver;
import org.bftvote.sim.results.FrameSample;
import org.bftvote.sim.results.OutputStatusCode;
import org.bftvote.sim.results.RunDescriptor;
import org.bftvote.sim.scenario.FaultInjection.BusFault;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.yaml.ProfileException;

/**
 * One scenario run on its platform, frame by frame: the truth of every signal, each lane's sensors, each lane's
 * {@link LanePipeline} (the library, driven as a controller would drive it) exchanging real encoded messages in
 * memory through an {@link ExchangeInterceptor} that applies the emulated lanes and buses, and an oracle that knows
 * which units are faulty and whether the fault hypothesis holds. Each frame is handed to the observers as one
 * {@link FrameSample}, preceded by the exclusions that took effect in it.
 *
 * <p>Determinism: every random choice comes from the scenario seed through {@link RandomStreams}, requested in this
 * fixed order: {@code truth.<signal>} for each signal; {@code sensor.<lane>.<signal>} lane by lane, signal by
 * signal; {@code bus.<bus>.<network>} for each exchange bus and network, then the same followed by
 * {@code .<fault id>} for each bus fault's faulted form; {@code lane-faults}. The same seed gives the same frames bit
 * for bit.
 *
 * <p>The oracle: a lane is faulty in a frame when one of its lane faults is active, or when the bus made it look
 * faulty in that frame (some receivers missing its message while others got it, or a wrong but valid copy:
 * asymmetric; every receiver missing it: benign). A channel is faulty while its sensor failure is active. The fault
 * hypothesis is exceeded in a frame when either the agreement's (OM(m): at most m faulty lanes; OMH: the hybrid
 * budget, both checked by {@link FaultLedger}) or the voters' is: for a signal, the faulty channels not yet isolated
 * by the first healthy lane must stay at most {@code (available − 1) / 2}, available being the channels it has not
 * isolated (so two faults one after the other, the first isolated before the second, stay within it).
 *
 * <p>Build allocates everything; {@link #step(FrameSample)} allocates nothing. Not thread safe.
 */
public final class Simulation {
    /** Mixed into the scenario seed for the root of the sensor units' calibration biases. */
    private static final long UNIT_BIAS_SALT = 0xB1A5_5EED_CA1B_0001L;

    private static final OutputStatusCode[] STATUS_CODE = statusCodes();
    private static final FaultClass[] FAULT_CLASSES = FaultClass.values();
    private static final String LANE_EXCLUDED = "lane excluded (agreed accusations)";
    /** What can happen to a sensor sample on its bus, in the order of the results' sensor_bus_* counts. */
    private static final DeliveryOutcome[] SENSOR_BUS_OUTCOMES = {DeliveryOutcome.DELIVERED, DeliveryOutcome.LOST,
        DeliveryOutcome.LATE, DeliveryOutcome.CORRUPTED_DETECTED, DeliveryOutcome.CORRUPTED_UNDETECTED};

    private final Scenario scenario;
    private final RunDescriptor descriptor;
    private final double frameRateHz;
    private final int lanes;
    private final int signals;
    private final TruthModel[] truth;
    private final SensorModel[][] sensors;
    private final double[][] readings;
    private final long[] validMasks;
    private final long[] freshMasks;
    private final PipelineCluster cluster;
    private final ExchangeInterceptor interceptor;
    private final SensorLinks sensorLinks;
    /** Index of the first sensor-bus outcome in the descriptor's message outcomes, or -1 without a sensor bus. */
    private final int sensorOutcomeBase;
    private final LaneFaultModel laneFaults;
    private final FaultLedger ledger;
    private final HypothesisVerdict verdict = new HypothesisVerdict();
    private final boolean hybrid;
    private final int m;
    private final int budgetA;
    private final int budgetS;
    private final int budgetB;
    private final long[][] previousFailed;
    private final long[] previousExcluded;
    private final String[] reasonText;
    private final int[] outcomeIndex;
    private FrameObserver[] observers = new FrameObserver[0];
    private long frame;

    /**
     * Builds the whole run: profiles mapped to the library's and the emulation's configurations.
     *
     * @param scenario the validated scenario (seed and duration applied)
     * @throws ProfileException if the platform asks for a configuration the library refuses
     */
    public Simulation(final Scenario scenario) throws ProfileException {
        this(scenario, LibraryMapping.pipeline(scenario.platform()));
    }

    private Simulation(final Scenario scenario, final PipelineConfig config) throws ProfileException {
        this.scenario = scenario;
        final PlatformProfile platform = scenario.platform();
        this.frameRateHz = platform.frameRate();
        this.lanes = platform.lanes().size();
        this.signals = platform.signals().size();
        this.descriptor = descriptor(scenario);
        final RandomStreams streams = new RandomStreams(scenario.seed());
        // Each sensor unit's own calibration bias is drawn once from a root of its own, so adding it leaves every
        // other stream (and so every other random choice of the run) as it was.
        final RandomStreams unitBiases = new RandomStreams(scenario.seed() ^ UNIT_BIAS_SALT);
        try {
            truth = new TruthModel[signals];
            for (int s = 0; s < signals; s++) {
                truth[s] = EmulationMapping.truth(scenario.truthBySignal().get(s),
                    streams.stream("truth." + platform.signals().get(s).name()));
            }
            sensors = new SensorModel[lanes][signals];
            for (int l = 0; l < lanes; l++) {
                for (int s = 0; s < signals; s++) {
                    sensors[l][s] = sensorModel(scenario, l, s, streams, unitBiases);
                }
            }
            final List<BusFault> busFaults = new ArrayList<>();
            final List<LaneFault> laneFaultList = new ArrayList<>();
            final double[] range = new double[signals];
            for (int s = 0; s < signals; s++) {
                range[s] = platform.signals().get(s).rangeMax() - platform.signals().get(s).rangeMin();
            }
            for (final org.bftvote.sim.scenario.FaultInjection f : scenario.faults()) {
                if (f instanceof BusFault b) {
                    busFaults.add(b);
                } else if (f instanceof org.bftvote.sim.scenario.FaultInjection.LaneFault lf) {
                    laneFaultList.add(laneFault(lf));
                }
            }
            final int capacity = new org.bftvote.agreement.AgreementLane(config.agreement(), 0).maxMessageLength()
                + org.bftvote.agreement.memory.LaneCluster.SLACK;
            final ExchangeBuses buses = new ExchangeBuses(platform, busFaults, frameRateHz, streams, capacity);
            laneFaults = new LaneFaultModel(laneFaultList, streams.stream("lane-faults"));
            interceptor = new ExchangeInterceptor(laneFaults, buses, signals, range, lanes, capacity);
            // Requested last, so that the sensor buses leave every earlier stream as it was.
            final SensorBuses sensorBuses = SensorBuses.of(platform, busFaults, frameRateHz, streams);
            sensorLinks = new SensorLinks(sensorBuses, lanes, signals);
            sensorOutcomeBase = sensorBuses == null ? -1 : ExchangeInterceptor.OUTCOMES;
            cluster = new PipelineCluster(config, interceptor);
            interceptor.attach(cluster);
        } catch (final InvalidConfigException e) {
            throw new ProfileException(scenario.file(), 0, "scenario", e.getMessage());
        }
        ledger = new FaultLedger(lanes);
        for (final LaneFault f : laneFaultListOf(scenario)) {
            ledger.record(FaultUnit.LANE, f.lane(), -1, laneClass(f), f.onsetFrame(), f.endFrame(), f.toString());
        }
        hybrid = platform.agreement().mode() == AgreementMode.OMH;
        m = platform.agreement().m();
        budgetA = platform.agreement().asymmetric();
        budgetS = platform.agreement().symmetric();
        budgetB = platform.agreement().benign();
        readings = new double[lanes][signals];
        validMasks = new long[lanes];
        freshMasks = new long[lanes];
        previousFailed = new long[lanes][signals];
        previousExcluded = new long[lanes];
        reasonText = new String[ExclusionReason.values().length];
        for (final ExclusionReason r : ExclusionReason.values()) {
            reasonText[r.ordinal()] = r.name().toLowerCase(java.util.Locale.ROOT);
        }
        outcomeIndex = new int[ExchangeInterceptor.OUTCOMES];
        for (int i = 0; i < outcomeIndex.length; i++) {
            outcomeIndex[i] = i;
        }
    }

    /** @return the run's shape for the results layer */
    public RunDescriptor descriptor() {
        return descriptor;
    }

    /** @return the scenario being run */
    public Scenario scenario() {
        return scenario;
    }

    /** @return the lanes' pipelines, run in memory */
    public PipelineCluster cluster() {
        return cluster;
    }

    /**
     * @param newObservers who receives each frame, in this order
     */
    public void observers(final List<? extends FrameObserver> newObservers) {
        this.observers = newObservers.toArray(new FrameObserver[0]);
    }

    /** @return the next frame {@link #step} runs */
    public long frame() {
        return frame;
    }

    /**
     * Runs one frame and reports it to the observers.
     *
     * @param sample the reused sample, built for {@link #descriptor()}
     */
    public void step(final FrameSample sample) {
        final long f = frame++;
        final double t = f / frameRateHz;
        sample.begin(f, t);
        for (int s = 0; s < signals; s++) {
            sample.truth(s, truth[s].valueAt(f, t));
        }
        sensorLinks.beginFrame();
        for (int l = 0; l < lanes; l++) {
            long valid = 0L;
            long fresh = 0L;
            sensorLinks.beginLane(f, l);
            final long previousValid = validMasks[l];
            for (int s = 0; s < signals; s++) {
                final SensorModel sensor = sensors[l][s];
                final SensorReading r = sensor.sample(f, sample.truth(s));
                final double value = sensorLinks.receive(l, s, sensor.valueFor(l), r.valid(), r.fresh(),
                    readings[l][s], (previousValid & (1L << s)) != 0);
                readings[l][s] = value;
                if (sensorLinks.valid()) {
                    valid |= 1L << s;
                }
                if (sensorLinks.fresh()) {
                    fresh |= 1L << s;
                }
                sample.sensor(l, s, value, sensorLinks.valid(), sensorLinks.fresh());
            }
            validMasks[l] = valid;
            freshMasks[l] = fresh;
        }
        interceptor.beginFrame(f);
        cluster.runFrame(f, readings, validMasks, freshMasks);

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
        final long healthy = ~faultyLanes & ((1L << lanes) - 1);
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

        for (int l = 0; l < lanes; l++) {
            final LanePipeline p = cluster.pipeline(l);
            final long excluded = p.excludedMask();
            long newLanes = excluded & ~previousExcluded[l];
            previousExcluded[l] = excluded;
            while (newLanes != 0L) {
                final int j = Long.numberOfTrailingZeros(newLanes);
                newLanes &= newLanes - 1;
                report(f, l, FaultInjection.ALL_SIGNALS, j, LANE_EXCLUDED);
            }
            sample.excludedLanes(l, excluded);
            for (int s = 0; s < signals; s++) {
                final ChannelOutput out = p.output(s);
                final long failed = out.failedMask();
                long newFailed = failed & ~previousFailed[l][s];
                previousFailed[l][s] = failed;
                while (newFailed != 0L) {
                    final int c = Long.numberOfTrailingZeros(newFailed);
                    newFailed &= newFailed - 1;
                    report(f, l, s, c, reasonText[out.failureReason(c).ordinal()]);
                }
                sample.output(l, s, out.value(), STATUS_CODE[out.status().ordinal()].code(), out.healthyMask());
            }
        }
        for (int i = 0; i < outcomeIndex.length; i++) {
            sample.addMessages(i, interceptor.count(i));
        }
        if (sensorOutcomeBase >= 0) {
            for (int o = 0; o < SENSOR_BUS_OUTCOMES.length; o++) {
                sample.addMessages(sensorOutcomeBase + o, sensorLinks.count(SENSOR_BUS_OUTCOMES[o].ordinal()));
            }
        }
        for (final FrameObserver o : observers) {
            o.onFrame(sample);
        }
    }

    /**
     * Runs every remaining frame of the scenario.
     *
     * @param sample   the reused sample
     * @param progress called with the frame every tenth of the run when the run is long, else never
     */
    public void runAll(final FrameSample sample, final java.util.function.LongConsumer progress) {
        final long total = descriptor.durationFrames();
        final long tenth = total >= 100_000 ? total / 10 : Long.MAX_VALUE;
        while (frame < total) {
            step(sample);
            if (frame % tenth == 0) {
                progress.accept(frame);
            }
        }
    }

    private void report(final long f, final int lane, final int signal, final int channel, final String reason) {
        for (final FrameObserver o : observers) {
            o.onExclusion(f, lane, signal, channel, reason);
        }
    }

    private static OutputStatusCode[] statusCodes() {
        final OutputStatusCode[] codes = new OutputStatusCode[OutputStatus.values().length];
        for (final OutputStatus s : OutputStatus.values()) {
            codes[s.ordinal()] = switch (s) {
                case NORMAL -> OutputStatusCode.NORMAL;
                case DEGRADED -> OutputStatusCode.DEGRADED;
                case NO_MAJORITY -> OutputStatusCode.NO_MAJORITY;
                case INVALID -> OutputStatusCode.INVALID;
            };
        }
        return codes;
    }

    private long onset(final double seconds) {
        return Math.round(seconds * frameRateHz);
    }

    private long end(final long onset, final double durationSeconds) {
        return Double.isFinite(durationSeconds) ? onset + Math.max(1L, Math.round(durationSeconds * frameRateHz))
            : ScheduledFailure.PERMANENT;
    }

    private SensorModel sensorModel(final Scenario sc, final int lane, final int signal, final RandomStreams streams,
        final RandomStreams unitBiases) {
        final PlatformProfile platform = sc.platform();
        final SignalSpec spec = platform.signals().get(signal);
        final SensorProfile sensor = spec.sensorsByLane().get(lane);
        // The profile's bias is the 1-sigma spread of installation and calibration error between units: every unit
        // gets its own, as real redundant sensors do (a bias common to all units would be invisible to any vote).
        final double unitBias = sensor.bias()
            * unitBiases.stream("bias." + platform.lanes().get(lane) + "." + spec.name()).nextGaussian();
        final List<ScheduledFailure> scheduled = new ArrayList<>();
        for (final org.bftvote.sim.scenario.FaultInjection f : sc.faults()) {
            if (f instanceof org.bftvote.sim.scenario.FaultInjection.SensorFault sf && sf.lane() == lane
                && sf.signal() == signal) {
                final long onset = onset(sf.startSeconds());
                scheduled.add(new ScheduledFailure(EmulationMapping.failure(sf.kind(), sf.parameters(), sensor, lane),
                    onset, end(onset, sf.durationSeconds())));
            }
        }
        final List<FailureRate> rates = new ArrayList<>();
        if (sc.randomFaults().enabled()) {
            for (final FailureMode mode : sensor.failureModes()) {
                final long duration = mode.parameters().isTransient()
                    ? Math.max(1L, Math.round(mode.parameters().duration() * frameRateHz)) : ScheduledFailure.PERMANENT;
                rates.add(new FailureRate(EmulationMapping.failure(mode.kind(), mode.parameters(), sensor, lane),
                    mode.ratePerFlightHour() * sc.randomFaults().scale(), duration));
            }
        }
        return new SensorModel(EmulationMapping.sensor(sensor, frameRateHz, unitBias), frameRateHz, scheduled, rates,
            streams.stream("sensor." + platform.lanes().get(lane) + "." + spec.name()));
    }

    private LaneFault laneFault(final org.bftvote.sim.scenario.FaultInjection.LaneFault f) {
        final long onset = onset(f.startSeconds());
        final long end = end(onset, f.durationSeconds());
        return switch (f.kind()) {
            case CRASH -> Double.isFinite(f.durationSeconds())
                ? LaneFault.omission(f.lane(), onset, end, 1.0) : LaneFault.crash(f.lane(), onset);
            case OMISSION -> LaneFault.omission(f.lane(), onset, end, f.omissionProbability());
            case TWO_FACED -> LaneFault.twoFaced(f.lane(), onset, end, perVictim(f, f.offsetFraction(), 0.0));
            case GARBAGE -> LaneFault.garbage(f.lane(), onset, end);
            case OFF_SPEC_TIMING -> LaneFault.sosTiming(f.lane(), onset, end, f.delaySeconds() * 1e6,
                perVictim(f, 0.0, 1.0));
            case BABBLING -> LaneFault.babbling(f.lane(), onset, end,
                (int) Math.min(1000L, Math.max(1L, Math.round(f.babbleRate() / frameRateHz))), 1L);
        };
    }

    private double[] perVictim(final org.bftvote.sim.scenario.FaultInjection.LaneFault f, final double victim,
        final double other) {
        final double[] values = new double[lanes];
        for (int l = 0; l < lanes; l++) {
            values[l] = f.victims().contains(l) ? victim : other;
        }
        return values;
    }

    private List<LaneFault> laneFaultListOf(final Scenario sc) {
        final List<LaneFault> out = new ArrayList<>();
        for (final org.bftvote.sim.scenario.FaultInjection f : sc.faults()) {
            if (f instanceof org.bftvote.sim.scenario.FaultInjection.LaneFault lf) {
                out.add(laneFault(lf));
            }
        }
        return out;
    }

    private static FaultClass laneClass(final LaneFault f) {
        return switch (f.kind()) {
            case TWO_FACED, SOS_TIMING -> FaultClass.ASYMMETRIC;
            case CRASH, OMISSION, GARBAGE, BABBLING -> FaultClass.BENIGN;
        };
    }

    private static RunDescriptor descriptor(final Scenario sc) {
        final PlatformProfile platform = sc.platform();
        final RunDescriptor.Builder b = RunDescriptor.builder()
            .scenario(sc.name()).platform(platform.name()).seed(sc.seed()).frameRateHz(platform.frameRate())
            .lanes(platform.lanes().size())
            .durationFrames(Math.max(1L, Math.round(sc.durationSeconds() * platform.frameRate())))
            .faultHypothesis(hypothesisText(platform));
        for (final SignalSpec s : platform.signals()) {
            b.signal(s.name(), s.unit().dimension().canonicalSymbol());
        }
        for (final DeliveryOutcome o : DeliveryOutcome.values()) {
            b.messageOutcome(o.name().toLowerCase(java.util.Locale.ROOT));
        }
        b.messageOutcome("suppressed_by_lane").messageOutcome("babbled");
        if (hasSensorBus(platform)) {
            for (final DeliveryOutcome o : SENSOR_BUS_OUTCOMES) {
                b.messageOutcome("sensor_bus_" + o.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (final org.bftvote.sim.scenario.FaultInjection f : sc.faults()) {
            final long onset = Math.round(f.startSeconds() * platform.frameRate());
            if (f instanceof org.bftvote.sim.scenario.FaultInjection.SensorFault s) {
                b.fault(new FaultInjection(s.id(), "lane " + s.laneName() + " " + s.signalName(),
                    s.kind().yamlName(), onset, s.lane(), s.signal()));
            } else if (f instanceof org.bftvote.sim.scenario.FaultInjection.LaneFault l) {
                b.fault(new FaultInjection(l.id(), "lane " + l.laneName(), l.kind().yamlName(), onset, l.lane(),
                    FaultInjection.ALL_SIGNALS));
            } else if (f instanceof BusFault bus) {
                b.fault(new FaultInjection(bus.id(), "bus " + bus.bus() + (bus.network() == null ? ""
                    : " network " + bus.network()), bus.kind().yamlName(), onset, FaultInjection.NO_UNIT,
                    FaultInjection.ALL_SIGNALS));
            }
        }
        return b.build();
    }

    private static boolean hasSensorBus(final PlatformProfile platform) {
        for (final org.bftvote.sim.profile.BusAttachment b : platform.buses()) {
            if (b.role() == org.bftvote.sim.profile.BusRole.SENSOR) {
                return true;
            }
        }
        return false;
    }

    private static String hypothesisText(final PlatformProfile platform) {
        final int n = platform.lanes().size();
        final var a = platform.agreement();
        final String agreement = a.mode() == AgreementMode.OMH
            ? "OMH(" + a.m() + ") n=" + n + " a=" + a.asymmetric() + " s=" + a.symmetric() + " b=" + a.benign()
            : "OM(" + a.m() + ") n=" + n + ", at most " + a.m() + " faulty lane" + (a.m() == 1 ? "" : "s");
        return agreement + "; per signal, unisolated faulty channels <= (available - 1) / 2";
    }
}
