package org.bftvote.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.scenario.ScenarioCatalog;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped scenario, run for one hour with its own seed and faults: the healthy lanes agree at the end, no frame
 * of divergence goes unflagged, and no recovery takes longer than the lanes' bound. An hour is 288,000 to 360,000
 * frames a scenario, a few minutes for all of them, so it is not part of {@code verify}; run it with
 * <pre>
 * mvn -B -ntp -pl sim-harness -am test -Dtest=HourRunTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbftvote.hourRuns=true
 * </pre>
 * Each scenario prints one row of the table in docs/reference/simulation.md ("One hour of every shipped scenario"):
 * scenario, frames, divergence frames and episodes, undetected frames, longest recovery, bound, hypothesis-exceeded
 * frames.
 */
@EnabledIfSystemProperty(named = "bftvote.hourRuns", matches = "true")
class HourRunTest {
    private static final double HOUR_SECONDS = 3600.0;

    static Stream<String> scenarios() throws Exception {
        return new ScenarioCatalog(RepoFiles.scenarios()).names().stream();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void anHourEndsWithTheHealthyLanesAgreeingAndNothingUnflagged(final String name) throws Exception {
        final Scenario scenario = ScenarioRunTest.load(name);
        final RunMetrics m = ScenarioRunTest.run(scenario.withRun(scenario.seed(), HOUR_SECONDS));
        System.out.printf("| `%s` | %d | %d in %d | %d | %d | %d | %d |%n", name, m.framesRun(),
            m.agreementViolationFrames(), m.divergenceEpisodes(), m.undetectedDivergenceFrames(),
            m.maxRecoveryFrames(), m.descriptor().recoveryBoundFrames(), m.exceededFrames());
        assertEquals(0, m.undetectedDivergenceFrames(), name + ": divergence no lane flagged");
        assertFalse(m.divergedAtLastFrame(), name + ": the healthy lanes differ at the end of the hour");
        assertTrue(m.maxRecoveryFrames() <= m.descriptor().recoveryBoundFrames(), name + ": recovery of "
            + m.maxRecoveryFrames() + " frames, bound " + m.descriptor().recoveryBoundFrames());
    }
}
