package org.bftvote.sim.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.OutputStatusCode;
import org.bftvote.sim.run.RunDescriptor;
import org.bftvote.sim.run.Simulation;
import org.bftvote.sim.scenario.Expectations;
import org.bftvote.sim.scenario.RandomFaults;
import org.bftvote.sim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * One sample of the shipped triplex's estimate, rebuilt: sample 98 of stratum 1 with seed 1 ({@code reliability
 * triplex-777-pfc --max-faults 1 --condition unsafe_output --samples 200}), lane L's AoA vane stuck. The vane is
 * excluded everywhere as frozen 2 s after onset; 37 s later, in frame 4274, one of lane R's exchange messages is lost
 * on one link, so the oracle calls R faulty for that frame while every lane still votes the mean of C's and R's
 * vanes. Judged against the readings of the healthy lanes only (C alone) that mean was an unsafe output; it lies
 * within what the two healthy vanes read, which is what the condition asks.
 */
class ShippedTriplexSingleFaultTest {
    private static final long SEED = 1_659_572_495_467_442_335L;
    private static final double ONSET_HOUR = 0.7335267068277428;
    private static final int AOA = 2;
    private static final int L = 0;
    private static final int R = 2;

    @Test
    void aStuckVaneAndAMessageLostInTheSameFrameShowNoUnsafeOutput() throws Exception {
        final Scenario flight = PlatformFlight.of(ProfileCatalog.load(RepoFiles.profiles())
            .platform("triplex-777-pfc"));
        final FailureCatalog catalog = FailureCatalog.of(flight.platform());
        final FaultSequence stuckVane = new FaultSequence(new int[] {event(catalog, "L.aoa:stuck")},
            new double[] {ONSET_HOUR});

        final Window w = run(flight, catalog, stuckVane);
        assertTrue(w.lostMessageFrames > 0, "the premise: some frame after the vane's exclusion has lane R faulty "
            + "for a lost message while every lane votes C and R (the seed or the simulator changed)");
        assertEquals(w.lostMessageFrames, w.meanOfCAndRFrames, "in each such frame every lane presents the mean of "
            + "C's and R's vanes, DEGRADED");
        assertEquals(0, w.metrics.validityViolationFrames(), "the mean of two healthy vanes is no unsafe output");

        final Outcome judged = new SimulatorOracle(flight, catalog, 5.0, 40.0, 1.0,
            List.of(Condition.UNSAFE_OUTPUT)).judge(stuckVane, SEED);
        assertFalse(judged.occurred(Condition.UNSAFE_OUTPUT), judged.toString());
    }

    private static int event(final FailureCatalog catalog, final String label) {
        for (int e = 0; e < catalog.events().size(); e++) {
            if (catalog.label(e).equals(label)) {
                return e;
            }
        }
        throw new AssertionError("no failure mode " + label + " in the shipped triplex's catalog");
    }

    /** The window as {@link SimulatorOracle} runs it, with the metrics and a watch on frames like frame 4274. */
    private static Window run(final Scenario flight, final FailureCatalog catalog, final FaultSequence sequence)
        throws Exception {
        final double frameRate = flight.platform().frameRate();
        final WindowTimeline timeline = WindowTimeline.of(sequence, catalog, 5.0, 40.0, 1.0, 1.0 / frameRate);
        final Scenario scenario = new Scenario(flight.name(), flight.file(), flight.description(), flight.platform(),
            timeline.endSeconds(), SEED, flight.truthBySignal(),
            List.of(catalog.events().get(sequence.event(0)).injector().at("f0", timeline.onsetSeconds()[0])),
            RandomFaults.OFF, Expectations.NONE);
        final Simulation simulation = new Simulation(scenario);
        final RunDescriptor descriptor = simulation.descriptor();
        final FrameSample sample = new FrameSample(descriptor);
        final long onset = Math.round(timeline.onsetSeconds()[0] * frameRate);
        while (simulation.frame() < onset) {
            simulation.step(sample);
        }
        final Window w = new Window(new RunMetrics(descriptor));
        simulation.observers(List.of(w.metrics, w));
        while (simulation.frame() < descriptor.durationFrames()) {
            simulation.step(sample);
        }
        return w;
    }

    /** Counts the frames in which L's vane is out everywhere and lane R is faulty only for its bus. */
    private static final class Window implements FrameObserver {
        private final RunMetrics metrics;
        private long lostMessageFrames;
        private long meanOfCAndRFrames;

        Window(final RunMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public void onExclusion(final long frame, final int observingLane, final int signal, final int channel,
            final String reason) {
            // The health masks of the next frame carry it.
        }

        @Override
        public void onFrame(final FrameSample s) {
            final boolean vaneOut = s.oracleFaultyChannels(AOA) == 1L << L && s.healthMask(L, AOA) == 0b110
                && s.healthMask(1, AOA) == 0b110;
            if (!vaneOut || s.oracleHealthyLanes() != 0b011) {
                return;
            }
            lostMessageFrames++;
            final double mean = (s.sensor(1, AOA) + s.sensor(R, AOA)) / 2.0;
            boolean every = true;
            for (int l = 0; l < 3; l++) {
                every &= s.status(l, AOA) == OutputStatusCode.DEGRADED.code()
                    && Math.abs(s.output(l, AOA) - mean) < 1e-9;
            }
            meanOfCAndRFrames += every ? 1 : 0;
        }
    }
}
