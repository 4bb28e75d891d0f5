package org.bftvote.sim.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.QuadEightSignals;
import org.bftvote.sim.run.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Simulated frames per second: one operation is one whole frame of the quad OM(1) platform with 8 signals (truth,
 * 32 sensors, 4 lanes' pipelines exchanging encoded messages through the emulated AFDX A/B buses, oracle), results
 * kept in memory only ({@link RunMetrics}, no CSV or plots).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SimulationBenchmark {
    private Simulation simulation;
    private FrameSample sample;

    /** Creates the benchmark state. */
    public SimulationBenchmark() {
        // set up in setUp
    }

    /**
     * Builds a run long enough never to end during the measurement (the frame number only grows).
     *
     * @throws Exception if the shipped profiles cannot be loaded
     */
    @Setup
    public void setUp() throws Exception {
        simulation = new Simulation(QuadEightSignals.scenario(1e7));
        sample = new FrameSample(simulation.descriptor());
        simulation.observers(List.of(new RunMetrics(simulation.descriptor())));
    }

    /**
     * One simulated frame.
     *
     * @return the frame just run
     */
    @Benchmark
    public long frame() {
        simulation.step(sample);
        return sample.frame();
    }
}
