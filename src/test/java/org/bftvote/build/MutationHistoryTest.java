package org.bftvote.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutation history holds each library file's latest analysis: a file is analysed again when it changed or one
 * of its detecting tests did, and only then; a merge replaces exactly the analysed files; the file format reads back
 * to the same history, and a damaged line is named.
 */
class MutationHistoryTest {
    private static final String XML = "<mutations>"
        + PitReportTest.mutation("KILLED", "a.B", "B.java", "f", "a.BTest.[engine:junit-jupiter]/[class:a.BTest]")
        + PitReportTest.mutation("MEMORY_ERROR", "a.B$In", "B.java", "f", "")
        + PitReportTest.mutation("TIMED_OUT", "a.B", "B.java", "g", "")
        + PitReportTest.mutation("SURVIVED", "a.B", "B.java", "g", "")
        + PitReportTest.mutation("NO_COVERAGE", "a.C", "C.java", "h", "")
        + PitReportTest.mutation("KILLED", "a.C", "C.java", "h", "a.CTest$Nested.[engine:junit-jupiter]/[x]")
        + "</mutations>";

    @TempDir
    Path dir;
    private Path main;
    private Path tests;

    @BeforeEach
    void sources() throws IOException {
        main = dir.resolve("main");
        tests = dir.resolve("test");
        write(main, "a/B.java", "class B {}");
        write(main, "a/C.java", "class C {}");
        write(main, "a/package-info.java", "package a;");
        write(tests, "a/BTest.java", "class BTest {}");
        write(tests, "a/CTest.java", "class CTest {}");
        write(tests, "a/OtherTest.java", "class OtherTest {}");
    }

