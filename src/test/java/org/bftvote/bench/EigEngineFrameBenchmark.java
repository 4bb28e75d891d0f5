package org.bftvote.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bftvote.agreement.AgreementConfig;
import org.bftvote.agreement.EigEngine;
import org.bftvote.agreement.EntryStatus;
import org.bftvote.testsupport.EntryAdversary;
import org.bftvote.testsupport.FaultKind;
import org.bftvote.testsupport.SyncRoundSimulator;
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
 * The interactive-consistency engines alone, without codec, lane checks or voting: one whole frame of every lane's
 * {@link EigEngine} (begin, m + 1 rounds of emit straight into the receivers' {@code accept}, close, decide)
 * through the test-support {@link SyncRoundSimulator}, 8 signals, no faults. Per operation = one frame of the
 * whole system (all n engines). Compare with {@link AgreementFrameBenchmark} to see what the wire layer adds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EigEngineFrameBenchmark {
    private static final int SIGNALS = 8;
    private static final int RING = 256;

    /** Configuration: OM(1) with 4 lanes, OM(2) with 7, corrected OMH(1) with 5 lanes (a = 1, b = 1). */
    @Param({"OM1_N4", "OM2_N7", "OMH1_N5"})
    public String setup;

    private SyncRoundSimulator simulator;
    private EigEngine[] engines;
    private long[][][] ring;
    private byte[][] status;
    private long frame;

    /** Creates the benchmark state. */
    public EigEngineFrameBenchmark() {
        // State is built in setUp.
    }

    /** Builds the engines and a ring of readings. */
    @Setup
    public void setUp() {
        final AgreementConfig config;
        switch (setup) {
            case "OM2_N7":
                config = AgreementConfig.builder(7, 2, SIGNALS).omClassic().build();
                break;
            case "OMH1_N5":
                config = AgreementConfig.builder(5, 1, SIGNALS).hybrid(1, 0, 1).build();
                break;
            default:
                config = AgreementConfig.builder(4, 1, SIGNALS).omClassic().build();
                break;
        }
        final int n = config.lanes();
        engines = new EigEngine[n];
        final FaultKind[] kinds = new FaultKind[n];
        for (int lane = 0; lane < n; lane++) {
            engines[lane] = new EigEngine(config, lane);
            kinds[lane] = FaultKind.HEALTHY;
        }
        simulator = new SyncRoundSimulator(engines, kinds, new NoAdversary());
        final SplittableRandom random = new SplittableRandom(42);
        ring = new long[RING][n][SIGNALS];
        for (int f = 0; f < RING; f++) {
            for (int k = 0; k < SIGNALS; k++) {
                final double truth = Math.sin(f * 0.01 * (k + 1));
                for (int i = 0; i < n; i++) {
                    ring[f][i][k] = Double.doubleToRawLongBits(truth + 0.01 * random.nextDouble());
                }
            }
        }
        status = new byte[n][SIGNALS];
        for (final byte[] lane : status) {
            java.util.Arrays.fill(lane, EntryStatus.VALUE);
        }
    }

    /**
     * @param bh sink for a decided word
     */
    @Benchmark
    public void wholeFrameAllEngines(final Blackhole bh) {
        simulator.runFrame(frame, ring[(int) (frame & (RING - 1))], status);
        frame++;
        bh.consume(engines[0].decidedWord(1, 0));
    }

    /** Never consulted: every lane is healthy. */
    private static final class NoAdversary implements EntryAdversary {
        @Override
        public void beginFrame(final long frameNumber) {
            // Nothing to prepare.
        }

        @Override
        public boolean entry(final int round, final int sender, final FaultKind kind, final int receiver,
                             final int pathIndex, final int signal, final long honestWord, final byte honestStatus,
                             final boolean honestSent, final Out out) {
            return false;
        }
    }
}
