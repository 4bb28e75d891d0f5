package org.bftvote.sim.run;

import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.emulation.BusChannel;
import org.bftvote.sim.emulation.BusNetwork;
import org.bftvote.sim.emulation.BusSpec;
import org.bftvote.sim.emulation.LossSpec;
import org.bftvote.sim.emulation.RandomStreams;
import org.bftvote.sim.emulation.RedundantBus;
import org.bftvote.sim.profile.BusAttachment;
import org.bftvote.sim.profile.BusProfile;
import org.bftvote.sim.profile.BusRole;
import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.profile.RedundancyManagement;
import org.bftvote.sim.scenario.FaultInjection;

/**
 * The platform's exchange buses as the lanes' messages meet them: lane i transmits on exchange bus
 * {@code i mod (number of exchange buses)} (one bus per lane on the 777-style triplex, one shared bus on the quad).
 * Each bus has a healthy form and one faulted form per scheduled bus fault; {@link #channel(long, int)} picks the
 * form whose fault is active in the frame (the first in scenario order), so a fault's window is honoured without
 * changing the healthy form's random stream.
 *
 * <p>A bus with two networks and {@code first_valid_wins} or {@code both_channels} management is a
 * {@link RedundantBus}; otherwise only its first network is modelled. A fault naming a network affects only that
 * network; one naming none affects all. Built once; {@link #channel} allocates nothing. Not thread safe. Public
 * for the hardware-in-the-loop rig's relay, which applies the same buses to real datagrams.
 */
public final class ExchangeBuses {
    private final BusChannel[] healthy;
    private final double[] deadlineUs;
    private final BusChannel[][] faulted;
    private final FaultWindows[] windows;

    /**
     * @param platform        the platform
     * @param faults          the scenario's bus faults, in scenario order
     * @param frameRateHz     frames per second
     * @param streams         random streams (one per network and form, requested in a fixed order)
     * @param maxMessageBytes longest message
     */
    public ExchangeBuses(final PlatformProfile platform, final List<FaultInjection.BusFault> faults,
        final double frameRateHz, final RandomStreams streams, final int maxMessageBytes) {
        final List<BusAttachment> exchange = new ArrayList<>();
        for (final BusAttachment b : platform.buses()) {
            if (b.role() == BusRole.EXCHANGE) {
                exchange.add(b);
            }
        }
        if (exchange.isEmpty()) {
            exchange.add(null);
        }
        final int lanes = platform.lanes().size();
        healthy = new BusChannel[exchange.size()];
        deadlineUs = new double[exchange.size()];
        faulted = new BusChannel[exchange.size()][];
        windows = new FaultWindows[exchange.size()];
        for (int i = 0; i < exchange.size(); i++) {
            final BusAttachment bus = exchange.get(i);
            deadlineUs[i] = bus == null ? 1.0 : EmulationMapping.bus(bus.profile()).deadlineUs();
            healthy[i] = bus == null
                ? new BusNetwork(BusSpec.ideal(0.0, 1.0), lanes, List.of(), streams.stream("bus.ideal"))
                : form(bus, lanes, null, streams, maxMessageBytes, "bus." + bus.name());
            final List<FaultInjection.BusFault> mine = bus == null ? List.of() : FaultWindows.onBus(bus.name(), faults);
            windows[i] = new FaultWindows(mine, frameRateHz);
            faulted[i] = new BusChannel[mine.size()];
            for (int j = 0; j < mine.size(); j++) {
                faulted[i][j] = form(bus, lanes, mine.get(j), streams, maxMessageBytes, "bus." + bus.name());
            }
        }
    }

    /**
     * @param sender the sending lane
     * @return the round deadline of the sender's bus, µs from the start of the round (the same in every form: a
     *         delay fault makes messages later, it does not move the deadline)
     */
    public double deadlineUs(final int sender) {
        return deadlineUs[sender % healthy.length];
    }

    /**
     * @param frame  the frame
     * @param sender the sending lane
     * @return the bus form that carries the sender's messages in that frame
     */
    public BusChannel channel(final long frame, final int sender) {
        final int bus = sender % healthy.length;
        final int fault = windows[bus].active(frame);
        return fault < 0 ? healthy[bus] : faulted[bus][fault];
    }

    /**
     * Builds one form of a bus: healthy ({@code fault} null) or with a scheduled fault applied to the networks it
     * names. Each network draws from its own stream, {@code streamPrefix + "." + network}, plus {@code "." + id}
     * for a faulted form.
     *
     * @param bus             the bus attachment
     * @param endpoints       senders and receivers the bus connects (the link states are kept per pair)
     * @param fault           the fault, or null for the healthy form
     * @param streams         random streams
     * @param maxMessageBytes longest message (copy buffer of a redundant bus)
     * @param streamPrefix    prefix of the stream names
     * @return the form: a {@link RedundantBus} for two networks managed first-valid-wins or both-channels, else
     *         the first network alone
     */
    private static BusChannel form(final BusAttachment bus, final int endpoints, final FaultInjection.BusFault fault,
        final RandomStreams streams, final int maxMessageBytes, final String streamPrefix) {
        final String suffix = fault == null ? "" : "." + fault.id();
        final BusProfile profile = bus.profile();
        final List<String> networks = profile.redundancy().networks();
        final boolean redundant = networks.size() >= 2
            && (profile.redundancy().management() == RedundancyManagement.FIRST_VALID_WINS
                || profile.redundancy().management() == RedundancyManagement.BOTH_CHANNELS);
        final BusSpec base = EmulationMapping.bus(profile);
        final String nameA = networks.isEmpty() ? "A" : networks.get(0);
        final BusNetwork a = new BusNetwork(apply(base, fault, nameA), endpoints, List.of(),
            streams.stream(streamPrefix + "." + nameA + suffix));
        if (!redundant) {
            return a;
        }
        final String nameB = networks.get(1);
        final BusNetwork b = new BusNetwork(apply(base, fault, nameB), endpoints, List.of(),
            streams.stream(streamPrefix + "." + nameB + suffix));
        return new RedundantBus(a, b, profile.redundancy().skewMaxSeconds() * 1e6, maxMessageBytes);
    }

    /**
     * @param base    a network's healthy spec
     * @param fault   a scheduled bus fault, or null
     * @param network the network's name
     * @return the spec with the fault applied if it is on that network (or names none), else the base
     */
    static BusSpec apply(final BusSpec base, final FaultInjection.BusFault fault, final String network) {
        if (fault == null || fault.network() != null && !fault.network().equals(network)) {
            return base;
        }
        return switch (fault.kind()) {
            case LOSS -> base.withLoss(EmulationMapping.loss(fault.loss()));
            case SILENT -> base.withLoss(LossSpec.independent(1.0));
            case BIT_ERRORS -> base.withBitErrors(fault.bitErrorRate(), base.detectionCoverage());
            case DELAY -> EmulationMapping.delayed(base, fault.extraLatencySeconds());
        };
    }
}
