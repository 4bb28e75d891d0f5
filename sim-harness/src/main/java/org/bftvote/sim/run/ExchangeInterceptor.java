package org.bftvote.sim.run;

import org.bftvote.agreement.EntryStatus;
import org.bftvote.agreement.IcMessage;
import org.bftvote.agreement.IcMessageCodec;
import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.sim.emulation.ByteCorruption;
import org.bftvote.sim.emulation.Delivery;
import org.bftvote.sim.emulation.DeliveryOutcome;
import org.bftvote.sim.emulation.FaultClass;
import org.bftvote.sim.emulation.LaneAction;
import org.bftvote.sim.emulation.LaneDecision;
import org.bftvote.sim.emulation.LaneFaultModel;

/**
 * Applies the emulated world to every real encoded message between two lanes: first what the sending lane does
 * (its {@link LaneFaultModel} decision: suppress, rewrite values per receiver, fill with garbage, send late, babble
 * extra copies), then what the exchange bus does ({@link ExchangeBuses}: delivered, late, lost, duplicated,
 * corrupted and caught by the decoder, corrupted with a valid CRC, decoded differently per receiver).
 *
 * <p>Rewritten or undetectably corrupted bytes get their CRC-32C re-sealed with the library's
 * {@link IcMessageCodec} (or, when the corruption hit the entry count, over the bytes as they stand), so the
 * decoder accepts the wrong content as a receiver would. A duplicate is delivered twice (the lane discards the
 * second copy); babbled copies carry a wrong frame number and are delivered at once.
 *
 * <p>Per frame it counts every outcome ({@link #count(int)}) and classifies each sender's bus trouble for the
 * oracle ({@link #transientClass(int)}): some receivers missing its message while others got it, or a receiver
 * getting wrong but valid bytes, is asymmetric; every receiver missing it is benign. Allocates nothing per message.
 * Not thread safe.
 *
 * <p>The in-memory simulation hands the extra copies (duplicates, babbled messages) straight to the receiving lane of
 * its cluster; the hardware-in-the-loop rig's relay sends them as datagrams ({@link #attach(ExtraCopies)}).
 */
public final class ExchangeInterceptor implements MessageInterceptor {
    /** Outcome index of a message the sending lane suppressed (crash, omission). */
    public static final int SUPPRESSED = DeliveryOutcome.values().length;
    /** Outcome index of a babbled extra copy. */
    public static final int BABBLED = SUPPRESSED + 1;
    /** Number of outcome indices. */
    public static final int OUTCOMES = BABBLED + 1;
    /** No bus trouble for a sender in this frame ({@link #transientClass(int)}). */
    public static final int NONE = -1;

    /** Where duplicates and babbled copies go, at once, besides the message itself. */
    @FunctionalInterface
    public interface ExtraCopies {
        /**
         * @param sender   the sending lane
         * @param receiver the receiving lane
         * @param buffer   the copy (only valid during the call)
         * @param offset   its start
         * @param length   its length
         */
        void deliver(int sender, int receiver, byte[] buffer, int offset, int length);
    }

    private static final int CRC_LENGTH = IcMessage.CRC_LENGTH;
    private static final int BABBLE_FRAME_OFFSET = 1;

    private final LaneFaultModel laneFaults;
    private final ExchangeBuses buses;
    private final int hostSignals;
    private final double[] signalRange;
    private final IcMessageCodec codec = new IcMessageCodec();
    private final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    private final LaneDecision decision = new LaneDecision();
    private final Delivery delivery = new Delivery();
    private final long[] counts = new long[OUTCOMES];
    private final long[] missedBy;
    private final long[] gotBy;
    private final long[] wrongAt;
    private final byte[] scratch;
    private ExtraCopies extra;
    private MessageTap tap = MessageTap.NONE;
    private long frame;

    /**
     * @param laneFaults  the lanes' fault model
     * @param buses       the exchange buses
     * @param hostSignals K, the host signals (the agreed signal K carries accusations and is never rewritten)
     * @param signalRange per host signal, its range (max - min), for two-faced offsets given as a fraction of it
     * @param lanes       number of lanes
     * @param capacity    message buffer size
     */
    ExchangeInterceptor(final LaneFaultModel laneFaults, final ExchangeBuses buses, final int hostSignals,
        final double[] signalRange, final int lanes, final int capacity) {
        this.laneFaults = laneFaults;
        this.buses = buses;
        this.hostSignals = hostSignals;
        this.signalRange = signalRange.clone();
        this.missedBy = new long[lanes];
        this.gotBy = new long[lanes];
        this.wrongAt = new long[lanes];
        this.scratch = new byte[capacity];
    }

