package org.bftvote.sim.reliability;

import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.profile.SignalSpec;
import org.bftvote.sim.scenario.Expectations;
import org.bftvote.sim.scenario.RandomFaults;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.scenario.TruthSpec;

/**
 * The flight a reliability study simulates when it is given a platform rather than a scenario: every signal moves
 * as a sum of two sines around the middle of its range (5 % of the range at 0.3 Hz and 2 % at 1.1 Hz), so that
 * monitors that need movement (frozen-signal detection) see it, and nothing else happens. Given a scenario, a study
 * takes its platform and truth only.
 */
public final class PlatformFlight {

    private PlatformFlight() {
    }

    /**
     * @param platform a platform
     * @return a scenario of it with the default truth, no faults and no expectations
     */
    public static Scenario of(final PlatformProfile platform) {
        final List<TruthSpec> truth = new ArrayList<>();
        for (final SignalSpec s : platform.signals()) {
            final double range = s.rangeMax() - s.rangeMin();
            truth.add(new TruthSpec.SumOfSines((s.rangeMin() + s.rangeMax()) / 2.0,
                List.of(new TruthSpec.Sine(0.05 * range, 0.3, 0.0), new TruthSpec.Sine(0.02 * range, 1.1, 90.0))));
        }
        return new Scenario(platform.name(), platform.file(), "reliability flight of " + platform.name(), platform,
            1.0, 1L, truth, List.of(), RandomFaults.OFF, Expectations.NONE);
    }
}
