package org.bftvote.sim.run;

import java.util.Locale;

import org.bftvote.sim.emulation.DeliveryOutcome;
import org.bftvote.sim.profile.AgreementMode;
import org.bftvote.sim.profile.AgreementSettings;
import org.bftvote.sim.profile.BusAttachment;
import org.bftvote.sim.profile.BusRole;
import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.profile.SignalSpec;
import org.bftvote.sim.scenario.FaultInjection;
import org.bftvote.sim.scenario.FaultInjection.BusFault;
import org.bftvote.sim.scenario.FaultInjection.LaneFault;
import org.bftvote.sim.scenario.FaultInjection.SensorFault;
import org.bftvote.sim.scenario.Scenario;

/**
 * The shape of a scenario's run as the results see it ({@link RunDescriptor}): signals and units, the message
 * outcomes counted, the injected faults and the fault hypothesis in words. Setup time only.
 */
final class RunDescriptorMapping {
    /** What can happen to a sensor sample on its bus, in the order of the results' sensor_bus_* counts. */
    static final DeliveryOutcome[] SENSOR_BUS_OUTCOMES = {DeliveryOutcome.DELIVERED, DeliveryOutcome.LOST,
        DeliveryOutcome.LATE, DeliveryOutcome.CORRUPTED_DETECTED, DeliveryOutcome.CORRUPTED_UNDETECTED};

    private RunDescriptorMapping() {
    }

    /**
     * @param sc                  the scenario (seed and duration applied)
     * @param recoveryBoundFrames the lanes' recovery bound, from the library
     * @return the run's descriptor
     */
    static RunDescriptor descriptor(final Scenario sc, final int recoveryBoundFrames) {
        final PlatformProfile platform = sc.platform();
        final RunDescriptor.Builder b = RunDescriptor.builder()
            .scenario(sc.name()).platform(platform.name()).seed(sc.seed()).frameRateHz(platform.frameRate())
            .lanes(platform.lanes().size())
            .durationFrames(Math.max(1L, Math.round(sc.durationSeconds() * platform.frameRate())))
            .faultHypothesis(hypothesisText(platform)).recoveryBoundFrames(recoveryBoundFrames);
        for (final SignalSpec s : platform.signals()) {
            b.signal(s.name(), s.unit().dimension().canonicalSymbol());
        }
        for (final DeliveryOutcome o : DeliveryOutcome.values()) {
            b.messageOutcome(o.name().toLowerCase(Locale.ROOT));
        }
        b.messageOutcome("suppressed_by_lane").messageOutcome("babbled");
        if (hasSensorBus(platform)) {
            for (final DeliveryOutcome o : SENSOR_BUS_OUTCOMES) {
                b.messageOutcome("sensor_bus_" + o.name().toLowerCase(Locale.ROOT));
            }
        }
        for (final FaultInjection f : sc.faults()) {
            b.fault(injected(f, Math.round(f.startSeconds() * platform.frameRate())));
        }
        return b.build();
    }

    private static InjectedFault injected(final FaultInjection f, final long onset) {
        if (f instanceof SensorFault s) {
            return new InjectedFault(s.id(), "lane " + s.laneName() + " " + s.signalName(), s.kind().yamlName(),
                onset, s.lane(), s.signal());
        }
        if (f instanceof LaneFault l) {
            return new InjectedFault(l.id(), "lane " + l.laneName(), l.kind().yamlName(), onset, l.lane(),
                InjectedFault.ALL_SIGNALS);
        }
        final BusFault bus = (BusFault) f;
        return new InjectedFault(bus.id(), "bus " + bus.bus() + (bus.network() == null ? ""
            : " network " + bus.network()), bus.kind().yamlName(), onset, InjectedFault.NO_UNIT,
            InjectedFault.ALL_SIGNALS);
    }

    /**
     * @param platform a platform
     * @return whether one of its buses carries the sensors' samples
     */
    static boolean hasSensorBus(final PlatformProfile platform) {
        for (final BusAttachment b : platform.buses()) {
            if (b.role() == BusRole.SENSOR) {
                return true;
            }
        }
        return false;
    }

    private static String hypothesisText(final PlatformProfile platform) {
        final int n = platform.lanes().size();
        final AgreementSettings a = platform.agreement();
        final String agreement = a.mode() == AgreementMode.OMH
            ? "OMH(" + a.m() + ") n=" + n + " a=" + a.asymmetric() + " s=" + a.symmetric() + " b=" + a.benign()
            : "OM(" + a.m() + ") n=" + n + ", at most " + a.m() + " faulty lane" + (a.m() == 1 ? "" : "s");
        return agreement + "; per signal, unisolated faulty channels <= (available - 1) / 2";
    }
}
