package org.bftvote.sim.hil;

import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32C;

import org.bftvote.agreement.PipelineConfig;
import org.bftvote.sim.emulation.LaneFault;
import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.MessageTap;
import org.bftvote.sim.run.ScenarioModels;
import org.bftvote.sim.run.Simulation;
import org.bftvote.sim.yaml.IoReasons;

/**
 * A rig session with every lane its own process (the reference mode of {@code hil}). The rig's process binds its
 * control socket, starts the relay process ({@link RelayRun}: the bus between the lanes, with the scenario's faults)
 * and, once the relay has announced its bus ports, the lane processes ({@link LaneProcesses}); waits for every
 * lane's HELLO and for their clocks to settle ({@link RigCalibration}); derives the round window, chooses frame 0's
 * start on the lanes' clock and sends START (the relay gets the schedule too). Then, half a period before each frame,
 * it sends every lane its sensor samples {@value #SENSOR_LEAD_FRAMES} frames ahead ({@link SensorSender}), asks the
 * lanes' clocks every {@value #PING_EVERY} frames ({@link RigClock}, passed on to the relay), does the process faults
 * due, and finalizes the frames that can no longer change ({@link RigFrames}). After the last frame it waits for the
 * lanes' and the relay's REPORTs and ends every process it started. The socket layout and timing are those of
 * {@code docs/reference/hil-wire-schedule.md}.
 *
 * <p>Nothing on the path of a message between two lanes runs in this process: the relay has its own, so the
 * observer's work (metrics, plots, files) and its garbage collector cannot hold a message up. The sensor samples go
 * out well ahead of their frames for the same reason.
 */
final class ProcessSession {
    /** Frames a frame waits before it is finalized (late outputs still count until then). */
    static final int FINALIZE_LAG = 25;
    /**
     * Sensor samples go out this many frames before their frame (a lane keeps up to {@value SensorInput#SLOTS}): a
     * pause of the rig's own process shorter than this costs the lanes nothing.
     */
    static final int SENSOR_LEAD_FRAMES = 50;
    /** During the session the rig asks the lanes' clocks every this many frames (before it, every period). */
    static final int PING_EVERY = 10;
    /** File of per-lane, per-frame timing in the output directory. */
    static final String TIMING_CSV = "lane-timing.csv";
    /** Longest wait for the relay's and lanes' announcements and settled clocks before the session, s. */
    static final long CALIBRATION_TIMEOUT_S = 120;
    /** Lead of frame 0's start over the START datagrams, ns. */
    static final long START_LEAD_NS = 1_000_000_000L;
    /** Longest wait for the REPORTs after the last frame, ns. */
    static final long REPORT_WAIT_NS = 5_000_000_000L;
    private static final long LANE_CLOCK_SALT = 0xC10C_C0FF_5E70_0002L;
    private static final long GARBAGE_SALT = 0x6A4B_A6E0L;

    private final RigSettings settings;
    private final PipelineConfig config;
    private final Simulation simulation;
    private final int lanes;
    private final int rounds;
    private final long period;
    private final long frames;
    private final boolean[] internal;
    private final String sessionId;
    private final RigTimeline timeline = new RigTimeline();
    private final LaneDirectory directory;
    private final RigClock clock;
    private final RigCalibration calibration;
    private final RelayFrames relayFrames;
    private final CRC32C crc = new CRC32C();
    private final byte[] tx = new byte[RigDatagram.MAX_LENGTH];
    private final ProcessOutcome outcome;
    private final List<LaneFault> laneFaults;
    private RigControl control;
    private Thread controlThread;
    private GarbageSource garbage;
    private Thread garbageThread;
    private LaneProcesses processes;
    private RigFrames rigFrames;
    private SensorSender sensors;
    private InetSocketAddress relay;
    private boolean relayReported;
    private long pingRound;
    private long sensorsSentThrough = -1;

