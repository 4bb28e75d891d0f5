package org.bftvote.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The mutation gate fails on an unlisted survivor and on a stale entry of an analysed class, and only then; a listed
 * mutant that timed out is not a stale entry.
 */
class MutationGateTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static final String XML = "<mutations>"
        + mutation("KILLED", "a.B", "f", "(I)V", "org.pitest.X.MathMutator")
        + mutation("SURVIVED", "a.B", "f", "(I)V", "org.pitest.X.ConditionalsBoundaryMutator")
        + mutation("NO_COVERAGE", "a.B", "g", "()Z", "org.pitest.X.BooleanTrueReturnValsMutator")
        + mutation("TIMED_OUT", "a.B", "g", "()Z", "org.pitest.X.MathMutator")
        + "</mutations>";

    private static String mutation(final String status, final String owner, final String method, final String desc,
        final String mutator) {
        return "<mutation detected='" + !"SURVIVED".equals(status) + "' status='" + status + "'>"
            + "<mutatedClass>" + owner + "</mutatedClass><mutatedMethod>" + method + "</mutatedMethod>"
            + "<methodDescription>" + desc + "</methodDescription><mutator>" + mutator + "</mutator></mutation>";
    }

    @Test
    void countsDetectedMutantsAndSurvivorsPerMethodAndMutator() {
        final MutationGate.Report r = MutationGate.read(XML);
        assertEquals(4, r.total);
        assertEquals(2, r.detected);
        assertEquals(Map.of("a.B#f(I)V ConditionalsBoundaryMutator", 1, "a.B#g()Z BooleanTrueReturnValsMutator", 1),
            r.survivors);
        assertEquals(Map.of("a.B#g()Z MathMutator", 1), r.timedOut);
    }

    @Test
    void aListedMutantThatTimedOutIsNotStaleButAKilledOneIs() {
        final MutationGate.Report r = MutationGate.read(XML);
        final Map<String, Integer> both = Map.of("a.B#f(I)V ConditionalsBoundaryMutator", 1,
            "a.B#g()Z BooleanTrueReturnValsMutator", 1);
        final Map<String, Integer> withTimedOut = new HashMap<>(both);
        withTimedOut.put("a.B#g()Z MathMutator", 1);
        assertEquals(List.of(), MutationGate.compare(r, withTimedOut));
        withTimedOut.put("a.B#g()Z MathMutator", 2);
        assertEquals(List.of("a.B#g()Z MathMutator: 2 listed but 0 survive and 1 timed out: lower the entry to "
            + "missed=1"), MutationGate.compare(r, withTimedOut));
        final Map<String, Integer> withKilled = new HashMap<>(both);
        withKilled.put("a.B#f(I)V MathMutator", 1);
        assertEquals(List.of("a.B#f(I)V MathMutator: 1 listed but 0 survive: lower the entry (remove it)"),
            MutationGate.compare(r, withKilled));
    }

    @Test
    void passesOnlyWhenEverySurvivorOfAnAnalysedClassIsListedExactly() {
        final MutationGate.Report r = MutationGate.read(XML);
        final Map<String, Integer> both = Map.of("a.B#f(I)V ConditionalsBoundaryMutator", 1,
            "a.B#g()Z BooleanTrueReturnValsMutator", 1);
        assertEquals(List.of(), MutationGate.compare(r, both));
        assertTrue(MutationGate.compare(r, Map.of("a.B#f(I)V ConditionalsBoundaryMutator", 1)).get(0)
            .contains("survive, 0 listed"));
        assertTrue(MutationGate.compare(r, Map.of("a.B#f(I)V ConditionalsBoundaryMutator", 2,
            "a.B#g()Z BooleanTrueReturnValsMutator", 1)).get(0).contains("lower the entry"));
        // An entry of a class this run did not analyse is left alone (a run scoped to what changed).
        final Map<String, Integer> other = new HashMap<>(both);
        other.put("c.D#h()V MathMutator", 3);
        assertEquals(List.of(), MutationGate.compare(r, other));
    }

    @Test
    void judgesTheListAndTheLeastScoreOfTheMutantsNotListed() {
        final MutationGate.Report r = MutationGate.read(XML);
        final Map<String, Integer> both = Map.of("a.B#f(I)V ConditionalsBoundaryMutator", 1,
            "a.B#g()Z BooleanTrueReturnValsMutator", 1);
        assertTrue(MutationGate.judge(r, both, "list.txt", "100", QUIET), "2 of the 2 not listed are detected");
        assertFalse(MutationGate.judge(r, Map.of(), "list.txt", null, QUIET), "2 survivors not listed");
        final Map<String, Integer> one = Map.of("a.B#f(I)V ConditionalsBoundaryMutator", 1,
            "a.B#g()Z BooleanTrueReturnValsMutator", 0);
        assertFalse(MutationGate.judge(r, one, "list.txt", null, QUIET),
            "an unlisted survivor fails without a threshold");
        final MutationGate.Report killedOnly = new MutationGate.Report();
        killedOnly.add("a.B#f(I)V MathMutator", "KILLED", 19);
        killedOnly.add("a.B#g(I)V MathMutator", "SURVIVED", 1);
        final Map<String, Integer> none = Map.of("a.B#g(I)V MathMutator", 1);
        assertTrue(MutationGate.judge(killedOnly, none, "list.txt", "95", QUIET), "19 of 19 not listed");
        killedOnly.add("a.B#h(I)V MathMutator", "NO_COVERAGE", 1);
        assertFalse(MutationGate.judge(killedOnly, Map.of("a.B#g(I)V MathMutator", 1, "a.B#h(I)V MathMutator", 0),
            "list.txt", "95", QUIET), "19 of 20 not listed is 95 %, but one survivor is not listed");
    }
}
