package org.bftvote.sim.hil;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

import org.bftvote.agreement.IcMessage;
import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.sim.emulation.LaneFault;
import org.bftvote.sim.emulation.LaneFaultMode;
import org.bftvote.sim.run.ExchangeInterceptor;

/**
 * The bus between the lanes, as one thread of the rig: lane {@code j} sends every message to its bus port
 * {@code Q_j}; the relay forwards it, from {@code Q_j}, to the lane its receiver byte names, so the receiver knows
 * the sender from the port alone. On the way it applies the scenario's lane faults and the platform's exchange buses
 * ({@link ExchangeInterceptor}: suppression, two-faced values, garbage, off-specification timing, babbling, loss with
 * bursts, delay, duplication, corruption) to the agreement messages of the session's frames; a message the bus makes
 * late is sent after its round's deadline, one the bus delays by more than {@value #HOLD_THRESHOLD_US} µs is held for
 * that long (shorter transfer times are taken as covered by the real one). Clock datagrams pass unchanged except from
 * a crashed lane. Before the session nothing is faulted.
 *
 * <p>Every datagram a bus port receives is counted once in {@link RelayCounter}: from the lane that owns the port
 * and forwarded (possibly after a fault acted on it), or not forwarded because it came from elsewhere, named no
 * valid receiver, had no receiver address yet, or the hold pool was full. Per frame it passes on what the oracle
 * needs ({@link FrameRecords}). The thread ends when its selector is closed.
 */
final class Relay implements Runnable {
    /** Where the relay puts what its faults did in each frame. */
    @FunctionalInterface
    interface FrameRecords {
        /**
         * @param frame  the frame that is over
         * @param faults the fault model, still holding that frame's figures
         * @throws IOException if the record cannot be passed on
         */
        void record(long frame, ExchangeInterceptor faults) throws IOException;
    }

    /** Bus delays longer than this are held; shorter ones are taken as the real transfer. */
    static final double HOLD_THRESHOLD_US = 1_000.0;
    /** A message the bus made late is sent this long after its round's deadline. */
    static final long LATE_MARGIN_NS = 1_000_000L;
    private static final int POOL = 4_096;

    private final int lanes;
    private final int rounds;
    private final int rtPriority;
    private final DatagramChannel[] ports;
    private final Selector selector;
    private final LaneDirectory directory;
    private final RigTimeline timeline;
    private final ExchangeInterceptor faults;
    private final LaneFault[] crashes;
    private final FrameRecords frames;
    private final int capacity;
    private final ByteBuffer in;
    private final byte[] bytes;
    private final ByteBuffer out;
    private final byte[] outBytes;
    private final long[] counters = new long[RelayCounter.COUNT];
    private final long[] sentTo;
    private final long[] dueRaw = new long[POOL];
    private final int[] pendingSender = new int[POOL];
    private final int[] pendingReceiver = new int[POOL];
    private final int[] pendingLength = new int[POOL];
    private final byte[][] pending;
    private int pendingCount;
    private long frame = -1;
    volatile Throwable failure;