    /** @param receiving told of every message a lane receives, in the order it receives them */
    void tap(final MessageTap receiving) {
        this.tap = receiving;
    }

    /**
     * Tells the tap that a lane does not run this frame (stopped): one entry of round 0 from itself, empty, late, as
     * every recorder of lanes marks such a frame, so that a re-run of the lanes does not run it either.
     *
     * @param lane the stopped lane
     */
    void laneDidNotRun(final int lane) {
        tap.onReceived(lane, 0, lane, scratch, 0, 0, true);
    }

    /** @param system the cluster whose lanes receive duplicates and babbled copies directly */
    void attach(final PipelineCluster system) {
        this.extra = (sender, receiver, buffer, offset, length) ->
            system.pipeline(receiver).lane().onMessage(sender, buffer, offset, length);
    }

    /** @param copies where duplicates and babbled copies go */
    public void attach(final ExtraCopies copies) {
        this.extra = copies;
    }

    /**
     * Builds the interceptor of a scenario's lane and exchange-bus faults as the simulation builds its own, drawing
     * from {@code streams} ({@code lane-faults} and the buses' streams).
     *
     * @param scenario the scenario (seed and duration applied)
     * @param streams  random streams for these models
     * @param capacity message buffer size
     * @return the interceptor; {@link #attach(ExtraCopies)} before use
     */
    public static ExchangeInterceptor forScenario(final org.bftvote.sim.scenario.Scenario scenario,
        final org.bftvote.sim.emulation.RandomStreams streams, final int capacity) {
        final org.bftvote.sim.profile.PlatformProfile platform = scenario.platform();
        final ScenarioModels models = new ScenarioModels(scenario);
        final int signals = platform.signals().size();
        final double[] range = new double[signals];
        for (int s = 0; s < signals; s++) {
            range[s] = platform.signals().get(s).rangeMax() - platform.signals().get(s).rangeMin();
        }
        final ExchangeBuses buses = new ExchangeBuses(platform, models.busFaults(), platform.frameRate(), streams,
            capacity);
        final LaneFaultModel laneFaults = new LaneFaultModel(models.laneFaults(), streams.stream("lane-faults"));
        return new ExchangeInterceptor(laneFaults, buses, signals, range, platform.lanes().size(), capacity);
    }

    /** @return the lane fault model, for the oracle (which lanes are faulty in a frame) */
    public LaneFaultModel laneFaults() {
        return laneFaults;
    }

    /**
     * @return the arrival time the bus drew for the last message {@link #intercept} delivered or delayed, µs from its
     *         round's start (NaN when it was lost or suppressed)
     */
    public double lastArrivalUs() {
        return delivery.arrivalUs();
    }

    /**
     * Starts a frame: the lane fault model draws its frame-wide choices and the counts restart.
     *
     * @param newFrame the frame
     */
    public void beginFrame(final long newFrame) {
        frame = newFrame;
        laneFaults.beginFrame(newFrame);
        java.util.Arrays.fill(counts, 0L);
        java.util.Arrays.fill(missedBy, 0L);
        java.util.Arrays.fill(gotBy, 0L);
        java.util.Arrays.fill(wrongAt, 0L);
    }

    /**
     * @param outcome an outcome index (a {@link DeliveryOutcome} ordinal, {@link #SUPPRESSED} or {@link #BABBLED})
     * @return messages with that outcome in this frame
     */
    public long count(final int outcome) {
        return counts[outcome];
    }

    /**
     * @param sender a lane
     * @return the ordinal of the {@link FaultClass} its bus trouble in this frame amounts to, or {@link #NONE}
     */
    public int transientClass(final int sender) {
        if (wrongAt[sender] != 0L || missedBy[sender] != 0L && gotBy[sender] != 0L) {
            return FaultClass.ASYMMETRIC.ordinal();
        }
        return missedBy[sender] != 0L ? FaultClass.BENIGN.ordinal() : NONE;
    }

