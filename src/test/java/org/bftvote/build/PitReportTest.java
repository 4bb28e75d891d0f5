package org.bftvote.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** PIT's report reads as mutants with their source file, method and mutator, status and detecting test class. */
class PitReportTest {
    /**
     * @return one {@code <mutation>} element as PIT writes it, for method {@code name(I)V} and the math mutator
     */
    static String mutation(final String status, final String owner, final String sourceFile, final String method,
        final String killingTest) {
        return "<mutation detected='" + !"SURVIVED".equals(status) + "' status='" + status + "' numberOfTestsRun='1'>"
            + "<sourceFile>" + sourceFile + "</sourceFile><mutatedClass>" + owner + "</mutatedClass><mutatedMethod>"
            + method + "</mutatedMethod><methodDescription>(I)V</methodDescription><lineNumber>7</lineNumber>"
            + "<mutator>org.pitest.mutationtest.engine.gregor.mutators.MathMutator</mutator>"
            + (killingTest.isEmpty() ? "" : "<killingTest>" + killingTest + "</killingTest>")
            + "<description>x</description></mutation>";
    }

    @Test
    void readsEachViableMutantWithItsSourceFileAndDetectingTestClass() {
        final String xml = "<mutations>"
            + mutation("KILLED", "a.b.C$Inner", "C.java", "&lt;init&gt;",
                "a.b.CTest$Nested.[engine:junit-jupiter]/[class:a.b.CTest]/[nested-class:Nested]/[method:m()]")
            + mutation("NON_VIABLE", "a.b.C", "C.java", "f", "")
            + mutation("SURVIVED", "D", "D.java", "f", "")
            + "</mutations>";
        assertEquals(List.of(
            new PitReport.Mutant("a/b/C.java", "a.b.C$Inner#<init>(I)V MathMutator", "KILLED", "a.b.CTest"),
            new PitReport.Mutant("D.java", "D#f(I)V MathMutator", "SURVIVED", "")), PitReport.parse(xml));
    }
}
