package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bftvote.InvalidConfigException;
import org.junit.jupiter.api.Test;

/** Building configurations: the bounds are enforced and named; the budget query after exclusions. */
class AgreementConfigTest {
    @Test
    void aLanesConfigurationCountsTheDiagnosisSignalItself() {
        final AgreementConfig config = AgreementLane.configBuilder(4, 1, 3).build();
        assertEquals(4, config.signals(), "three readings and the diagnosis signal");
        assertEquals(3, new AgreementLane(config, 0).diagnosisSignal(), "the readings are signals 0 to 2");
        final InvalidConfigException e = assertThrows(InvalidConfigException.class,
            () -> AgreementLane.configBuilder(4, 1, 0));
        assertTrue(e.getMessage().contains("hostSignals"), e.getMessage());
    }

    @Test
    void omRefusesFewerThanThreeMPlusOneLanes() {
        final InvalidConfigException e = assertThrows(InvalidConfigException.class,
            () -> AgreementConfig.builder(3, 1, 4).omClassic().build());
        assertTrue(e.getMessage().contains("n >= 3m + 1 (n = 3, m = 1)"), e.getMessage());
        assertEquals("n", e.parameter());
        assertThrows(InvalidConfigException.class, () -> AgreementConfig.builder(6, 2, 4).build());
    }

    @Test
    void hybridRefusesTooFewLanes() {
        final InvalidConfigException e = assertThrows(InvalidConfigException.class,
            () -> AgreementConfig.builder(5, 1, 4).hybrid(1, 1, 0).build());
        assertTrue(e.getMessage().contains("n > 2a + 2s + b + m"), e.getMessage());
        assertTrue(e.getMessage().contains("n = 5, a = 1, s = 1, b = 0, m = 1"), e.getMessage());
        assertTrue(e.getMessage().contains("needs n >= 6"), e.getMessage());
    }

    @Test
    void hybridRefusesFewerRoundsThanAsymmetricFaults() {
        final InvalidConfigException e = assertThrows(InvalidConfigException.class,
            () -> AgreementConfig.builder(9, 1, 4).hybrid(2, 0, 0).build());
        assertTrue(e.getMessage().contains("m >= a (m = 1, a = 2)"), e.getMessage());
        assertEquals("m", e.parameter());
    }

    @Test
    void rangesAreNamed() {
        assertTrue(assertThrows(InvalidConfigException.class, () -> AgreementConfig.builder(4, 1, 0).build())
            .getMessage().contains("K = 0"));
        assertTrue(assertThrows(InvalidConfigException.class, () -> AgreementConfig.builder(4, 1, 257).build())
            .getMessage().contains("K <= 256"));
        assertTrue(assertThrows(InvalidConfigException.class, () -> AgreementConfig.builder(0, 0, 1).build())
            .getMessage().contains("n = 0"));
        assertTrue(assertThrows(InvalidConfigException.class, () -> AgreementConfig.builder(4, -1, 1).build())
            .getMessage().contains("m = -1"));
        assertTrue(assertThrows(InvalidConfigException.class,
            () -> AgreementConfig.builder(6, 1, 1).hybrid(-1, 0, 0).build()).getMessage().contains("a = -1"));
        assertTrue(assertThrows(InvalidConfigException.class, () -> AgreementConfig.builder(40, 5, 1).build())
            .getMessage().contains("EIG tree nodes"));
        assertThrows(InvalidConfigException.class, () -> new EigEngine(Scenario.om(4, 1, 1), 4));
    }

    @Test
    void acceptsConfigurationsAtTheBound() {
        final AgreementConfig om = AgreementConfig.builder(4, 1, 32).defaultWord(-1).build();
        assertEquals(AgreementConfig.Mode.OM_CLASSIC, om.mode());
        assertEquals(2, om.rounds());
        assertEquals(-1, om.defaultWord());
        assertEquals(new FaultBudget(1, 0, 0), om.faultBudget());
        assertTrue(om.withinBound());
        final AgreementConfig hybrid = AgreementConfig.builder(5, 1, 256).hybrid(1, 0, 1).build();
        assertEquals(new FaultBudget(1, 0, 1), hybrid.faultBudget());
        assertEquals(256, hybrid.signals());
        assertFalse(AgreementConfig.builder(3, 1, 1).buildOutsideBound().withinBound());
    }