    /**
     * @param ports     bus port of each lane, non-blocking, bound; the relay owns them from now on
     * @param directory the lanes' addresses
     * @param timeline  the session's schedule on the rig's clock
     * @param faults    the scenario's lane and bus faults, or null to forward everything unchanged
     * @param crashes   the scenario's lane faults (the crash ones silence clock datagrams too)
     * @param frames    where each frame's fault record goes (when the relay moves on to a later frame)
     * @param rounds    agreement rounds per frame
     * @param capacity  largest agreement message
     * @param rtPriority real-time priority of the relay's thread, 0 for none
     * @throws IOException if the selector cannot be opened
     */
    Relay(final DatagramChannel[] ports, final LaneDirectory directory, final RigTimeline timeline,
        final ExchangeInterceptor faults, final java.util.List<LaneFault> crashes, final FrameRecords frames,
        final int rounds, final int capacity, final int rtPriority) throws IOException {
        this.rtPriority = rtPriority;
        this.lanes = ports.length;
        this.rounds = rounds;
        this.ports = ports.clone();
        this.directory = directory;
        this.timeline = timeline;
        this.faults = faults;
        this.crashes = crashes.stream().filter(f -> f.kind() == LaneFaultMode.CRASH).toArray(LaneFault[]::new);
        this.frames = frames;
        this.capacity = Math.max(capacity, RigDatagram.MAX_LENGTH);
        this.in = ByteBuffer.allocateDirect(this.capacity + 1);
        this.bytes = new byte[this.capacity + 1];
        this.outBytes = new byte[this.capacity + 1];
        this.out = ByteBuffer.wrap(outBytes);
        this.pending = new byte[POOL][this.capacity];
        this.sentTo = new long[lanes];
        this.selector = Selector.open();
        for (int j = 0; j < lanes; j++) {
            ports[j].register(selector, SelectionKey.OP_READ, j);
        }
        if (faults != null) {
            faults.attach(this::sendCopy);
        }
    }

    @Override
    public void run() {
        Realtime.promoteCurrentThread(rtPriority);
        Realtime.tightenTimerSlack();
        try {
            while (true) {
                final long wait = pendingCount == 0 ? 0 : Math.max(1L, (nextDue() - System.nanoTime()) / 1_000_000L);
                selector.select(wait);
                for (final SelectionKey key : selector.selectedKeys()) {
                    drain((Integer) key.attachment());
                }
                selector.selectedKeys().clear();
                sendDue();
            }
        } catch (final ClosedSelectorException closed) {
            // the rig is stopping
        } catch (final IOException | RuntimeException e) {
            failure = e;
        }
    }

    /** Stops the thread; the ports stay open for their owner to close. */
    void stop() throws IOException {
        selector.close();
    }

    /**
     * Records the last frame's faults and counts what is still held; call after the thread ended.
     *
     * @return the counts
     */
    long[] finish() throws IOException {
        if (faults != null && frame >= 0) {
            frames.record(frame, faults);
        }
        counters[RelayCounter.HELD_AT_END.ordinal()] = pendingCount;
        return counters.clone();
    }

    /** @return datagrams sent to each lane, copies included (read after the thread ended) */
    long[] sentTo() {
        return sentTo.clone();
    }

    private void drain(final int port) throws IOException {
        while (true) {
            in.clear();
            final SocketAddress from = ports[port].receive(in);
            if (from == null) {
                return;
            }
            final long raw = System.nanoTime();
            in.flip();
            final int length = Math.min(in.remaining(), bytes.length);
            in.get(bytes, 0, length);
            counters[RelayCounter.RECEIVED.ordinal()]++;
            route(port, from, length, raw);
        }
    }

    private void route(final int sender, final SocketAddress from, final int length, final long raw)
        throws IOException {
        if (!from.equals(directory.address(sender))) {
            counters[RelayCounter.UNKNOWN_SENDER.ordinal()]++;
            return;
        }
        final int receiver = length >= 4 ? bytes[3] & 0xFF : -1;
        if (receiver < 0 || receiver >= lanes || receiver == sender) {
            counters[RelayCounter.MISADDRESSED.ordinal()]++;
            return;
        }
        if (directory.address(receiver) == null) {
            counters[RelayCounter.NO_DESTINATION.ordinal()]++;
            return;
        }
        final long f = timeline.frameAt(raw);
        if (faults == null || f < 0) {
            forward(sender, receiver, bytes, length, RelayCounter.FORWARDED);
        } else if (!RigDatagram.isRigKind(bytes) && length >= IcMessage.MIN_LENGTH) {
            fault(f, sender, receiver, length, raw);
        } else if (crashed(sender, f)) {
            counters[RelayCounter.SUPPRESSED.ordinal()]++;
        } else {
            forward(sender, receiver, bytes, length, RelayCounter.FORWARDED);
        }
    }

