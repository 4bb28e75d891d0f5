package org.bftvote.sim.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.profile.RatedFailure;
import org.bftvote.sim.profile.RatedLaneFailure;
import org.bftvote.sim.profile.SignalSpec;
import org.bftvote.sim.scenario.FaultInjection;
import org.bftvote.sim.scenario.LaneFaultKind;

/**
 * Every unit of a platform that can fail and every way it can, with the rates of its profiles: each lane's sensor
 * for each signal with its sensor profile's {@code failure_modes}, and each lane's computer with the platform's
 * {@code lane_failure_modes}. Modes with a zero rate are left out, and so are units without any rated mode. Bus
 * message loss and corruption are not units: the simulator applies them, at the bus profiles' rates, in every
 * simulated window. Immutable.
 *
 * @param units  the units, sensors first (lane by lane, signal by signal), then the lanes' computers
 * @param events every unit's modes, unit by unit
 */
public record FailureCatalog(List<FailureUnit> units, List<FailureEvent> events) {

    /**
     * Copies the lists.
     *
     * @param units  see the record description
     * @param events see the record description
     */
    public FailureCatalog {
        units = List.copyOf(units);
        events = List.copyOf(events);
    }

    /**
     * @param platform a platform with its profiles resolved
     * @return its catalog
     */
    public static FailureCatalog of(final PlatformProfile platform) {
        final List<FailureUnit> units = new ArrayList<>();
        final List<FailureEvent> events = new ArrayList<>();
        for (int l = 0; l < platform.lanes().size(); l++) {
            for (int s = 0; s < platform.signals().size(); s++) {
                addSensor(platform, l, s, units, events);
            }
        }
        for (int l = 0; l < platform.lanes().size(); l++) {
            addLane(platform, l, units, events);
        }
        return new FailureCatalog(units, events);
    }

    /**
     * @param units  units, each listing its events by position
     * @param events the events
     * @return a catalog (for models built by hand)
     */
    static FailureCatalog of(final List<FailureUnit> units, final List<FailureEvent> events) {
        return new FailureCatalog(units, events);
    }

    /**
     * @param factor a rate multiplier, &gt; 0
     * @return the same units and modes at {@code factor} times every rate
     */
    public FailureCatalog scaled(final double factor) {
        final List<FailureUnit> scaledUnits = new ArrayList<>();
        for (final FailureUnit u : units) {
            scaledUnits.add(new FailureUnit(u.name(), u.lane(), u.signal(), u.firstEvent(), u.events(),
                u.ratePerHour() * factor));
        }
        final List<FailureEvent> scaledEvents = new ArrayList<>();
        for (final FailureEvent e : events) {
            scaledEvents.add(e.scaled(factor));
        }
        return new FailureCatalog(scaledUnits, scaledEvents);
    }

    /** @return the sum of every unit's rate, per hour */
    public double totalRate() {
        double total = 0.0;
        for (final FailureUnit u : units) {
            total += u.ratePerHour();
        }
        return total;
    }

    /**
     * @param event an event's index
     * @return {@code unit:mode}, for tables
     */
    public String label(final int event) {
        final FailureEvent e = events.get(event);
        return units.get(e.unit()).name() + ":" + e.mode();
    }

    private static void addSensor(final PlatformProfile platform, final int lane, final int signal,
        final List<FailureUnit> units, final List<FailureEvent> events) {
        final SignalSpec spec = platform.signals().get(signal);
        final String laneName = platform.lanes().get(lane);
        final int unit = units.size();
        final int first = events.size();
        double rate = 0.0;
        for (final RatedFailure mode : spec.sensorsByLane().get(lane).failureModes()) {
            if (mode.ratePerFlightHour() <= 0.0) {
                continue;
            }
            rate += mode.ratePerFlightHour();
            final double duration = mode.parameters().isTransient() ? mode.parameters().duration() : Double.NaN;
            events.add(new FailureEvent(unit, mode.kind().yamlName(), mode.ratePerFlightHour(), duration,
                (id, start) -> new FaultInjection.SensorFault(id, start, lane, laneName, signal, spec.name(),
                    mode.kind(), mode.parameters())));
        }
        if (rate > 0.0) {
            units.add(new FailureUnit(laneName + "." + spec.name(), lane, signal, first, events.size() - first,
                rate));
        }
    }

    private static void addLane(final PlatformProfile platform, final int lane, final List<FailureUnit> units,
        final List<FailureEvent> events) {
        final String laneName = platform.lanes().get(lane);
        final int lanes = platform.lanes().size();
        final int unit = units.size();
        final int first = events.size();
        double rate = 0.0;
        for (final RatedLaneFailure mode : platform.laneFailureModes()) {
            if (mode.ratePerFlightHour() <= 0.0) {
                continue;
            }
            rate += mode.ratePerFlightHour();
            final List<Integer> victims = new ArrayList<>();
            for (int r = 0; r < lanes; r++) {
                if (RatedLaneFailure.victim(lane, r, lanes)) {
                    victims.add(r);
                }
            }
            final LaneFaultKind kind = LaneFaultKind.valueOf(mode.kind().name());
            events.add(new FailureEvent(unit, mode.kind().yamlName(), mode.ratePerFlightHour(),
                mode.durationSeconds(), (id, start) -> new FaultInjection.LaneFault(id, start,
                    mode.durationSeconds(), lane, laneName, kind, mode.probability(), victims, mode.offsetFraction(),
                    mode.delaySeconds(), mode.babbleRate(), kind == LaneFaultKind.TWO_FACED
                        ? Collections.nCopies(victims.size(), mode.offsetFraction()) : List.of())));
        }
        if (rate > 0.0) {
            units.add(new FailureUnit("lane " + laneName, lane, -1, first, events.size() - first, rate));
        }
    }
}
