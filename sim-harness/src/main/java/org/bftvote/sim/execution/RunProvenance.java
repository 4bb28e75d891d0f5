package org.bftvote.sim.execution;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bftvote.sim.profile.BusAttachment;
import org.bftvote.sim.profile.SensorProfile;
import org.bftvote.sim.profile.SignalSpec;
import org.bftvote.sim.results.Provenance;
import org.bftvote.sim.scenario.Scenario;

/**
 * The provenance of a scenario run: the scenario and every profile file it resolved (platform, sensors, buses) with
 * their SHA-256, and the run's resolved settings (scenario, platform, seed and duration after the command line's
 * overrides).
 */
public final class RunProvenance {
    private RunProvenance() {
    }

    /**
     * @param scenario  the scenario as run (seed and duration applied)
     * @param arguments the command line after {@code bftvote-sim}
     * @return the provenance
     * @throws IOException if an input file cannot be read
     */
    public static Provenance of(final Scenario scenario, final List<String> arguments) throws IOException {
        final Provenance.Builder b = Provenance.builder("run").arguments(arguments)
            .input("scenario", Path.of(scenario.file()))
            .input("platform", Path.of(scenario.platform().file()));
        final Set<String> profiles = new LinkedHashSet<>();
        for (final SignalSpec signal : scenario.platform().signals()) {
            for (final SensorProfile sensor : signal.sensorsByLane()) {
                profiles.add(sensor.file());
            }
        }
        for (final BusAttachment bus : scenario.platform().buses()) {
            profiles.add(bus.profile().file());
        }
        for (final String file : profiles) {
            b.input("profile", Path.of(file));
        }
        return b.configuration("scenario: " + scenario.name() + "\nplatform: " + scenario.platform().name()
            + "\nseed: " + scenario.seed() + "\nduration_s: " + scenario.durationSeconds() + "\n").build();
    }
}