    /** Applies the lane and bus faults to an agreement message of frame {@code f}. */
    private void fault(final long f, final int sender, final int receiver, final int length, final long raw)
        throws IOException {
        if (f != frame) {
            if (frame >= 0) {
                frames.record(frame, faults);
            }
            frame = f;
            faults.beginFrame(f);
        }
        final int round = IcMessage.round(bytes, 0);
        final int result = faults.intercept(f, round, sender, receiver, bytes, 0, length, bytes.length);
        if (result == MessageInterceptor.DROP) {
            counters[RelayCounter.SUPPRESSED.ordinal()]++;
        } else if (result == MessageInterceptor.DELAY) {
            final LaneSchedule s = timeline.schedule();
            final int r = Math.max(1, Math.min(round, rounds));
            hold(timeline.rawAt(s.roundDeadline(f, r)) + LATE_MARGIN_NS, sender, receiver, length);
        } else {
            final double arrivalUs = faults.lastArrivalUs();
            if (arrivalUs > HOLD_THRESHOLD_US) {
                hold(raw + (long) (arrivalUs * 1_000.0), sender, receiver, result);
            } else {
                forward(sender, receiver, bytes, result, RelayCounter.FORWARDED);
            }
        }
    }

    private boolean crashed(final int sender, final long f) {
        for (final LaneFault c : crashes) {
            if (c.lane() == sender && c.activeAt(f)) {
                return true;
            }
        }
        return false;
    }

    /** A duplicate or babbled copy the fault model made: sent at once. */
    private void sendCopy(final int sender, final int receiver, final byte[] buffer, final int offset,
        final int length) {
        try {
            System.arraycopy(buffer, offset, outBytes, 0, length);
            send(sender, receiver, length, RelayCounter.EXTRA_COPIES);
        } catch (final IOException e) {
            counters[RelayCounter.COPY_FAILED.ordinal()]++;
        }
    }

    private void forward(final int sender, final int receiver, final byte[] data, final int length,
        final RelayCounter as) throws IOException {
        System.arraycopy(data, 0, outBytes, 0, length);
        send(sender, receiver, length, as);
    }

    private void send(final int sender, final int receiver, final int length, final RelayCounter as)
        throws IOException {
        final InetSocketAddress to = directory.address(receiver);
        out.clear().limit(length);
        if (to == null || ports[sender].send(out, to) == 0) {
            counters[(as == RelayCounter.EXTRA_COPIES ? RelayCounter.COPY_FAILED : RelayCounter.SEND_FAILED)
                .ordinal()]++;
            return;
        }
        counters[as.ordinal()]++;
        sentTo[receiver]++;
    }

    private void hold(final long due, final int sender, final int receiver, final int length) {
        if (pendingCount == POOL) {
            counters[RelayCounter.POOL_FULL.ordinal()]++;
            return;
        }
        for (int i = 0; i < POOL; i++) {
            if (pendingLength[i] == 0) {
                System.arraycopy(bytes, 0, pending[i], 0, length);
                pendingLength[i] = length;
                pendingSender[i] = sender;
                pendingReceiver[i] = receiver;
                dueRaw[i] = due;
                pendingCount++;
                counters[RelayCounter.HELD.ordinal()]++;
                return;
            }
        }
    }

    private long nextDue() {
        long next = Long.MAX_VALUE;
        for (int i = 0; i < POOL && pendingCount > 0; i++) {
            if (pendingLength[i] > 0) {
                next = Math.min(next, dueRaw[i]);
            }
        }
        return next;
    }

    private void sendDue() throws IOException {
        if (pendingCount == 0) {
            return;
        }
        final long now = System.nanoTime();
        for (int i = 0; i < POOL; i++) {
            if (pendingLength[i] > 0 && dueRaw[i] <= now) {
                forward(pendingSender[i], pendingReceiver[i], pending[i], pendingLength[i], RelayCounter.FORWARDED);
                pendingLength[i] = 0;
                pendingCount--;
            }
        }
    }
}
