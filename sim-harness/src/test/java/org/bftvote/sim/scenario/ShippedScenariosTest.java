package org.bftvote.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bftvote.sim.profile.FailureKind;
import org.bftvote.sim.profile.HardOverDirection;
import org.bftvote.sim.profile.LossModel;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.RepoFiles;
import org.junit.jupiter.api.Test;

class ShippedScenariosTest {
    private final ScenarioCatalog scenarios = new ScenarioCatalog(RepoFiles.scenarios());

    private Scenario load(final String name) throws Exception {
        return new ScenarioLoader(ProfileCatalog.load(RepoFiles.profiles())).load(scenarios.resolve(name));
    }

    @Test
    void everyRequiredScenarioIsShippedAndLoads() throws Exception {
        final List<String> names = scenarios.names();
        assertTrue(names.containsAll(List.of("nominal-triplex", "hard-over", "two-frozen-same-value",
            "intermittent-spikes", "two-faced-lane-quad", "burst-loss-one-bus", "two-sequential-faults-quad-to-duplex",
            "beyond-fault-hypothesis", "sts124-double-fault-quad", "lane-reboot-quad", "lane-stall-quad",
            "all-lanes-upset")), names.toString());
        for (final String name : names) {
            final Scenario scenario = load(name);
            assertEquals(name, scenario.name());
            assertEquals(scenario.platform().signals().size(), scenario.truthBySignal().size(), name);
        }
        assertTrue(names.contains(ScenarioCatalog.DEFAULT_SCENARIO));
    }

    @Test
    void hardOverTargetsTheCentreLanePitchGyro() throws Exception {
        final Scenario scenario = load("hard-over");
        final FaultInjection.SensorFault fault = assertInstanceOf(FaultInjection.SensorFault.class,
            scenario.faults().get(0));
        assertEquals(1, fault.lane());
        assertEquals("pitch_rate", fault.signalName());
        assertEquals(FailureKind.HARD_OVER, fault.kind());
        assertEquals(HardOverDirection.MAX, fault.parameters().direction());
        assertEquals(10.0, fault.startSeconds());
        assertTrue(Double.isNaN(fault.durationSeconds()));
        assertEquals(0.06, scenario.expectations().detections().get(0).withinSeconds(), 1e-12);
    }

    @Test
    void burstLossIsGilbertElliottOnNetworkA() throws Exception {
        final FaultInjection.BusFault fault = assertInstanceOf(FaultInjection.BusFault.class,
            load("burst-loss-one-bus").faults().get(0));
        assertEquals("A", fault.network());
        assertEquals(new LossModel.GilbertElliott(0.01, 0.1, 0.0, 1.0), fault.loss());
        assertEquals(20.0, fault.durationSeconds());
    }

    @Test
    void twoFacedLaneNamesItsVictims() throws Exception {
        final FaultInjection.LaneFault fault = assertInstanceOf(FaultInjection.LaneFault.class,
            load("two-faced-lane-quad").faults().get(0));
        assertEquals(LaneFaultKind.TWO_FACED, fault.kind());
        assertEquals(3, fault.lane());
        assertEquals(List.of(0, 1), fault.victims());
        assertEquals(0.2, fault.offsetFraction());
        assertEquals(List.of(0.2, 0.2), fault.victimOffsets());
    }

    @Test
    void theStsPatternGivesEachVictimItsOwnOffset() throws Exception {
        final FaultInjection.LaneFault fault = assertInstanceOf(FaultInjection.LaneFault.class,
            load("sts124-double-fault-quad").faults().get(0));
        assertEquals(List.of(0, 1), fault.victims());
        assertEquals(List.of(0.2, -0.2), fault.victimOffsets());
        assertTrue(Double.isNaN(fault.offsetFraction()));
    }

    @Test
    void rebootAndStallAreLaneFaultsWithADuration() throws Exception {
        final FaultInjection.LaneFault reboot = assertInstanceOf(FaultInjection.LaneFault.class,
            load("lane-reboot-quad").faults().get(0));
        assertEquals(LaneFaultKind.REBOOT, reboot.kind());
        assertEquals(1, reboot.lane());
        assertEquals(2.0, reboot.durationSeconds(), 1e-12);
        final FaultInjection.LaneFault stall = assertInstanceOf(FaultInjection.LaneFault.class,
            load("lane-stall-quad").faults().get(1));
        assertEquals(LaneFaultKind.STALL, stall.kind());
        assertEquals(1.0, stall.durationSeconds(), 1e-12);
    }

    @Test
    void frozenPairExpectsTheHypothesisExceeded() throws Exception {
        final Scenario scenario = load("two-frozen-same-value");
        assertEquals(Boolean.TRUE, scenario.expectations().hypothesisExceeded().orElseThrow());
        assertEquals(2, scenario.faults().size());
        assertEquals(4.0, ((FaultInjection.SensorFault) scenario.faults().get(1)).parameters().value());
    }

    @Test
    void runOverridesReplaceSeedAndDurationOnly() throws Exception {
        final Scenario scenario = load("nominal-triplex");
        final Scenario copy = scenario.withRun(99L, 2.5);
        assertEquals(99L, copy.seed());
        assertEquals(2.5, copy.durationSeconds());
        assertEquals(scenario.truthBySignal(), copy.truthBySignal());
        assertEquals(scenario.expectations(), copy.expectations());
        assertEquals(0.003 * 9.80665, scenario.expectations().maxOutputErrorRms().get("normal_accel"), 1e-12);
    }
}
