package org.bftvote.sim.run;

import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.profile.SignalSpec;
import org.bftvote.sim.scenario.BusFaultKind;
import org.bftvote.sim.scenario.FaultInjection;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.scenario.ScenarioLoader;
import org.bftvote.sim.scenario.TruthSpec;

/**
 * The benchmark's workload: the quad OM(1) AFDX platform with 8 signals (its 5 plus copies of the first 3 under
 * new names), the two-faced-lane scenario's truth and no faults.
 */
public final class QuadEightSignals {
    private QuadEightSignals() {
    }

    /**
     * @param durationSeconds run length
     * @return the scenario
     * @throws Exception if the shipped files cannot be loaded
     */
    public static Scenario scenario(final double durationSeconds) throws Exception {
        final ProfileCatalog catalog = ProfileCatalog.load(RepoFiles.profiles());
        final Scenario base = new ScenarioLoader(catalog).load(RepoFiles.root()
            .resolve("sim-harness/scenarios/burst-loss-one-bus.yaml"));
        final PlatformProfile quad = base.platform();
        final List<SignalSpec> signals = new ArrayList<>(quad.signals());
        final List<TruthSpec> truth = new ArrayList<>(base.truthBySignal());
        for (int i = 0; i < 3; i++) {
            final SignalSpec s = quad.signals().get(i);
            signals.add(new SignalSpec(s.name() + "_2", s.unit(), s.rangeMin(), s.rangeMax(), s.sensorsByLane(),
                s.channel()));
            truth.add(base.truthBySignal().get(i));
        }
        final PlatformProfile eight = new PlatformProfile(quad.name() + "-8", quad.file(), quad.description(),
            quad.frameRate(), quad.lanes(), quad.buses(), quad.agreement(), signals);
        return new Scenario("quad-8-signals", base.file(), "quad OM(1), 8 signals, no faults", eight,
            durationSeconds, 1L, truth, List.of(), base.randomFaults(), base.expectations());
    }

    /**
     * The same workload with bit errors on the sensor bus for the whole run (bit error rate 1e-4: about one sample
     * in 160 corrupted, the CAN bus's check catches them), so that the lanes' sensor links take their
     * nothing-arrived path many times a second as well as the delivered one.
     *
     * @param durationSeconds run length
     * @return the scenario
     * @throws Exception if the shipped files cannot be loaded
     */
    public static Scenario withNoisySensorBus(final double durationSeconds) throws Exception {
        final Scenario s = scenario(durationSeconds);
        final FaultInjection noise = new FaultInjection.BusFault("sensor-bus-noise", 0.0, Double.POSITIVE_INFINITY,
            "sensor-can", null, BusFaultKind.BIT_ERRORS, null, 1e-4, Double.NaN);
        return new Scenario(s.name() + "-noisy-sensor-bus", s.file(), s.description(), s.platform(),
            s.durationSeconds(), s.seed(), s.truthBySignal(), List.of(noise), s.randomFaults(), s.expectations());
    }
}