    @Override
    public int intercept(final long msgFrame, final int round, final int sender, final int receiver,
        final byte[] buffer, final int offset, final int length, final int capacity) {
        laneFaults.decide(sender, receiver, decision);
        final LaneAction action = decision.action();
        if (action == LaneAction.DROP) {
            counts[SUPPRESSED]++;
            return DROP;
        }
        if (action == LaneAction.GARBAGE) {
            ByteCorruption.fillRandom(decision.seed(), buffer, offset, length);
        } else if (action == LaneAction.OFFSET || action == LaneAction.REPLACE) {
            rewrite(buffer, offset, action == LaneAction.REPLACE, decision.value());
        }
        for (int i = 0; i < decision.extraMessages(); i++) {
            babble(round, sender, receiver, buffer, offset, length, decision.frameOffset());
        }
        final DeliveryOutcome delivered = buses.channel(frame, sender)
            .deliver(frame, sender, receiver, buffer, offset, length - CRC_LENGTH, delivery);
        // A lane transmitting late (off-specification timing): the message still counts as in time only if its
        // transfer plus the lane's delay meets the bus deadline.
        final DeliveryOutcome outcome = decision.delayUs() > 0.0 && delivered.accepted()
            && delivery.arrivalUs() + decision.delayUs() > buses.deadlineUs(sender) ? DeliveryOutcome.LATE : delivered;
        counts[outcome.ordinal()]++;
        final long bit = 1L << receiver;
        if (delivered.needsReseal()) {
            reseal(buffer, offset, length);
            wrongAt[sender] |= bit;
        }
        if (!outcome.accepted()) {
            missedBy[sender] |= bit;
        } else {
            gotBy[sender] |= bit;
        }
        if (outcome == DeliveryOutcome.LOST) {
            return DROP;
        }
        if (outcome == DeliveryOutcome.LATE || action == LaneAction.LATE) {
            tap.onReceived(receiver, round, sender, buffer, offset, length, true);
            return DELAY;
        }
        if (outcome == DeliveryOutcome.DUPLICATED) {
            tap.onReceived(receiver, round, sender, buffer, offset, length, false);
            extra.deliver(sender, receiver, buffer, offset, length);
        }
        tap.onReceived(receiver, round, sender, buffer, offset, length, false);
        return length;
    }

    /** Rewrites every value entry of a host signal: plus offset·range (two-faced offset) or to a fixed value. */
    private void rewrite(final byte[] buffer, final int offset, final boolean replace, final double value) {
        if (!replace && value == 0.0) {
            return;
        }
        final int entries = IcMessage.entryCount(buffer, offset);
        for (int i = 0; i < entries; i++) {
            final int entry = IcMessage.entryOffset(offset, i);
            final int signal = IcMessage.entrySignal(buffer, entry);
            if (signal < hostSignals && EntryStatus.isValue(IcMessage.entryStatus(buffer, entry))) {
                final double old = Double.longBitsToDouble(IcMessage.entryWord(buffer, entry));
                final double now = replace ? value : old + value * signalRange[signal];
                IcMessage.putEntryWord(buffer, entry, Double.doubleToRawLongBits(now));
            }
        }
        codec.seal(buffer, offset);
    }

    /** Re-seals the CRC over the bytes as they stand, wherever the (possibly corrupted) entry count puts it. */
    private void reseal(final byte[] buffer, final int offset, final int length) {
        if (IcMessage.length(IcMessage.entryCount(buffer, offset)) == length) {
            codec.seal(buffer, offset);
            return;
        }
        final int crcAt = offset + length - CRC_LENGTH;
        final int value = IcMessage.crc32c(crc, buffer, offset, length - CRC_LENGTH);
        buffer[crcAt] = (byte) value;
        buffer[crcAt + 1] = (byte) (value >>> 8);
        buffer[crcAt + 2] = (byte) (value >>> 16);
        buffer[crcAt + 3] = (byte) (value >>> 24);
    }

    /** Delivers one extra copy of the message stamped with another frame number, sealed so only the frame is off. */
    private void babble(final int round, final int sender, final int receiver, final byte[] buffer, final int offset,
        final int length, final long frameOffset) {
        System.arraycopy(buffer, offset, scratch, 0, length);
        IcMessage.putHeader(scratch, 0, IcMessage.round(buffer, offset), IcMessage.sender(buffer, offset),
            IcMessage.receiver(buffer, offset), IcMessage.entryCount(buffer, offset),
            IcMessage.frame(buffer, offset) + (frameOffset == 0 ? BABBLE_FRAME_OFFSET : frameOffset));
        reseal(scratch, 0, length);
        counts[BABBLED]++;
        tap.onReceived(receiver, round, sender, scratch, 0, length, false);
        extra.deliver(sender, receiver, scratch, 0, length);
    }
}
