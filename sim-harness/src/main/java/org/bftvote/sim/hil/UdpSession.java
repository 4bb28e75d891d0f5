package org.bftvote.sim.hil;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.Simulation;
import org.bftvote.sim.yaml.IoReasons;

/**
 * Lanes over UDP on 127.0.0.1: lane {@code i} is a {@link UdpLaneNode} in its own thread with its own socket bound
 * to {@code 127.0.0.1:(portBase + i)}, and an external lane (real hardware, or a bridge to it) is expected on its
 * port instead. The calling thread is the rig: it steps the in-memory {@link Simulation} ahead of the wall clock for
 * the readings each lane's sensors give (the simulation's own lanes give the reference outputs), publishes them
 * through the {@link FrameRing}, and compares the lanes' outputs bit for bit once every lane has done a frame.
 *
 * <p>Bounded: every thread stops at {@code schedule end + max(2 s, session length)}, sockets are closed whatever
 * happens, and only the loopback address is ever bound or sent to. The scenario's lane and bus faults act on the
 * simulation's in-memory exchange only, not on the sockets; its sensor faults reach the UDP lanes through the
 * readings.
 */
final class UdpSession {
    private static final long START_MARGIN_NS = 200_000_000L;
    private static final int WARM_UP_FRAMES = 3_000;
    /** The rig polls the lanes' progress this often (it must not take a core from them). */
    private static final long RIG_POLL_NS = 200_000L;

    private UdpSession() {
    }

    static HilResult run(final Simulation simulation, final PipelineConfig config, final double frameRateHz,
        final int portBase, final List<Integer> external) throws IOException {
        final int lanes = config.agreement().lanes();
        final int signals = simulation.descriptor().signalCount();
        final long frames = simulation.descriptor().durationFrames();
        final FrameRing ring = new FrameRing(lanes, signals);
        final AtomicBoolean stop = new AtomicBoolean();
        final List<DatagramSocket> sockets = new ArrayList<>();
        final UdpLaneNode[] nodes = new UdpLaneNode[lanes];
        final Thread[] threads = new Thread[lanes];
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final int rounds = new LanePipeline(config, 0).lane().rounds();
        final HilResult result = new HilResult();
        result.framesMatchingSimulation = 0;
        try {
            final List<LanePipeline> pipelines = new ArrayList<>();
            for (int l = 0; l < lanes; l++) {
                pipelines.add(new LanePipeline(config, l));
                if (!external.contains(l)) {
                    try {
                        sockets.add(new DatagramSocket(new InetSocketAddress(loopback, portBase + l)));
                    } catch (final IOException e) {
                        throw new IOException("cannot bind 127.0.0.1:" + (portBase + l) + " for lane " + l + ": "
                            + e.getMessage(), e);
                    }
                }
            }
            warmUp(config, signals);
            final WallClock clock = new WallClock(System.nanoTime() + START_MARGIN_NS, frameRateHz, rounds);
            final long length = frames * clock.periodNs();
            final long hardStop = clock.frameStart(0) + length + Math.max(2_000_000_000L, length);
            int socket = 0;
            for (int l = 0; l < lanes; l++) {
                if (external.contains(l)) {
                    ring.done.set(l, Long.MAX_VALUE);
                    continue;
                }
                nodes[l] = new UdpLaneNode(pipelines.get(l), sockets.get(socket++), portBase, clock, frames,
                    hardStop, ring, stop);
                threads[l] = new Thread(nodes[l], "lane-" + l);
                threads[l].setDaemon(true);
                threads[l].start();
            }
            final Rig rig = new Rig(simulation, ring, lanes, signals, external, result);
            rig.run(frames, hardStop, stop);
            for (int l = 0; l < lanes; l++) {
                if (threads[l] != null) {
                    threads[l].join(Math.max(1L, (hardStop - System.nanoTime()) / 1_000_000L));
                }
            }
            rig.compareUpTo(Math.min(frames, rig.minDone()));
            result.periodNs = clock.periodNs();
            result.roundBudgetNs = clock.roundBudgetNs();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
        } finally {
            stop.set(true);
            for (final DatagramSocket s : sockets) {
                s.close();
            }
        }
        long run = Long.MAX_VALUE;
        for (int l = 0; l < lanes; l++) {
            if (nodes[l] == null) {
                continue;
            }
            if (threads[l].isAlive()) {
                threads[l].interrupt();
            }
            if (nodes[l].failure != null) {
                throw new IOException("lane " + l + " failed: " + IoReasons.reason(nodes[l].failure), nodes[l].failure);
            }
            result.perLane.add(nodes[l].stats);
            result.total.add(nodes[l].stats);
            result.messagesSent += nodes[l].sent;
            result.messagesAccepted += nodes[l].accepted;
            result.messagesDropped += nodes[l].dropped;
            result.roundDeadlineExpiries += nodes[l].roundExpiries;
            run = Math.min(run, nodes[l].stats.count());
        }
        result.framesRun = run == Long.MAX_VALUE ? 0 : run;
        result.stoppedEarly = result.framesRun < frames;
        result.transport = "udp";
        result.realtime = true;
        result.portBase = portBase;
        result.rounds = rounds;
        result.externalLanes = List.copyOf(external);
        return result;
    }

