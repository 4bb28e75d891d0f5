package org.bftvote.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

import org.bftvote.agreement.AgreementConfig;
import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.EigEngine;
import org.bftvote.agreement.EntryStatus;
import org.bftvote.agreement.IcMessage;
import org.bftvote.agreement.memory.LaneCluster;
import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.ChannelEventListener;
import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;
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
 * Splits {@link AgreementFrameBenchmark}'s whole frame into its layers, each measured alone for one frame of all
 * lanes with the same configuration and readings (8 host signals plus the accusation signal, no faults):
 * <ul>
 *   <li>{@code engineOnly}: the n {@link EigEngine}s, entries handed straight from emit to accept;</li>
 *   <li>{@code crcOnly}: CRC-32C over every message of a frame twice (seal at the sender, verify at the
 *       receiver);</li>
 *   <li>{@code lanesOnly}: the n {@link AgreementLane}s in a {@link LaneCluster}: engine, encoding, CRC, header and
 *       entry checks, diagnosis, in-memory transport; no channel managers;</li>
 *   <li>{@code managersOnly}: K channel managers per lane, n lanes, on a fixed agreed vector.</li>
 * </ul>
 * {@code lanesOnly - engineOnly - crcOnly} is the codec's field work, the lane's checks and the cluster;
 * the whole frame minus {@code lanesOnly} is the managers and the pipeline around them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AgreementSplitBenchmark {
    private static final int SIGNALS = 8;
    private static final int RING = 256;

    /** Configuration, as in {@link AgreementFrameBenchmark}. */
    @Param({"OM1_N4", "OM2_N7"})
    public String setup;

    private SyncRoundSimulator engines;
    private LaneCluster cluster;
    private ChannelManager[] managers;
    private ChannelOutput[] outputs;
    private long[][][] words;
    private byte[][] status;
    private double[] agreed;
    private int[] messageLengths;
    private byte[] crcBuffer;
    private final CRC32C crc = new CRC32C();
    private long frame;

    /** Creates the benchmark state. */
    public AgreementSplitBenchmark() {
        // State is built in setUp.
    }

    /** Builds every layer and a ring of noisy readings. */
    @Setup
    public void setUp() {
        final AgreementConfig config = "OM2_N7".equals(setup)
            ? AgreementConfig.builder(7, 2, SIGNALS + 1).omClassic().build()
            : AgreementConfig.builder(4, 1, SIGNALS + 1).omClassic().build();
        final int n = config.lanes();
        final EigEngine[] engineArray = new EigEngine[n];
        final AgreementLane[] laneArray = new AgreementLane[n];
        final FaultKind[] kinds = new FaultKind[n];
        for (int i = 0; i < n; i++) {
            engineArray[i] = new EigEngine(config, i);
            laneArray[i] = new AgreementLane(config, i);
            kinds[i] = FaultKind.HEALTHY;
        }
        engines = new SyncRoundSimulator(engineArray, kinds, new NoAdversary());
        cluster = new LaneCluster(laneArray, MessageInterceptor.PASS);

        final SplittableRandom random = new SplittableRandom(42);
        words = new long[RING][n][SIGNALS + 1];
        status = new byte[n][SIGNALS + 1];
        for (int f = 0; f < RING; f++) {
            for (int k = 0; k < SIGNALS; k++) {
                final double truth = Math.sin(f * 0.01 * (k + 1));
                for (int i = 0; i < n; i++) {
                    words[f][i][k] = Double.doubleToRawLongBits(truth + 0.01 * random.nextDouble());
                }
            }
        }
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(status[i], EntryStatus.VALUE);
        }

        managers = new ChannelManager[n * SIGNALS];
        outputs = new ChannelOutput[n * SIGNALS];
        for (int i = 0; i < managers.length; i++) {
            managers[i] = new ChannelManager(
                ChannelConfig.builder(n).miscompareThreshold(0.5).build(), ChannelEventListener.NONE);
            outputs[i] = managers[i].newOutput();
        }
        agreed = new double[n];
        for (int i = 0; i < n; i++) {
            agreed[i] = 1.0 + 0.01 * i;
        }

        messageLengths = new int[config.rounds() * n * (n - 1)];
        int at = 0;
        for (int round = 1; round <= config.rounds(); round++) {
            for (int i = 0; i < n * (n - 1); i++) {
                messageLengths[at++] = IcMessage.length(laneArray[0].entriesPerMessage(round));
            }
        }
        crcBuffer = new byte[IcMessage.length(laneArray[0].entriesPerMessage(config.rounds()))];
        random.nextBytes(crcBuffer);
    }

    /**
     * @param bh sink for a result
     */
    @Benchmark
    public void engineOnly(final Blackhole bh) {
        final long[][] ring = words[(int) (frame & (RING - 1))];
        engines.runFrame(frame, ring, status);
        frame++;
        bh.consume(engines.engines()[0].decidedWord(1, 0));
    }

    /**
     * @param bh sink for a result
     */
    @Benchmark
    public void lanesOnly(final Blackhole bh) {
        final long[][] ring = words[(int) (frame & (RING - 1))];
        cluster.runFrame(frame, ring, status);
        frame++;
        bh.consume(cluster.lane(0).decidedWord(1, 0));
    }

    /**
     * @param bh sink for a result
     */
    @Benchmark
    public void crcOnly(final Blackhole bh) {
        int sum = 0;
        for (int i = 0; i < messageLengths.length; i++) {
            for (int pass = 0; pass < 2; pass++) {
                crc.reset();
                crc.update(crcBuffer, 0, messageLengths[i] - IcMessage.CRC_LENGTH);
                sum += (int) crc.getValue();
            }
        }
        bh.consume(sum);
    }

    /**
     * @param bh sink for a result
     */
    @Benchmark
    public void managersOnly(final Blackhole bh) {
        final long all = (1L << agreed.length) - 1;
        for (int i = 0; i < managers.length; i++) {
            managers[i].update(frame, agreed, all, all, outputs[i]);
        }
        frame++;
        bh.consume(outputs[0].value());
    }

    /** Never called: every lane is healthy. */
    private static final class NoAdversary implements EntryAdversary {
        @Override
        public void beginFrame(final long frameNumber) {
            // Nothing to prepare.
        }

        @Override
        public boolean entry(final int round, final int sender, final FaultKind kind, final int receiver,
                             final int path, final int signal, final long honestWord, final byte honestStatus,
                             final boolean honestSent, final Out out) {
            return false;
        }
    }
}
