package org.bftvote.sim.hil;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32C;

import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.LanePipeline;
import org.bftvote.clock.ClockSync;

/**
 * One lane computer's host software around the library, run as its own process: its own clock ({@link LaneClock}),
 * one UDP socket, and the schedule of {@code docs/reference/hil-wire-schedule.md}.
 *
 * <p>Before the session, and all through it, the lane runs one clock round per period on its clock's grid: at the
 * round's start it sends every other lane a clock request through its bus port, and after
 * {@value #RESOLVE_PERCENT} % of the period it corrects its clock by the fault-tolerant midpoint of the readings
 * ({@link ClockSync}). Until the rig's START it also sends HELLO every {@value #HELLO_ROUNDS} rounds and a STATUS
 * every round. Once the schedule is known and its clock has settled, each round of the session is a frame: readings
 * from the sensor datagram, {@code beginFrame}, each agreement round sent and received until its deadline (or until
 * every expected message is in), {@code completeFrame}, the outputs sent to the rig. A lane that finds itself a frame
 * or more behind its schedule (stalled, descheduled) skips to the next frame start instead of running late frames.
 *
 * <p>Ends after the session's last frame, after the frame a STOP names, or when the rig has been silent for
 * {@value #RIG_SILENCE_S} s; then it sends its REPORT and closes its socket.
 */
final class LaneHost {
    /** Share of the period after a round's start at which the clock round is resolved. */
    static final int RESOLVE_PERCENT = 60;
    /**
     * During the session a clock round runs every this many frames (before it, every period): the clocks drift by
     * at most a few parts per million, and the exchanges cost as many datagrams as the agreement's.
     */
    static final int CLOCK_EVERY = 4;
    /** Clock rounds between two HELLOs before the session starts. */
    static final int HELLO_ROUNDS = 10;
    /** A frame may start this late (share of the period, percent) before it is skipped. */
    static final int LATE_START_PERCENT = 25;
    /** Consecutive clock rounds with a correction below a quarter of the round window before frames run. */
    static final int SETTLED_ROUNDS = 3;
    static final long RIG_SILENCE_S = 10;
    /**
     * Once the session runs and the clock has settled, a round corrects the clock by half the fault-tolerant
     * midpoint, and by at most this much: a settled clock drifts a few microseconds between rounds, and a larger
     * correction comes from a reading whose exchange was held up on the way, which the next rounds average out
     * (before the session, and while a lane settles, the whole correction is applied).
     */
    static final long SLEW_LIMIT_NS = 50_000L;
    /** The frame thread busy-waits this long before a frame start (parking is not precise enough). */
    static final long SPIN_NS = 200_000L;
    private static final int RING = 1024;

    private final LaneOptions options;
    private final LanePipeline pipeline;
    private final AgreementLane lane;
    private final int self;
    private final int lanes;
    private final DatagramChannel channel;
    private final InetSocketAddress rig;
    private final InetSocketAddress bus;
    private final LaneClock clock;
    private final ClockSync sync;
    private final SensorInput sensors;
    private final DatagramRing ring = new DatagramRing(RING, RigDatagram.MAX_LENGTH + 1);
    private final long[] counters = new long[LaneCounter.COUNT];
    private final LaneInbox inbox;
    private final CRC32C crc = new CRC32C();
    private final byte[] tx;
    private final ByteBuffer txBuffer;
    private final long period;
    private LaneReceiver receiver;
    private long lastCorrection;
    private int settled;
    private long lastFrameRun = -1;
    private boolean skippedBefore;
    private long allocatedAtStart = -1;
    private long cpuAtStart = -1;
    private long wallAtStart;
    private long wallAtEnd;
    private long spinNs = SPIN_NS;
    private final byte[] traceTx;
    private final ByteBuffer traceBuffer;
    private int tracedThisFrame;