    private static void write(final Path root, final String path, final String text) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text, StandardCharsets.UTF_8);
    }

    private MutationHistory analysedOnce() throws IOException {
        return new MutationHistory().merge(SourceHashes.underRoot(main), tests, Set.of("a/B.java", "a/C.java"),
            PitReport.parse(XML));
    }

    @Test
    void everyFileIsToAnalyseInAnEmptyHistoryAndNoneRightAfterItsAnalysis() throws IOException {
        final SortedMap<String, String> library = SourceHashes.underRoot(main);
        assertEquals(Set.of("a/B.java", "a/C.java"), library.keySet(), "package-info holds no mutant");
        assertEquals(Map.of("a/B.java", "not analysed yet", "a/C.java", "not analysed yet"),
            new MutationHistory().changed(library, tests));
        assertEquals(Map.of(), analysedOnce().changed(library, tests));
    }

    @Test
    void aFileIsAnalysedAgainWhenItOrOneOfItsDetectingTestsChangesAndOnlyThen() throws IOException {
        final MutationHistory history = analysedOnce();
        write(tests, "a/OtherTest.java", "class OtherTest { int x; }");
        assertEquals(Map.of(), history.changed(SourceHashes.underRoot(main), tests), "no mutant's detecting test");
        write(main, "a/B.java", "class B { int x; }");
        assertEquals(Map.of("a/B.java", "changed"), history.changed(SourceHashes.underRoot(main), tests));
        write(main, "a/B.java", "class B {}");
        write(tests, "a/CTest.java", "class CTest { int x; }");
        assertEquals(Map.of("a/C.java", "test a/CTest.java changed"),
            history.changed(SourceHashes.underRoot(main), tests), "a nested class's test belongs to its file");
        write(tests, "a/CTest.java", "class CTest {}");
        Files.delete(tests.resolve("a/BTest.java"));
        assertEquals(Map.of("a/B.java", "test a/BTest.java changed"),
            history.changed(SourceHashes.underRoot(main), tests), "a deleted test no longer detects anything");
    }

    @Test
    void countsEachMethodAndMutatorByStatusAsTheGateCountsOneRun() throws IOException {
        final MutationGate.Report fromHistory = analysedOnce().report();
        final MutationGate.Report fromRun = MutationGate.read(XML);
        assertEquals(fromRun.total, fromHistory.total);
        assertEquals(fromRun.detected, fromHistory.detected);
        assertEquals(fromRun.survivors, fromHistory.survivors);
        assertEquals(fromRun.timedOut, fromHistory.timedOut);
        assertEquals(fromRun.classes, fromHistory.classes);
        assertEquals(6, fromHistory.total);
        assertEquals(4, fromHistory.detected, "killed, memory error, timed out, killed");
    }

    @Test
    void aMergeReplacesTheAnalysedFilesKeepsTheOthersAndDropsDeletedOnes() throws IOException {
        final MutationHistory before = analysedOnce();
        write(main, "a/B.java", "class B { int x; }");
        write(main, "a/D.java", "class D {}");
        final String xml = "<mutations>" + PitReportTest.mutation("SURVIVED", "a.B", "B.java", "k", "") + "</mutations>";
        final MutationHistory after = before.merge(SourceHashes.underRoot(main), tests, Set.of("a/B.java", "a/D.java"),
            PitReport.parse(xml));
        assertEquals(Set.of("a/B.java", "a/C.java", "a/D.java"), after.sources().keySet());
        assertEquals(Set.of("a.B#k(I)V MathMutator"), after.sources().get("a/B.java").groups.keySet());
        assertEquals(Map.of(), after.sources().get("a/B.java").tests, "no mutant of this run was detected");
        assertEquals(before.sources().get("a/C.java"), after.sources().get("a/C.java"));
        assertEquals(Set.of(), after.sources().get("a/D.java").groups.keySet(), "analysed, no mutant");
        assertEquals(Map.of(), after.changed(SourceHashes.underRoot(main), tests));
        Files.delete(main.resolve("a/C.java"));
        assertEquals(Set.of("a/B.java", "a/D.java"),
            after.merge(SourceHashes.underRoot(main), tests, Set.of(), List.of()).sources().keySet());
    }

    @Test
    void refusesAMutantOfAFileTheRunWasNotToAnalyse() throws IOException {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MutationHistory()
            .merge(SourceHashes.underRoot(main), tests, Set.of("a/B.java"), PitReport.parse(XML)));
        assertEquals("PIT's report has a mutant of a/C.java, which is not among the library files this run analysed",
            e.getMessage());
    }

    @Test
    void itsFileReadsBackToTheSameHistory() throws IOException {
        final String text = analysedOnce().format();
        assertEquals(text, MutationHistory.parse(text, "h.txt").format());
        assertTrue(text.contains("source a/B.java " + SourceHashes.of(main.resolve("a/B.java")) + "\n"), text);
        assertTrue(text.contains("test a/C.java a/CTest.java " + SourceHashes.of(tests.resolve("a/CTest.java"))), text);
        assertTrue(text.contains("mutants a/B.java a.B#g(I)V MathMutator killed=0 timed-out=1 survived=1 "
            + "no-coverage=0\n"), text);
        final Path file = dir.resolve("history.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertEquals(text, MutationHistory.read(file).format());
        assertEquals(0, MutationHistory.read(dir.resolve("none.txt")).sources().size(), "no file yet: empty");
    }

    @Test
    void namesTheFileAndLineOfADamagedRecord() {
        assertEquals("h.txt:2: expected 'source PATH HASH', 'test PATH TEST_PATH HASH' or 'mutants PATH "
            + "CLASS#METHOD(DESC) MUTATOR killed=K timed-out=T survived=S no-coverage=N', got: mutants a/B.java x",
            assertThrows(IllegalArgumentException.class,
                () -> MutationHistory.parse("# c\nmutants a/B.java x\n", "h.txt")).getMessage());
        assertEquals("h.txt:1: a/B.java has no 'source' line before it", assertThrows(IllegalArgumentException.class,
            () -> MutationHistory.parse("test a/B.java a/BTest.java 0123\n", "h.txt")).getMessage());
        assertEquals("h.txt:2: source a/B.java is recorded twice", assertThrows(IllegalArgumentException.class,
            () -> MutationHistory.parse("source a/B.java 1\nsource a/B.java 2\n", "h.txt")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> MutationHistory.parse("source a/B.java 1\nmutants a/B.java "
            + "a.B#f()V M killed=12345678901 timed-out=0 survived=0 no-coverage=0\n", "h.txt"), "count out of range");
    }
}