    @Test
    void budgetsAfterExcludingLanesInHybrid() {
        final AgreementConfig config = AgreementConfig.builder(6, 1, 1).hybrid(1, 1, 0).build();
        // 2a + 2s + b + 1 < 6 - k
        assertEquals(List.of(new FaultBudget(0, 0, 4), new FaultBudget(0, 1, 2), new FaultBudget(0, 2, 0),
            new FaultBudget(1, 0, 2), new FaultBudget(1, 1, 0)), config.budgetsAfterExcluding(0));
        assertEquals(List.of(new FaultBudget(0, 0, 3), new FaultBudget(0, 1, 1), new FaultBudget(1, 0, 1)),
            config.budgetsAfterExcluding(1));
        assertEquals(List.of(new FaultBudget(0, 0, 0)), config.budgetsAfterExcluding(4));
        assertEquals(List.of(), config.budgetsAfterExcluding(5));
        assertTrue(config.holds(2, new FaultBudget(1, 0, 0)));
        assertFalse(config.holds(2, new FaultBudget(1, 0, 1)));
        assertTrue(assertThrows(InvalidConfigException.class, () -> config.budgetsAfterExcluding(7))
            .getMessage().contains("excluded"));
    }

    @Test
    void budgetsAfterExcludingLanesInOm() {
        final AgreementConfig config = AgreementConfig.builder(7, 2, 1).build();
        // Excluded lanes are dropped from the tree: 2a + 2(s + b) + 2 < 7 - k, a <= 2
        assertEquals(List.of(new FaultBudget(0, 0, 2), new FaultBudget(0, 1, 1), new FaultBudget(0, 2, 0),
            new FaultBudget(1, 0, 1), new FaultBudget(1, 1, 0), new FaultBudget(2, 0, 0)),
            config.budgetsAfterExcluding(0));
        final List<FaultBudget> one = List.of(new FaultBudget(0, 0, 1), new FaultBudget(0, 1, 0),
            new FaultBudget(1, 0, 0));
        assertEquals(one, config.budgetsAfterExcluding(1));
        assertEquals(one, config.budgetsAfterExcluding(2), "one slot per excluded lane, not two");
        assertEquals(List.of(new FaultBudget(0, 0, 0)), config.budgetsAfterExcluding(3));
        assertEquals(List.of(new FaultBudget(0, 0, 0)), config.budgetsAfterExcluding(4));
        assertEquals(List.of(), config.budgetsAfterExcluding(5));
        // A quad keeps agreeing among the two lanes left after two exclusions (no fault tolerated then).
        assertEquals(List.of(new FaultBudget(0, 0, 0)), AgreementConfig.builder(4, 1, 1).build()
            .budgetsAfterExcluding(2));
    }

    @Test
    void faultBudgetIsAValue() {
        assertEquals(new FaultBudget(1, 2, 3), new FaultBudget(1, 2, 3));
        assertEquals(new FaultBudget(1, 2, 3).hashCode(), new FaultBudget(1, 2, 3).hashCode());
        assertFalse(new FaultBudget(1, 2, 3).equals(new FaultBudget(1, 2, 2)));
        assertEquals(6, new FaultBudget(1, 2, 3).total());
        assertEquals("(a=1, s=2, b=3)", new FaultBudget(1, 2, 3).toString());
        assertThrows(InvalidConfigException.class, () -> new FaultBudget(0, -1, 0));
        // Equal only to a budget with all three counts equal: each count on its own tells two budgets apart.
        assertFalse(new FaultBudget(1, 2, 3).equals(new FaultBudget(0, 2, 3)));
        assertFalse(new FaultBudget(1, 2, 3).equals(new FaultBudget(1, 1, 3)));
        assertFalse(new FaultBudget(1, 2, 3).equals("(a=1, s=2, b=3)"));
        assertFalse(new FaultBudget(1, 2, 3).equals(null));
    }

    @Test
    void noBudgetWithANegativeCountHolds() {
        // A quad on OMH(1) holds the empty budget after no exclusion; a negative count of any kind never holds,
        // even where the inequality alone would (a negative count makes the right-hand side smaller).
        final AgreementConfig.Mode hybrid = AgreementConfig.Mode.HYBRID_CORRECTED;
        assertTrue(FaultBudget.holds(hybrid, 4, 1, 0, 0, 0, 0));
        assertFalse(FaultBudget.holds(hybrid, 4, 1, 0, -1, 0, 0));
        assertFalse(FaultBudget.holds(hybrid, 4, 1, 0, 0, -1, 0));
        assertFalse(FaultBudget.holds(hybrid, 4, 1, 0, 0, 0, -1));
        assertFalse(FaultBudget.holds(hybrid, 4, 1, -1, 0, 0, 0));
        assertFalse(FaultBudget.holds(AgreementConfig.Mode.OM_CLASSIC, 4, 1, -1, 0, 0, 0));
    }

    @Test
    void toStringSaysWhetherTheConfigurationIsOutsideItsBound() {
        final AgreementConfig.Builder quad = AgreementConfig.builder(4, 1, 2);
        assertEquals("AgreementConfig[n=4, m=1, K=2, OM_CLASSIC, budget=(a=1, s=0, b=0), defaultWord=0]",
            quad.build().toString());
        final AgreementConfig outside = AgreementConfig.builder(3, 1, 2).buildOutsideBound();
        assertFalse(outside.withinBound());
        assertTrue(outside.toString().endsWith(", OUTSIDE BOUND]"), outside.toString());
    }
}