    LaneHost(final LaneOptions options, final LanePipeline pipeline, final DatagramChannel channel) {
        this.options = options;
        this.pipeline = pipeline;
        this.lane = pipeline.lane();
        this.self = lane.self();
        this.lanes = lane.lanes();
        this.channel = channel;
        this.rig = options.rig();
        this.bus = options.bus();
        this.period = options.periodNs();
        this.clock = new LaneClock(System.nanoTime(), options.clockOffsetNs(), options.clockRateError());
        this.sync = new ClockSync(lanes, (lanes - 1) / 3, self, ClockSync.MAX_OFFSET_LIMIT_NS);
        this.sensors = new SensorInput(pipeline.config().signals());
        this.traceTx = new byte[TraceDatagram.capacity(lane.maxMessageLength())];
        this.inbox = new LaneInbox(lane, clock, sync, sensors, counters, options.trace() ? this::trace
            : LaneInbox.Tracer.NONE);
        this.tx = new byte[Math.max(RigDatagram.MAX_LENGTH, lane.maxMessageLength())];
        this.txBuffer = ByteBuffer.wrap(tx);
        this.traceBuffer = ByteBuffer.wrap(traceTx);
        // Loads the JVM's management and process classes now: the first calls take tens of milliseconds.
        ThreadAllocation.currentThreadBytes();
        processCpuNs();
    }

    /**
     * Runs until the session ends, then reports.
     *
     * @return the counters the REPORT carried
     * @throws IOException if the socket fails
     */
    long[] run() throws IOException {
        final boolean realtime = Realtime.promoteCurrentThread(options.rtPriority());
        counters[LaneCounter.REALTIME_PRIORITY.ordinal()] = realtime ? options.rtPriority() : 0;
        Realtime.tightenTimerSlack();
        // Under the real-time policy a park ends on time; busy-waiting there would only keep the other lanes'
        // threads, of the same priority, off the core.
        spinNs = realtime ? 0 : SPIN_NS;
        final InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
        receiver = new LaneReceiver(channel, self, rig, bus, local.getPort(), options.linkPorts(), clock, ring,
            Thread.currentThread(), options.rtPriority());
        final Thread rx = new Thread(receiver, "lane-" + self + "-rx");
        rx.setDaemon(true);
        rx.start();
        long k = Math.floorDiv(clock.now(), period) + 1;
        while (!finished()) {
            k = nextRound(k);
            waitUntil(k * period, true);
            final LaneSchedule schedule = inbox.schedule();
            final long frame = schedule == null ? -1 : schedule.frameOf(k);
            if (frame >= 0 && frame <= inbox.stopFrame() && settled >= SETTLED_ROUNDS) {
                runFrame(k, frame, schedule);
            } else {
                if (frame >= 0 && lastFrameRun >= 0) {
                    counters[LaneCounter.FRAMES_SKIPPED.ordinal()]++;
                    skippedBefore = true;
                }
                clockOnlyRound(k);
            }
            k++;
        }
        return finish(rx, local);
    }

    private boolean finished() {
        final LaneSchedule s = inbox.schedule();
        boolean over = false;
        if (s != null) {
            final long lastPlanned = Math.min(s.frames() - 1, inbox.stopFrame());
            over = lastFrameRun >= lastPlanned || Math.floorDiv(clock.now(), period) > s.firstRound() + lastPlanned + 1;
        }
        final boolean rigGone = System.nanoTime() - receiver.lastRigRaw > RIG_SILENCE_S * 1_000_000_000L;
        return over || rigGone || receiver.failure != null;
    }

    /** The round to run next: {@code k}, or a later one when {@code k}'s start has passed by too much. */
    private long nextRound(final long k) {
        final long now = clock.now();
        final long current = Math.floorDiv(now, period);
        if (current < k || current == k && now - k * period <= period * LATE_START_PERCENT / 100) {
            return k;
        }
        final long next = current + 1;
        final LaneSchedule s = inbox.schedule();
        if (s != null && lastFrameRun >= 0) {
            final long from = Math.max(k, s.firstRound());
            final long to = Math.min(next, s.firstRound() + s.frames());
            if (to > from) {
                counters[LaneCounter.FRAMES_SKIPPED.ordinal()] += to - from;
                skippedBefore = true;
            }
        }
        return next;
    }

    private void clockOnlyRound(final long k) throws IOException {
        final long rawStart = System.nanoTime();
        beginClockRound(k);
        waitUntil(k * period + period * RESOLVE_PERCENT / 100, false);
        resolveClock(k);
        if (inbox.schedule() == null || settled < SETTLED_ROUNDS) {
            final int n = ControlDatagram.status(crc, tx, self, k, rawStart, lastCorrection, inbox.maxRoundTrip(),
                sync.readingMask());
            send(n, rig);
            if (inbox.schedule() == null && Math.floorMod(k, HELLO_ROUNDS) == 0) {
                send(ControlDatagram.hello(crc, tx, self, ProcessHandle.current().pid(), System.nanoTime(),
                    options.joining()), rig);
            }
        }
    }

