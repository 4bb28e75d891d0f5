package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.bftvote.InvalidConfigException;
import org.junit.jupiter.api.Test;

/** The tree numbering: counts, levels, parent and child links, lanes on paths. */
class EigPathsTest {
    @Test
    void countsMatchTheClosedForm() {
        assertEquals(16, new EigPaths(4, 1).count());
        assertEquals(259, new EigPaths(7, 2).count());
        assertEquals(5, new EigPaths(5, 0).count());
        assertEquals(4 + 12 + 24, new EigPaths(4, 2).count());
    }

    @Test
    void refusesATreeLargerThanTheNodeLimitNamingItsSize() {
        // n = 10, m = 4: 10 + 90 + 720 + 5,040 + 30,240 = 36,100 nodes fit; m = 5 adds 151,200 and does not.
        assertEquals(36_100, new EigPaths(10, 4).count());
        final InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new EigPaths(10, 5));
        assertEquals("n, m", e.parameter());
        assertTrue(e.bound().contains("this tree has 187300"), e.getMessage());
    }

    @Test
    void everyPathIsADistinctSequenceOfDistinctLanesWithConsistentLinks() {
        for (int n = 1; n <= 7; n++) {
            for (int m = 0; m <= Math.min(n - 1, 3); m++) {
                final EigPaths paths = new EigPaths(n, m);
                final Set<String> seen = new HashSet<>();
                for (int p = 0; p < paths.count(); p++) {
                    assertTrue(seen.add(paths.describe(p)), "duplicate " + paths.describe(p));
                    final int length = paths.length(p);
                    assertTrue(p >= paths.levelStart(length) && p < paths.levelEnd(length));
                    assertEquals(paths.lane(p, 0), paths.source(p));
                    assertEquals(paths.lane(p, length - 1), paths.last(p));
                    long mask = 0;
                    for (int i = 0; i < length; i++) {
                        mask |= 1L << paths.lane(p, i);
                        assertTrue(paths.contains(p, paths.lane(p, i)));
                    }
                    assertEquals(length, Long.bitCount(mask));
                    assertEquals(mask, paths.laneMask(p));
                    if (length > 1) {
                        assertEquals(p, paths.child(paths.parent(p), paths.last(p)));
                        assertTrue(paths.parent(p) < p);
                    } else {
                        assertEquals(-1, paths.parent(p));
                        assertEquals(p, paths.source(p));
                    }
                    for (int lane = 0; lane < n; lane++) {
                        final int child = paths.child(p, lane);
                        if (paths.contains(p, lane) || length == m + 1) {
                            assertEquals(-1, child);
                            assertEquals(paths.contains(p, lane), paths.contains(p, lane));
                        } else {
                            assertEquals(p, paths.parent(child));
                            assertEquals(lane, paths.last(child));
                            assertFalse(paths.contains(p, lane));
                        }
                    }
                }
                assertEquals(EigPaths.nodeCount(n, m), seen.size());
            }
        }
    }

    @Test
    void describesPaths() {
        final EigPaths paths = new EigPaths(4, 2);
        final int path = paths.child(paths.child(2, 0), 3);
        assertEquals("(2·0·3)", paths.describe(path));
        assertEquals(0, paths.lane(path, 1));
    }
}