    /**
     * Runs the library's frame path in memory for a while before the clock starts, so the first scheduled frames
     * are not the ones the JIT compiles (a lane still interpreting the agreement would miss its round deadlines).
     */
    private static void warmUp(final PipelineConfig config, final int signals) {
        final PipelineCluster cluster = new PipelineCluster(config, MessageInterceptor.PASS);
        final int lanes = cluster.lanes();
        final double[][] readings = new double[lanes][signals];
        final long[] valid = new long[lanes];
        java.util.Arrays.fill(valid, (1L << signals) - 1);
        for (int f = 0; f < WARM_UP_FRAMES; f++) {
            for (int l = 0; l < lanes; l++) {
                for (int s = 0; s < signals; s++) {
                    readings[l][s] = 0.001 * ((f + l) % 7);
                }
            }
            cluster.runFrame(f, readings, valid);
        }
    }

    /** The rig: readings ahead of the lanes, outputs compared behind them. Runs in the calling thread. */
    private static final class Rig {
        private final Simulation simulation;
        private final FrameRing ring;
        private final int lanes;
        private final int signals;
        private final boolean[] internal;
        private final HilResult result;
        private final FrameSample sample;
        private long compared;

        Rig(final Simulation simulation, final FrameRing ring, final int lanes, final int signals,
            final List<Integer> external, final HilResult result) {
            this.simulation = simulation;
            this.ring = ring;
            this.lanes = lanes;
            this.signals = signals;
            this.internal = new boolean[lanes];
            for (int l = 0; l < lanes; l++) {
                internal[l] = !external.contains(l);
            }
            this.result = result;
            this.sample = new FrameSample(simulation.descriptor());
        }

        void run(final long frames, final long hardStop, final AtomicBoolean stop) {
            for (long f = 0; f < frames; f++) {
                while (compared < f - FrameRing.SLOTS + 1) {
                    if (System.nanoTime() > hardStop || stop.get()) {
                        return;
                    }
                    compareUpTo(minDone());
                    LockSupport.parkNanos(RIG_POLL_NS);
                }
                simulation.step(sample);
                final int slot = FrameRing.slot(f);
                for (int l = 0; l < lanes; l++) {
                    long valid = 0L;
                    long fresh = 0L;
                    for (int s = 0; s < signals; s++) {
                        ring.readings[slot][l][s] = sample.sensor(l, s);
                        if (sample.sensorValid(l, s)) {
                            valid |= 1L << s;
                        }
                        if (sample.sensorFresh(l, s)) {
                            fresh |= 1L << s;
                        }
                    }
                    ring.valid[slot][l] = valid;
                    ring.fresh[slot][l] = fresh;
                }
                for (int s = 0; s < signals; s++) {
                    ring.referenceBits[slot][s] = Double.doubleToRawLongBits(sample.output(0, s));
                }
                ring.produced.set(f + 1);
            }
            while (compared < frames && System.nanoTime() <= hardStop && !stop.get()) {
                compareUpTo(minDone());
                LockSupport.parkNanos(RIG_POLL_NS);
            }
        }

        long minDone() {
            long min = Long.MAX_VALUE;
            for (int l = 0; l < lanes; l++) {
                min = Math.min(min, ring.done.get(l));
            }
            return Math.min(min, ring.produced.get());
        }

        void compareUpTo(final long limit) {
            while (compared < limit) {
                final int slot = FrameRing.slot(compared);
                boolean agree = true;
                boolean matches = true;
                int reference = -1;
                for (int l = 0; l < lanes; l++) {
                    if (!internal[l]) {
                        continue;
                    }
                    if (reference < 0) {
                        reference = l;
                    }
                    for (int s = 0; s < signals; s++) {
                        agree &= ring.outBits[slot][l][s] == ring.outBits[slot][reference][s]
                            && ring.outStatus[slot][l][s] == ring.outStatus[slot][reference][s];
                    }
                }
                for (int s = 0; s < signals && reference >= 0; s++) {
                    matches &= ring.outBits[slot][reference][s] == ring.referenceBits[slot][s];
                }
                result.framesCompared++;
                result.framesLanesAgree += agree ? 1 : 0;
                if (!agree && result.firstDisagreementFrame < 0) {
                    result.firstDisagreementFrame = compared;
                }
                result.framesMatchingSimulation += matches ? 1 : 0;
                compared++;
            }
        }
    }
}