    private void runFrame(final long k, final long frame, final LaneSchedule schedule) throws IOException {
        if (allocatedAtStart < 0) {
            allocatedAtStart = ThreadAllocation.currentThreadBytes();
            cpuAtStart = processCpuNs();
            wallAtStart = System.nanoTime();
        }
        final long start = schedule.frameStart(frame);
        final long rawStart = System.nanoTime();
        final long startLag = clock.local(rawStart) - start;
        final boolean clockRound = Math.floorMod(k, CLOCK_EVERY) == 0;
        if (clockRound) {
            beginClockRound(k);
        }
        final boolean haveSensors = sensors.readFrame(frame);
        counters[LaneCounter.SENSOR_MISSING.ordinal()] += haveSensors ? 0 : 1;
        pipeline.beginFrame(frame, sensors.readings(), sensors.validMask(), sensors.freshMask());
        inbox.beginFrame(frame);
        int expired = 0;
        for (int r = 1; r <= lane.rounds(); r++) {
            sendRound(r);
            inbox.openRound(r);
            if (!awaitRound(schedule.roundDeadline(frame, r), r)) {
                expired++;
            }
            lane.closeRound(r);
        }
        final boolean completed = pipeline.completeFrame() == AgreementLane.OK;
        inbox.endFrame();
        final long latency = clock.now() - start;
        counters[LaneCounter.DEADLINE_MISSES.ordinal()] += latency > schedule.period() ? 1 : 0;
        counters[LaneCounter.ROUNDS_EXPIRED.ordinal()] += expired;
        counters[LaneCounter.FRAMES_RUN.ordinal()]++;
        final int flags = (haveSensors ? 0 : OutputDatagram.FLAG_NO_SENSORS)
            | (skippedBefore ? OutputDatagram.FLAG_SKIPPED_BEFORE : 0)
            | (completed ? 0 : OutputDatagram.FLAG_NOT_COMPLETED);
        skippedBefore = false;
        OutputDatagram.writeFrame(tx, self, frame, rawStart, startLag, latency, lastCorrection, expired, flags,
            tracedThisFrame);
        tracedThisFrame = 0;
        send(OutputDatagram.writeOutputs(crc, tx, pipeline, completed, sensors), rig);
        lastFrameRun = frame;
        wallAtEnd = System.nanoTime();
        if (clockRound) {
            waitUntil(start + period * RESOLVE_PERCENT / 100, false);
            resolveClock(k);
        }
    }

    private void sendRound(final int round) throws IOException {
        for (int peer = 0; peer < lanes; peer++) {
            if (peer == self) {
                continue;
            }
            final int length = lane.encodeRound(round, peer, tx, 0);
            if (length > 0) {
                send(length, bus);
            }
        }
    }

    /** @return whether every expected message of the round arrived before its deadline */
    private boolean awaitRound(final long deadline, final int round) {
        while (true) {
            drain();
            if (inbox.allIn(round)) {
                return true;
            }
            final long now = clock.now();
            if (now >= deadline) {
                drain();
                return inbox.allIn(round);
            }
            LockSupport.parkNanos(clock.rawAt(deadline) - System.nanoTime());
        }
    }

    private void beginClockRound(final long k) throws IOException {
        sync.beginRound(k);
        inbox.beginClockRound(k);
        for (int peer = 0; peer < lanes; peer++) {
            if (peer != self) {
                final long t1 = clock.now();
                inbox.requestSent(peer, t1);
                send(SyncDatagram.writeRequest(crc, tx, self, peer, k, t1), bus);
            }
        }
    }

    /** Resolves clock round {@code k} and corrects the clock; counts the lane settled after small corrections. */
    private void resolveClock(final long k) {
        drain();
        inbox.feedClock(k);
        if (sync.resolve() == ClockSync.OK) {
            final boolean session = inbox.schedule() != null && settled >= SETTLED_ROUNDS;
            lastCorrection = session ? Math.max(-SLEW_LIMIT_NS, Math.min(SLEW_LIMIT_NS, sync.correctionNs() / 2))
                : sync.correctionNs();
            clock.adjust(lastCorrection);
            counters[LaneCounter.CLOCK_ROUNDS.ordinal()]++;
            final LaneSchedule s = inbox.schedule();
            final long quarterWindow = s == null ? period / 8 : s.window() / 4;
            settled = Math.abs(lastCorrection) < quarterWindow ? Math.min(settled + 1, SETTLED_ROUNDS) : 0;
        } else {
            lastCorrection = 0;
            counters[LaneCounter.CLOCK_ROUNDS_TOO_FEW.ordinal()]++;
        }
    }

