package org.bftvote.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bftvote.agreement.PipelineConfig;
import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.ChannelConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One whole frame of every lane through the in-memory transport: each lane's pipeline begins with 8 readings,
 * all m + 1 rounds are encoded, CRC-sealed, decoded and checked, every lane decides, diagnoses and votes 8 signals.
 * Per operation = one frame of the whole system (all n lanes), no faults.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AgreementFrameBenchmark {
    private static final int SIGNALS = 8;
    private static final int RING = 256;

    /** Configuration: OM(1) with 4 lanes, OM(2) with 7, corrected OMH(1) with 5 lanes (a = 1, b = 1). */
    @Param({"OM1_N4", "OM2_N7", "OMH1_N5"})
    public String setup;

    private PipelineCluster system;
    private double[][][] ring;
    private long[] valid;
    private long frame;

    /** Creates the benchmark state. */
    public AgreementFrameBenchmark() {
        // State is built in setUp.
    }

    /** Builds the lanes and a ring of noisy readings. */
    @Setup
    public void setUp() {
        final PipelineConfig.Builder builder;
        switch (setup) {
            case "OM2_N7":
                builder = PipelineConfig.builder(7, 2, SIGNALS);
                break;
            case "OMH1_N5":
                builder = PipelineConfig.builder(5, 1, SIGNALS).hybrid(1, 0, 1);
                break;
            default:
                builder = PipelineConfig.builder(4, 1, SIGNALS);
                break;
        }
        final PipelineConfig config = builder.allSignals(ChannelConfig.builder(lanes()).miscompareThreshold(0.5).build())
            .build();
        final int n = config.lanes();
        system = new PipelineCluster(config, MessageInterceptor.PASS);
        final SplittableRandom random = new SplittableRandom(42);
        ring = new double[RING][n][SIGNALS];
        for (int f = 0; f < RING; f++) {
            for (int k = 0; k < SIGNALS; k++) {
                final double truth = Math.sin(f * 0.01 * (k + 1));
                for (int i = 0; i < n; i++) {
                    ring[f][i][k] = truth + 0.01 * random.nextDouble();
                }
            }
        }
        valid = new long[n];
        java.util.Arrays.fill(valid, -1L);
    }

    private int lanes() {
        return "OM2_N7".equals(setup) ? 7 : "OMH1_N5".equals(setup) ? 5 : 4;
    }

    /**
     * @param bh sink for an output
     */
    @Benchmark
    public void wholeFrameAllLanes(final Blackhole bh) {
        system.runFrame(frame, ring[(int) (frame & (RING - 1))], valid);
        frame++;
        bh.consume(system.pipeline(0).output(0).value());
    }
}