    ProcessSession(final RigSettings settings, final Simulation simulation, final PipelineConfig config) {
        this.settings = settings;
        this.config = config;
        this.sessionId = settings.sessionId() != null ? settings.sessionId() : UUID.randomUUID().toString();
        this.simulation = simulation;
        this.lanes = config.agreement().lanes();
        this.rounds = config.agreement().rounds();
        this.period = Math.round(1e9 / settings.frameRateHz());
        this.frames = simulation.descriptor().durationFrames();
        this.internal = new boolean[lanes];
        for (int l = 0; l < lanes; l++) {
            internal[l] = !settings.external().contains(l);
        }
        this.directory = new LaneDirectory(lanes);
        this.clock = new RigClock(lanes);
        this.calibration = new RigCalibration(lanes);
        this.relayFrames = new RelayFrames(lanes);
        this.laneFaults = new ScenarioModels(simulation.scenario()).laneFaults();
        this.outcome = new ProcessOutcome(lanes, period, rounds);
    }

    /**
     * Runs the session.
     *
     * @param observers what receives each finalized frame (metrics, CSV, plots)
     * @param received  what receives each lane's received messages before the frame (a trace), or null
     * @return what happened
     * @throws IOException if a socket cannot be bound, a process cannot be started or the lanes never settle
     */
    ProcessOutcome run(final List<? extends FrameObserver> observers, final MessageTap received)
        throws IOException {
        try (Writer timing = Files.newBufferedWriter(settings.outDirectory().resolve(TIMING_CSV),
            StandardCharsets.UTF_8)) {
            timing.write(RigFrames.TIMING_HEADER + System.lineSeparator());
            return run(observers, received, timing);
        }
    }