    /**
     * Waits until the lane's clock reads {@code local}, settling datagrams as they come.
     *
     * @param spin busy-wait the last {@value #SPIN_NS} ns (frame starts)
     */
    private void waitUntil(final long local, final boolean spin) {
        while (true) {
            drain();
            final long left = clock.rawAt(local) - System.nanoTime();
            if (left <= 0) {
                return;
            }
            if (spin && left <= spinNs) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(spin ? left - spinNs : left);
            }
        }
    }

    private void drain() {
        for (int slot = ring.peek(); slot >= 0; slot = ring.peek()) {
            inbox.settle(ring.source[slot], ring.data[slot], ring.length[slot], ring.rxRaw[slot]);
            ring.release();
        }
    }

    /** Reports one received agreement message to the rig (tracing). */
    private void trace(final long frame, final int round, final int link, final byte[] data, final int length,
        final boolean late) {
        final int n = TraceDatagram.write(crc, traceTx, self, frame, round, link, late, data, length);
        try {
            traceBuffer.clear().limit(n);
            channel.send(traceBuffer, rig);
            counters[LaneCounter.SENT.ordinal()]++;
            tracedThisFrame++;
        } catch (final IOException e) {
            counters[LaneCounter.TRACE_SEND_FAILED.ordinal()]++;
        }
    }

    private void send(final int length, final InetSocketAddress to) throws IOException {
        txBuffer.clear().limit(length);
        channel.send(txBuffer, to);
        counters[LaneCounter.SENT.ordinal()]++;
    }

    /** @return the CPU time this process has used, ns, or -1 where the platform does not say */
    private static long processCpuNs() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    /** @return datagrams still in the socket once the receiving thread has stopped, read and not looked at */
    private long readWhatIsLeft() throws IOException {
        channel.configureBlocking(false);
        final ByteBuffer scratch = ByteBuffer.allocate(RigDatagram.MAX_LENGTH + 1);
        long n = 0;
        while (channel.receive(scratch.clear()) != null) {
            n++;
        }
        return n;
    }

    /** Stops the receiving thread, settles what is left, reports from the lane's socket, closes it. */
    private long[] finish(final Thread rx, final InetSocketAddress local) throws IOException {
        final long allocated = allocatedAtStart < 0 ? -1 : ThreadAllocation.currentThreadBytes() - allocatedAtStart;
        final long cpuNow = processCpuNs();
        counters[LaneCounter.SESSION_CPU_NS.ordinal()] = cpuAtStart < 0 || cpuNow < 0 ? -1 : cpuNow - cpuAtStart;
        counters[LaneCounter.SESSION_WALL_NS.ordinal()] = allocatedAtStart < 0 ? 0 : wallAtEnd - wallAtStart;
        receiver.stop();
        send(1, local);
        counters[LaneCounter.SENT.ordinal()]--;
        try {
            rx.join(1_000);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
        inbox.settleAtEnd();
        counters[LaneCounter.UNUSED_AT_END.ordinal()] += readWhatIsLeft();
        final long[] report = new long[LaneCounter.COUNT];
        for (int i = 0; i < report.length; i++) {
            report[i] = counters[i] + receiver.counters[i];
        }
        report[LaneCounter.KERNEL_DROPS.ordinal()] = KernelDrops.of(local.getAddress().getAddress(),
            local.getPort());
        report[LaneCounter.FRAME_THREAD_ALLOCATED_BYTES.ordinal()] = allocated;
        // The REPORT itself is not among the datagrams it counts as sent; it goes three times, the rig keeps one.
        final int n = ControlDatagram.report(crc, tx, self, lastFrameRun, report);
        for (int i = 0; i < 3; i++) {
            txBuffer.clear().limit(n);
            channel.send(txBuffer, rig);
            LockSupport.parkNanos(20_000_000L);
        }
        channel.close();
        return report;
    }
}
