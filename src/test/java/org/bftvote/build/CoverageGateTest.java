package org.bftvote.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coverage gate fails on an unlisted missed branch and on a stale entry, and passes when both agree. */
class CoverageGateTest {
    private static final String XML = "<report><package name=\"a\"><class name=\"a/B\" sourcefilename=\"B.java\">"
        + "<method name=\"f\" desc=\"(I)V\" line=\"3\"><counter type=\"BRANCH\" missed=\"1\" covered=\"3\"/></method>"
        + "<method name=\"&lt;init&gt;\" desc=\"()V\" line=\"1\"><counter type=\"LINE\" missed=\"0\" covered=\"1\"/>"
        + "</method><method name=\"g\" desc=\"()Z\" line=\"9\"><counter type=\"BRANCH\" missed=\"0\" covered=\"2\"/>"
        + "</method></class></package></report>";

    @TempDir
    Path tmp;

    @Test
    void readsMissedAndCoveredBranchesPerMethodWithBranches() {
        final Map<String, int[]> m = CoverageGate.measured(XML);
        assertEquals(List.of("a.B#f(I)V", "a.B#g()Z"), List.copyOf(m.keySet()));
        assertEquals(1, m.get("a.B#f(I)V")[0]);
        assertEquals(3, m.get("a.B#f(I)V")[1]);
    }

    @Test
    void passesOnlyWhenEveryMissedBranchIsListedExactly() {
        final Map<String, int[]> m = CoverageGate.measured(XML);
        assertEquals(List.of(), CoverageGate.compare(m, Map.of("a.B#f(I)V", 1)));
        assertTrue(CoverageGate.compare(m, Map.of()).get(0).contains("misses 1 branch(es), 0 listed"));
        assertTrue(CoverageGate.compare(m, Map.of("a.B#f(I)V", 2)).get(0).contains("lower the entry"));
        assertTrue(CoverageGate.compare(m, Map.of("a.B#f(I)V", 1, "a.B#gone()V", 1)).get(0).contains("is listed"));
    }

    @Test
    void everyEntryNeedsItsReason() throws Exception {
        final Path list = tmp.resolve("list.txt");
        Files.writeString(list, "# comment\n\na.B#f(I)V missed=1 -- the default branch of an exhaustive switch\n");
        assertEquals(Map.of("a.B#f(I)V", 1), CoverageGate.listed(list));
        Files.writeString(list, "a.B#f(I)V missed=1\n");
        assertThrows(IllegalArgumentException.class, () -> CoverageGate.listed(list));
        Files.writeString(list, "a.B#f(I)V missed=1 -- x\na.B#f(I)V missed=1 -- y\n");
        assertThrows(IllegalArgumentException.class, () -> CoverageGate.listed(list));
    }
}
