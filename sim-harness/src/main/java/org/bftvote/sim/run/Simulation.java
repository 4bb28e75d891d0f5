package org.bftvote.sim.run;

import java.util.List;
import java.util.function.LongConsumer;

import org.bftvote.InvalidConfigException;
import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.agreement.memory.LaneCluster;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.sim.emulation.LaneFault;
import org.bftvote.sim.emulation.LaneFaultModel;
import org.bftvote.sim.emulation.RandomStreams;
import org.bftvote.sim.emulation.SensorModel;
import org.bftvote.sim.emulation.TruthModel;
import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.yaml.ProfileException;

/**
 * One scenario run on its platform, frame by frame: the truth of every signal, each lane's sensors
 * ({@link SensorFrontEnd}), each lane's {@link LanePipeline} (the library, driven as a controller would drive it)
 * exchanging real encoded messages in memory through an {@link ExchangeInterceptor} that applies the emulated lanes
 * and buses, the lane computers a scenario stalls or reboots ({@link LaneComputers}), the {@link FaultOracle} that
 * knows which units are faulty and whether the fault hypothesis holds, and the lanes' outputs
 * ({@link OutputReport}). Each frame is handed to the observers as one {@link FrameSample},
 * preceded by the exclusions that took effect in it.
 *
 * <p>Determinism: every random choice comes from a stream of {@link RandomStreams} derived from the scenario seed
 * and the stream's name ({@code truth.<signal>}, {@code bias.<lane>.<signal>}, {@code sensor.<lane>.<signal>},
 * {@code bus.<bus>.<network>} and the same followed by {@code .<fault id>} for a bus fault's faulted form,
 * {@code lane-faults}, {@code sensor-bus.<lane>}...), so a stream does not depend on which other streams exist.
 * The same seed gives the same frames bit for bit.
 *
 * <p>Build allocates everything; {@link #step(FrameSample)} allocates nothing (except in the frame a rebooting lane
 * restarts: its new pipeline). Not thread safe.
 */
public final class Simulation {
    private final Scenario scenario;
    private final RunDescriptor descriptor;
    private final double frameRateHz;
    private final int signals;
    private final TruthModel[] truth;
    private final SensorFrontEnd sensorFrontEnd;
    private final PipelineCluster cluster;
    private final ExchangeInterceptor interceptor;
    private final SensorLinks sensorLinks;
    /** Index of the first sensor-bus outcome in the descriptor's message outcomes, or -1 without a sensor bus. */
    private final int sensorOutcomeBase;
    private final FaultOracle oracle;
    private final LaneComputers computers;
    private final OutputReport outputs;
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
        final int lanes = platform.lanes().size();
        this.signals = platform.signals().size();
        this.descriptor = RunDescriptorMapping.descriptor(scenario, new LanePipeline(config, 0).recoveryBoundFrames());
        final RandomStreams streams = new RandomStreams(scenario.seed());
        final ScenarioModels models = new ScenarioModels(scenario);
        final List<LaneFault> laneFaultList = models.laneFaults();
        final SensorModel[][] sensors;
        final LaneFaultModel laneFaults;
        try {
            truth = models.truth(streams);
            sensors = models.sensors(streams);
            final int capacity = new AgreementLane(config.agreement(), 0).maxMessageLength() + LaneCluster.SLACK;
            interceptor = ExchangeInterceptor.forScenario(scenario, streams, capacity);
            laneFaults = interceptor.laneFaults();
            final SensorBuses sensorBuses = SensorBuses.of(platform, models.busFaults(), frameRateHz, streams);
            sensorLinks = new SensorLinks(sensorBuses, lanes, signals);
            sensorOutcomeBase = sensorBuses == null ? -1 : ExchangeInterceptor.OUTCOMES;
            cluster = new PipelineCluster(config, interceptor);
            interceptor.attach(cluster);
        } catch (final InvalidConfigException e) {
            throw new ProfileException(scenario.file(), 0, "scenario", e.getMessage());
        }
        sensorFrontEnd = new SensorFrontEnd(sensors, sensorLinks);
        computers = new LaneComputers(laneFaultList, cluster);
        oracle = new FaultOracle(platform.agreement(), laneFaultList, laneFaults, interceptor, sensors, sensorLinks,
            cluster);
        outputs = new OutputReport(cluster, lanes, signals);
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
     * @param tap told of every exchange message each lane receives, in the order it receives it (a trace records
     *            them); {@link MessageTap#NONE} by default
     */
    public void messageTap(final MessageTap tap) {
        interceptor.tap(tap);
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
        sensorFrontEnd.sample(f, sample);
        interceptor.beginFrame(f);
        computers.beforeFrame(f);
        for (long stopped = computers.stopped(); stopped != 0L; stopped &= stopped - 1) {
            interceptor.laneDidNotRun(Long.numberOfTrailingZeros(stopped));
        }
        cluster.runFrame(f, sensorFrontEnd.readings(), sensorFrontEnd.validMasks(), sensorFrontEnd.freshMasks());
        oracle.judge(f, sample);
        outputs.report(f, sample, observers, computers.running());
        countMessages(sample);
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
    public void runAll(final FrameSample sample, final LongConsumer progress) {
        final long total = descriptor.durationFrames();
        final long tenth = total >= 100_000 ? total / 10 : Long.MAX_VALUE;
        while (frame < total) {
            step(sample);
            if (frame % tenth == 0) {
                progress.accept(frame);
            }
        }
    }

    private void countMessages(final FrameSample sample) {
        for (int i = 0; i < ExchangeInterceptor.OUTCOMES; i++) {
            sample.addMessages(i, interceptor.count(i));
        }
        if (sensorOutcomeBase >= 0) {
            for (int o = 0; o < RunDescriptorMapping.SENSOR_BUS_OUTCOMES.length; o++) {
                sample.addMessages(sensorOutcomeBase + o,
                    sensorLinks.count(RunDescriptorMapping.SENSOR_BUS_OUTCOMES[o].ordinal()));
            }
        }
    }
}