    private ProcessOutcome run(final List<? extends FrameObserver> observers, final MessageTap received,
        final Writer timing) throws IOException {
        final int controlPort = settings.portBase() == 0 ? 0 : settings.portBase() + lanes;
        try (DatagramChannel channel = LaneRun.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
            controlPort))) {
            outcome.controlPort = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            control = new RigControl(channel, directory, 0,
                TraceDatagram.capacity(new org.bftvote.agreement.AgreementLane(config.agreement(), 0)
                    .maxMessageLength()));
            control.consumer(Thread.currentThread());
            controlThread = start(control, "rig-control");
            startProcesses();
            calibrate();
            // Below the lanes and the relay: the rig's own work must never delay them, but the sensor samples must
            // not wait behind the rest of the host's work either.
            outcome.rigRealtime = settings.rtPriority() > 1 && Realtime.promoteCurrentThread(settings.rtPriority() - 1);
            final LaneSchedule schedule = startSession();
            if (settings.garbage() > 0) {
                garbage = new GarbageSource(directory, internal, settings.garbage(),
                    timeline.rawAt(schedule.frameStart(frames / 10)),
                    timeline.rawAt(schedule.frameStart(frames * 9 / 10)), simulation.scenario().seed() ^ GARBAGE_SALT);
                garbageThread = start(garbage, "rig-garbage");
            }
            rigFrames = new RigFrames(simulation.descriptor(), period,
                new RigOracle(lanes, simulation.scenario().platform().agreement(), laneFaults, schedule.window()),
                observers, received, timing);
            sensors = new SensorSender(lanes, simulation.descriptor().signalCount());
            session(schedule);
            awaitReports();
            stopRelay();
            return outcome;
        } finally {
            cleanUp();
        }
    }

    /** Starts the relay, waits for its ports, then starts every lane the rig runs itself. */
    private void startProcesses() throws IOException {
        processes = new LaneProcesses(lanes, settings.javaOptions(), sessionId,
            settings.outDirectory().resolve("lanes"));
        processes.startRelay(relayArguments());
        awaitRelay();
        for (int l = 0; l < lanes; l++) {
            if (internal[l]) {
                processes.start(l, laneArguments(l, false));
            }
        }
    }

    /** Ends every process and thread the session started (the control socket is closed by then), keeps their counts. */
    private void cleanUp() {
        Realtime.demoteCurrentThread();
        if (garbage != null) {
            garbage.stop();
            join(garbageThread);
            outcome.garbageSent = garbage.sent();
            if (garbage.failure != null) {
                outcome.events.add("during the session: the garbage source stopped early: "
                    + IoReasons.reason(garbage.failure));
            }
        }
        if (processes != null) {
            processes.close();
            outcome.exitCodes = processes.exitCodes();
        }
        if (controlThread != null) {
            join(controlThread);
            outcome.controlReceived = control.received();
            outcome.controlOverflow = control.overflow();
            outcome.rigSentTo = control.sentTo();
        }
        outcome.strays = LaneProcesses.strays(sessionId).size();
    }

    private static Thread start(final Runnable r, final String name) {
        final Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(final Thread t) {
        try {
            t.join(2_000);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> relayArguments() {
        final Path file = Path.of(simulation.scenario().file()).toAbsolutePath();
        return List.of("--profiles", settings.profiles().toString(), "--scenario", file.toString(),
            "--seed", Long.toString(simulation.scenario().seed()),
            "--duration", Double.toString(simulation.scenario().durationSeconds()),
            "--rig", Integer.toString(outcome.controlPort),
            "--port-base", Integer.toString(settings.portBase() == 0 ? 0 : settings.portBase() + lanes + 1),
            "--rt-priority", Integer.toString(settings.rtPriority() == 0 ? 0 : settings.rtPriority() + 1));
    }

    /** The {@code lane} command's arguments for lane {@code l}. */
    private List<String> laneArguments(final int l, final boolean joining) {
        final SplittableRandom random = new SplittableRandom(simulation.scenario().seed() ^ LANE_CLOCK_SALT ^ l
            ^ ((long) outcome.starts[l] << 32));
        final double offsetUs = (2 * random.nextDouble() - 1) * settings.clockOffsetUs();
        final double driftPpm = (2 * random.nextDouble() - 1) * settings.clockDriftPpm();
        final List<String> args = new ArrayList<>(List.of("--profiles", settings.profiles().toString(),
            "--platform", simulation.scenario().platform().name(), "--index", Integer.toString(l),
            "--rig", Integer.toString(outcome.controlPort), "--bus-port", Integer.toString(outcome.busPorts[l]),
            "--link-ports", joinPorts(outcome.busPorts), "--frame-rate", Double.toString(settings.frameRateHz()),
            "--clock-offset-us", Double.toString(offsetUs), "--clock-drift-ppm", Double.toString(driftPpm),
            "--port", Integer.toString(settings.portBase() == 0 ? 0 : settings.portBase() + l),
            "--rt-priority", Integer.toString(settings.rtPriority())));
        if (settings.trace() != null) {
            args.add("--trace-messages");
        }
        if (joining) {
            args.add("--joining");
        }
        outcome.clockOffsetUs[l] = offsetUs;
        outcome.clockDriftPpm[l] = driftPpm;
        return args;
    }

    private static String joinPorts(final int[] ports) {
        final StringBuilder sb = new StringBuilder();
        for (final int p : ports) {
            sb.append(sb.length() == 0 ? "" : ",").append(p);
        }
        return sb.toString();
    }

    // ---- before the session ------------------------------------------------------------------------------------

    private void awaitRelay() throws IOException {
        final long deadline = System.nanoTime() + CALIBRATION_TIMEOUT_S * 1_000_000_000L;
        while (relay == null) {
            waitRaw(System.nanoTime() + period);
            if (!processes.alive(processes.relay()) || System.nanoTime() > deadline) {
                throw new IOException("the relay process did not announce its ports (exit code "
                    + processes.exitCodes()[processes.relay()] + "); see " + settings.outDirectory().resolve("lanes")
                    .resolve("relay.log"));
            }
        }
    }

    /** Waits for every lane's HELLO and for their clocks to settle; derives the round window. */
    private void calibrate() throws IOException {
        final long deadline = System.nanoTime() + CALIBRATION_TIMEOUT_S * 1_000_000_000L;
        long next = System.nanoTime();
        final long all = lanes == 64 ? -1L : (1L << lanes) - 1;
        while (true) {
            next += period;
            waitRaw(next);
            pingLanes();
            if (registered() == all && calibration.settled(all)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the lanes did not all announce themselves and settle their clocks within "
                    + CALIBRATION_TIMEOUT_S + " s: " + calibrationProblem(all));
            }
            for (int l = 0; l < lanes; l++) {
                if (internal[l] && !processes.alive(l)) {
                    throw new IOException("lane " + l + " exited before the session (exit code "
                        + processes.exitCodes()[l] + "); see " + settings.outDirectory().resolve("lanes")
                        .resolve("lane-" + l + ".log"));
                }
            }
        }
        outcome.calibratedRoundTripNs = calibration.maxRoundTrip(all);
        outcome.calibratedSkewNs = calibration.maxSkew(all);
        outcome.windowNs = settings.roundWindowNs() > 0 ? settings.roundWindowNs()
            : calibration.window(all, period, rounds);
    }

    private String calibrationProblem(final long all) {
        final long missing = all & ~registered();
        return missing != 0 ? "no HELLO from lanes " + lanesOf(missing) : "clocks not settled (corrections above "
            + RigCalibration.SETTLED_CORRECTION_NS / 1000 + " us)";
    }

    private static String lanesOf(final long mask) {
        final StringBuilder sb = new StringBuilder();
        for (long m = mask; m != 0; m &= m - 1) {
            sb.append(sb.length() == 0 ? "" : ", ").append(Long.numberOfTrailingZeros(m));
        }
        return sb.toString();
    }

    private long registered() {
        long mask = 0;
        for (int l = 0; l < lanes; l++) {
            if (directory.address(l) != null) {
                mask |= 1L << l;
            }
        }
        return mask;
    }

    /** Chooses frame 0's start on the lanes' clock and sends START to every lane and the schedule to the relay. */
    private LaneSchedule startSession() throws IOException {
        final long now = timeline.laneTime(System.nanoTime());
        final long t0 = Math.floorDiv(now + START_LEAD_NS, period) * period + period;
        final LaneSchedule schedule = new LaneSchedule(t0, period, outcome.windowNs, frames);
        timeline.schedule(schedule);
        outcome.schedule = schedule;
        for (int repeat = 0; repeat < 3; repeat++) {
            control.send(relay, tx, RelayDatagram.schedule(crc, tx, schedule, timeline.offsetNs()));
            for (int l = 0; l < lanes; l++) {
                sendStart(l, schedule);
            }
        }
        return schedule;
    }

    private void sendStart(final int lane, final LaneSchedule s) throws IOException {
        control.send(lane, tx, ControlDatagram.start(crc, tx, lane, s.t0(), s.period(), s.window(), s.frames()));
    }

    // ---- the session ---------------------------------------------------------------------------------------------

    private void session(final LaneSchedule schedule) throws IOException {
        sendSensorsThrough(Math.min(frames, SENSOR_LEAD_FRAMES) - 1);
        for (long f = -1; rigFrames.finalized() < frames && !Thread.currentThread().isInterrupted(); f++) {
            waitRaw(timeline.rawAt(schedule.frameStart(f) + period / 2));
            if (Math.floorMod(f, PING_EVERY) == 0) {
                pingLanes();
            }
            sendSensorsThrough(Math.min(frames - 1, f + SENSOR_LEAD_FRAMES));
            processFaults(f + 1);
            checkControl();
            while (rigFrames.finalized() <= f - FINALIZE_LAG && rigFrames.finalized() < frames) {
                rigFrames.finalizeNext(relayFrames, processFaulty(rigFrames.finalized()));
            }
        }
        outcome.finish(rigFrames);
    }

    /** Ends the session when the control socket's receiving thread has failed: nothing more would be heard. */
    private void checkControl() throws IOException {
        final Throwable failed = control.failure;
        if (failed != null) {
            throw new IOException("the rig's control socket stopped receiving: " + IoReasons.reason(failed), failed);
        }
    }

    private void sendSensorsThrough(final long last) throws IOException {
        while (sensorsSentThrough < last) {
            final FrameSample sample = rigFrames.simSample(++sensorsSentThrough);
            simulation.step(sample);
            sensors.send(sample, control);
        }
    }

    private long processFaulty(final long f) {
        long mask = 0;
        for (final ProcessFault p : settings.processFaults()) {
            if (p.activeAt(f)) {
                mask |= 1L << p.lane();
            }
        }
        return mask;
    }

    private void processFaults(final long f) throws IOException {
        for (final ProcessFault p : settings.processFaults()) {
            if (!internal[p.lane()]) {
                continue;
            }
            if (p.frame() == f) {
                if (p.kind() == ProcessFault.Kind.STALL) {
                    processes.stall(p.lane());
                } else {
                    processes.kill(p.lane());
                }
                outcome.event(f, (p.kind() == ProcessFault.Kind.STALL ? "SIGSTOP" : "SIGKILL") + " lane " + p.lane());
            }
            if (p.endFrame() == f) {
                if (p.kind() == ProcessFault.Kind.STALL) {
                    processes.resume(p.lane());
                    rigFrames.processFaultEnded(p.lane(), f);
                    outcome.event(f, "SIGCONT lane " + p.lane());
                } else {
                    outcome.starts[p.lane()]++;
                    clock.forget(p.lane());
                    processes.start(p.lane(), laneArguments(p.lane(), true));
                    rigFrames.processFaultEnded(p.lane(), f);
                    outcome.event(f, "restarted lane " + p.lane());
                }
            }
        }
    }

    private void awaitReports() {
        final long deadline = System.nanoTime() + REPORT_WAIT_NS;
        while (System.nanoTime() < deadline && !allReported()) {
            waitRaw(System.nanoTime() + 10_000_000L);
        }
    }

    private boolean allReported() {
        for (int l = 0; l < lanes; l++) {
            if (internal[l] && processes.alive(l) && outcome.reports[l] == null) {
                return false;
            }
        }
        return true;
    }

    private void stopRelay() throws IOException {
        final long deadline = System.nanoTime() + REPORT_WAIT_NS;
        final int n = RelayDatagram.stop(crc, tx);
        while (!relayReported && System.nanoTime() < deadline) {
            control.send(relay, tx, n);
            waitRaw(System.nanoTime() + 50_000_000L);
        }
    }

    // ---- the control socket ------------------------------------------------------------------------------------

    /** Parks until raw time {@code due}, handling control datagrams as they come. */
    private void waitRaw(final long due) {
        handleControl();
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            LockSupport.parkNanos(left);
            handleControl();
        }
    }

    private void pingLanes() throws IOException {
        pingRound++;
        final long mask = registered();
        if (clock.update(mask)) {
            timeline.offset(clock.offsetNs());
            if (relay != null) {
                control.send(relay, tx, RelayDatagram.clock(crc, tx, clock.offsetNs()));
            }
        }
        // The lanes' addresses again with every clock update: one lost datagram must not cut a lane off.
        for (int l = 0; l < lanes && relay != null; l++) {
            final InetSocketAddress address = directory.address(l);
            if (address != null) {
                control.send(relay, tx, RelayDatagram.map(crc, tx, l, address.getAddress().getAddress(),
                    address.getPort()));
            }
        }
        for (int l = 0; l < lanes; l++) {
            if ((mask & (1L << l)) != 0) {
                final long t1 = System.nanoTime();
                clock.requested(l, pingRound, t1);
                control.send(l, tx, SyncDatagram.writeRequest(crc, tx, RigDatagram.RIG, l, pingRound, t1));
            }
        }
    }

    private void handleControl() {
        for (int slot = control.next(); slot >= 0; slot = control.next()) {
            try {
                handle(control.source(slot), control.data(slot), control.length(slot), control.rxRaw(slot),
                    control.address(slot));
            } catch (final IOException e) {
                outcome.event(-1, "could not answer a control datagram: " + e.getMessage());
            }
            control.release();
        }
    }

    private void handle(final int source, final byte[] data, final int length, final long rxRaw,
        final SocketAddress from) throws IOException {
        if (RigDatagram.verify(crc, data, length) != RigDatagram.WELL_FORMED) {
            outcome.controlMalformed++;
            return;
        }
        final int kind = RigDatagram.kind(data);
        if (kind == RigDatagram.HELLO) {
            hello(data, length, from);
        } else if (kind >= RigDatagram.RELAY_HELLO && kind <= RigDatagram.RELAY_REPORT) {
            fromRelay(kind, data, length, from);
        } else if (source < 0 || RigDatagram.sender(data) != source) {
            outcome.controlUnknown++;
        } else {
            fromLane(source, kind, data, length, rxRaw);
        }
    }

    private void fromLane(final int lane, final int kind, final byte[] data, final int length, final long rxRaw) {
        switch (kind) {
            case RigDatagram.SYNC_REPLY -> {
                if (length != SyncDatagram.REPLY_LENGTH || !clock.reply(lane, RigDatagram.frame(data),
                    SyncDatagram.t1(data), SyncDatagram.t2(data), SyncDatagram.t3(data), rxRaw)) {
                    outcome.controlLate++;
                }
            }
            case RigDatagram.STATUS -> {
                if (ControlDatagram.consistent(data, length)) {
                    calibration.onStatus(lane, RigDatagram.frame(data), ControlDatagram.long0(data),
                        ControlDatagram.long1(data), ControlDatagram.long2(data));
                }
            }
            case RigDatagram.OUTPUT -> {
                if (rigFrames != null) {
                    rigFrames.onOutput(lane, data, length);
                }
            }
            case RigDatagram.REPORT -> outcome.report(lane, data, length);
            case RigDatagram.TRACE -> {
                if (rigFrames != null) {
                    rigFrames.onTrace(lane, data, length);
                }
            }
            default -> outcome.controlMalformed++;
        }
    }

    private void fromRelay(final int kind, final byte[] data, final int length, final SocketAddress from) {
        if (kind == RigDatagram.RELAY_HELLO && relay == null && from instanceof InetSocketAddress address) {
            final int[] ports = RelayDatagram.helloPorts(data, length);
            if (ports.length == lanes) {
                System.arraycopy(ports, 0, outcome.busPorts, 0, lanes);
                relay = address;
                outcome.event(-1, "relay announced its bus ports " + joinPorts(ports));
            }
            return;
        }
        if (!from.equals(relay)) {
            outcome.controlUnknown++;
        } else if (kind == RigDatagram.RELAY_FRAME && RelayDatagram.frameConsistent(length, lanes)) {
            relayFrames.record(RigDatagram.frame(data), data);
        } else if (kind == RigDatagram.RELAY_REPORT && !relayReported) {
            relayReported = outcome.relayReport(data, length);
        }
    }

    private void hello(final byte[] data, final int length, final SocketAddress from) throws IOException {
        final int lane = RigDatagram.sender(data);
        if (!ControlDatagram.consistent(data, length) || lane >= lanes
            || !(from instanceof InetSocketAddress address)) {
            outcome.controlMalformed++;
            return;
        }
        if (address.equals(directory.address(lane))) {
            return;
        }
        if (directory.address(lane) != null && !ControlDatagram.joining(data)) {
            outcome.controlUnknown++;
            return;
        }
        directory.address(lane, address);
        clock.forget(lane);
        if (sensors != null) {
            sensors.restart(lane);
        }
        if (relay != null) {
            // (otherwise the relay learns it with the next clock update, like every lane's address)
            control.send(relay, tx, RelayDatagram.map(crc, tx, lane, address.getAddress().getAddress(),
                address.getPort()));
        }
        outcome.event(rigFrames == null ? -1 : rigFrames.finalized(), "lane " + lane + " announced itself from port "
            + address.getPort() + (ControlDatagram.joining(data) ? " (joining)" : ""));
        if (outcome.schedule != null) {
            sendStart(lane, outcome.schedule);
        }
    }
}
