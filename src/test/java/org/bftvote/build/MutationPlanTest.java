package org.bftvote.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan names exactly the classes of the files to analyse, and tells PIT to skip when there are none. */
class MutationPlanTest {
    @TempDir
    Path dir;

    @Test
    void targetsEachFilesClassAndItsNestedClassesOnly() {
        assertEquals("a.b.C,a.b.C$*,D,D$*", MutationPlan.targetClasses(List.of("a/b/C.java", "D.java")));
        assertEquals(MutationPlan.NO_CLASS, MutationPlan.targetClasses(List.of()));
    }

    @Test
    void writesWhatTheBuildReads() throws IOException {
        final TreeMap<String, String> analyse = new TreeMap<>();
        analyse.put("a/b/C.java", "changed");
        MutationPlan.write(dir, analyse);
        assertEquals("mutation.changed.skip=false\nmutation.changed.classes=a.b.C,a.b.C$*\n",
            Files.readString(dir.resolve("plan.properties"), StandardCharsets.UTF_8));
        assertEquals(Set.of("a/b/C.java"), MutationPlan.files(dir));
        MutationPlan.write(dir, new TreeMap<>());
        assertEquals("mutation.changed.skip=true\nmutation.changed.classes=" + MutationPlan.NO_CLASS + "\n",
            Files.readString(dir.resolve("plan.properties"), StandardCharsets.UTF_8));
        assertEquals(Set.of(), MutationPlan.files(dir));
    }

    @Test
    void estimatesTheMutantsFromTheHistoryOrForANewFileFromItsLinesOfCode() throws IOException {
        final Path root = dir.resolve("main");
        Files.createDirectories(root.resolve("a"));
        Files.writeString(root.resolve("a/New.java"), "/** doc\n * more\n */\nclass New {\n\n  int x;\n  // c\n  int y;\n}\n",
            StandardCharsets.UTF_8);
        final MutationHistory h = MutationHistory.parse("source a/B.java 1\n"
            + "mutants a/B.java a.B#f()V M killed=3 timed-out=1 survived=2 no-coverage=1\n"
            + "mutants a/B.java a.B#g()V M killed=5 timed-out=0 survived=0 no-coverage=0\n", "h.txt");
        assertEquals(12, h.mutantsOf("a/B.java"));
        assertEquals(-1, h.mutantsOf("a/New.java"));
        assertEquals(2, MutationPlan.mutants(List.of("a/New.java"), h, root), "4 lines of code, not the comments");
        assertEquals(14, MutationPlan.mutants(List.of("a/B.java", "a/New.java"), h, root));
    }

    @Test
    void failsAPlanOverItsBudgetWithWhatToDo() {
        MutationPlan.checkBudget(400, 400, Path.of("h.txt"));
        MutationPlan.checkBudget(5000, 0, Path.of("h.txt"));
        assertEquals("about 401 mutants to analyse, more than this build's budget of 400 (mutation.budget); run "
            + ".ci/mutation-changed, which has none, and commit h.txt with the change", assertThrows(
                IllegalArgumentException.class, () -> MutationPlan.checkBudget(401, 400, Path.of("h.txt"))).getMessage());
    }
}
