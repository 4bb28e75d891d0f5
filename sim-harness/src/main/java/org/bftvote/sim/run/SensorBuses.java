package org.bftvote.sim.run;

import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.emulation.BusSpec;
import org.bftvote.sim.emulation.RandomStreams;
import org.bftvote.sim.emulation.SampleLink;
import org.bftvote.sim.emulation.SimRandom;
import org.bftvote.sim.profile.BusAttachment;
import org.bftvote.sim.profile.BusRole;
import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.scenario.FaultInjection;

/**
 * The platform's sensor buses as each lane's sensor samples meet them. Every lane has its own link from each of its
 * sensor units ({@link SampleLink}) over the bus the platform names with role {@code sensor} (lane i on sensor bus
 * {@code i mod (number of sensor buses)}), with that bus profile's loss model, timing, bit error rate and detection
 * coverage. Each sample travels as a {@link #PAYLOAD_BYTES}-byte payload, the sample's IEEE-754 double in
 * little-endian order, and bit errors act on those bytes. A bus with two networks is modelled by its first.
 *
 * <p>Like {@link ExchangeBuses}, each lane's links have a healthy form and one faulted form per scheduled fault on
 * their sensor bus (a fault on a sensor bus acts on every lane's links of that bus); {@link #links} picks the form
 * whose fault is active in the frame. The streams are {@code bus.<bus>.<lane>.<network>} (and {@code .<fault id>}),
 * requested after every other stream of the run, so the sensor buses leave the other random choices as they were.
 * Built once; {@link #links} allocates nothing. Not thread safe.
 */
final class SensorBuses {
    /** Bytes of one sample on the bus: the value's IEEE-754 double, little-endian. */
    static final int PAYLOAD_BYTES = Double.BYTES;

    private final SampleLink[][] healthy;
    private final SampleLink[][][] faulted;
    private final FaultWindows[] windows;

    private SensorBuses(final SampleLink[][] healthy, final SampleLink[][][] faulted, final FaultWindows[] windows) {
        this.healthy = healthy;
        this.faulted = faulted;
        this.windows = windows;
    }

    /**
     * @param platform    the platform
     * @param faults      the scenario's bus faults, in scenario order (those on other buses are ignored here)
     * @param frameRateHz frames per second
     * @param streams     random streams
     * @return the lanes' sensor links, or null if the platform names no sensor bus (samples then reach the lanes as
     *         the sensors produce them)
     */
    static SensorBuses of(final PlatformProfile platform, final List<FaultInjection.BusFault> faults,
        final double frameRateHz, final RandomStreams streams) {
        final List<BusAttachment> sensorBuses = new ArrayList<>();
        for (final BusAttachment b : platform.buses()) {
            if (b.role() == BusRole.SENSOR) {
                sensorBuses.add(b);
            }
        }
        if (sensorBuses.isEmpty()) {
            return null;
        }
        final int lanes = platform.lanes().size();
        final int signals = platform.signals().size();
        final SampleLink[][] healthy = new SampleLink[lanes][];
        final SampleLink[][][] faulted = new SampleLink[lanes][][];
        final FaultWindows[] windows = new FaultWindows[lanes];
        for (int l = 0; l < lanes; l++) {
            final BusAttachment bus = sensorBuses.get(l % sensorBuses.size());
            final List<String> networks = bus.profile().redundancy().networks();
            final String network = networks.isEmpty() ? "A" : networks.get(0);
            final String stream = "bus." + bus.name() + "." + platform.lanes().get(l) + "." + network;
            final BusSpec base = EmulationMapping.bus(bus.profile());
            healthy[l] = links(base, signals, streams.stream(stream));
            final List<FaultInjection.BusFault> mine = FaultWindows.onBus(bus.name(), faults);
            windows[l] = new FaultWindows(mine, frameRateHz);
            faulted[l] = new SampleLink[mine.size()][];
            for (int j = 0; j < mine.size(); j++) {
                final FaultInjection.BusFault f = mine.get(j);
                faulted[l][j] = links(ExchangeBuses.apply(base, f, network), signals,
                    streams.stream(stream + "." + f.id()));
            }
        }
        return new SensorBuses(healthy, faulted, windows);
    }

    private static SampleLink[] links(final BusSpec spec, final int signals, final SimRandom random) {
        final SampleLink[] links = new SampleLink[signals];
        for (int s = 0; s < signals; s++) {
            links[s] = new SampleLink(spec, PAYLOAD_BYTES, random);
        }
        return links;
    }

    /**
     * @param frame the frame
     * @param lane  the receiving lane
     * @return the links that carry the lane's sensor units' samples (index = signal) in that frame
     */
    SampleLink[] links(final long frame, final int lane) {
        final int fault = windows[lane].active(frame);
        return fault < 0 ? healthy[lane] : faulted[lane][fault];
    }
}
