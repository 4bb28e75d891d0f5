package org.bftvote.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording merges only the planned files' analysis, and refuses to when the plan or PIT's report is missing or when
 * a changed file was left unanalysed.
 */
class MutationRecordTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;
    private String[] args;

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(dir.resolve("main/a"));
        Files.createDirectories(dir.resolve("test"));
        Files.writeString(dir.resolve("main/a/B.java"), "class B {}", StandardCharsets.UTF_8);
        args = new String[] {dir.resolve("history.txt").toString(), dir.resolve("main").toString(),
            dir.resolve("test").toString(), dir.resolve("plan").toString(), dir.resolve("mutations.xml").toString(),
            "list.txt", "95", dir.resolve("out.txt").toString()};
    }

    private void plan(final String... files) throws IOException {
        final TreeMap<String, String> analyse = new TreeMap<>();
        for (final String f : files) {
            analyse.put(f, "changed");
        }
        MutationPlan.write(dir.resolve("plan"), analyse);
    }

    private MutationHistory merged() throws IOException {
        return MutationRecord.merge(args, MutationPlan.files(dir.resolve("plan")));
    }

    @Test
    void mergesThePlannedFilesAnalysis() throws IOException {
        plan("a/B.java");
        Files.writeString(dir.resolve("mutations.xml"), "<mutations>"
            + PitReportTest.mutation("KILLED", "a.B", "B.java", "f", "") + "</mutations>", StandardCharsets.UTF_8);
        final MutationHistory merged = merged();
        assertEquals(Set.of("a/B.java"), merged.sources().keySet());
        assertEquals(1, merged.report().detected);
    }

    @Test
    void refusesWithoutAPlanWithoutPitsReportOrWithAChangedFileLeftOut() throws IOException {
        assertEquals(dir.resolve("plan/analyse.txt") + ": no plan; the mutation-plan step writes it first",
            assertThrows(IllegalArgumentException.class, () -> MutationRecord.record(args, QUIET)).getMessage());
        plan("a/B.java");
        assertEquals(dir.resolve("mutations.xml") + ": PIT wrote no report, though 1 library source file(s) were to "
            + "be analysed", assertThrows(IllegalArgumentException.class, () -> merged()).getMessage());
        plan();
        assertEquals("1 library source file(s) not analysed since they changed, first a/B.java (not analysed yet); "
            + "the mutation-plan step names them and PIT analyses them before this step",
            assertThrows(IllegalArgumentException.class, () -> merged()).getMessage());
    }

    @Test
    void writesTheHistoryOnlyWhenTheGatePasses() throws IOException {
        plan("a/B.java");
        Files.writeString(dir.resolve("mutations.xml"), "<mutations>"
            + PitReportTest.mutation("KILLED", "a.B", "B.java", "f", "")
            + PitReportTest.mutation("SURVIVED", "a.B", "B.java", "g", "") + "</mutations>", StandardCharsets.UTF_8);
        final Path list = dir.resolve("list.txt");
        args[5] = list.toString();
        Files.writeString(list, "# nothing listed\n", StandardCharsets.UTF_8);
        assertFalse(MutationRecord.record(args, QUIET), "a survivor no entry lists");
        assertFalse(Files.exists(dir.resolve("out.txt")));
        Files.writeString(list, "a.B#g(I)V MathMutator missed=1 -- equivalent: for the test\n", StandardCharsets.UTF_8);
        assertTrue(MutationRecord.record(args, QUIET));
        assertEquals(merged().format(), Files.readString(dir.resolve("out.txt")));
    }
}
