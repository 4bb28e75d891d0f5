package org.bftvote.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertEquals(List.of("a/b/C.java"), Files.readAllLines(dir.resolve("analyse.txt")));
        MutationPlan.write(dir, new TreeMap<>());
        assertEquals("mutation.changed.skip=true\nmutation.changed.classes=" + MutationPlan.NO_CLASS + "\n",
            Files.readString(dir.resolve("plan.properties"), StandardCharsets.UTF_8));
        assertEquals(List.of(), Files.readAllLines(dir.resolve("analyse.txt")));
    }
}
