package org.bftvote.sim.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bftvote.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthModelsTest {
    @Test
    void constantStepAndDoublet() {
        assertEquals(3.5, new ConstantTruth(3.5).valueAt(99, 1.0));
        final StepTruth step = new StepTruth(2.0, 1.0, 5.0);
        assertEquals(1.0, step.valueAt(0, 1.999));
        assertEquals(5.0, step.valueAt(0, 2.0));
        final DoubletTruth doublet = new DoubletTruth(1.0, 0.5, 4.0);
        assertEquals(0.0, doublet.valueAt(0, 0.99));
        assertEquals(4.0, doublet.valueAt(0, 1.0));
        assertEquals(4.0, doublet.valueAt(0, 1.49));
        assertEquals(-4.0, doublet.valueAt(0, 1.5));
        assertEquals(-4.0, doublet.valueAt(0, 1.99));
        assertEquals(0.0, doublet.valueAt(0, 2.0));
        assertThrows(InvalidConfigException.class, () -> new DoubletTruth(1.0, 0.0, 1.0));
        assertThrows(InvalidConfigException.class, () -> new ConstantTruth(Double.NaN));
    }

    @Test
    void sumOfSines() {
        final SineSumTruth sines = new SineSumTruth(1.0, new double[] {2.0, 0.5}, new double[] {1.0, 10.0},
            new double[] {0.0, Math.PI / 2});
        assertEquals(1.0 + 0.0 + 0.5, sines.valueAt(0, 0.0), 1e-12);
        // t = 0.25 s: sin(pi/2) = 1; second: sin(2 pi 2.5 + pi/2) = sin(5.5 pi) = -1.
        assertEquals(1.0 + 2.0 - 0.5, sines.valueAt(0, 0.25), 1e-12);
        final InvalidConfigException e = assertThrows(InvalidConfigException.class,
            () -> new SineSumTruth(0, new double[] {1}, new double[] {1, 2}, new double[] {0}));
        assertTrue(e.getMessage().contains("sines"), e.getMessage());
    }

    /** Increments over 1 s of 100 Hz frames: variance sigma^2 * 1 s within 5 %, over 4,000 seconds. */
    @Test
    void randomWalkHasBrownianIncrementsAndRefusesGoingBack() {
        final double sigma = 0.3;
        final RandomWalkTruth walk = new RandomWalkTruth(10.0, sigma, new SimRandom(5));
        assertEquals(10.0, walk.valueAt(0, 0.0));
        double previous = 10.0;
        double sumSq = 0;
        final int seconds = 4000;
        for (int s = 1; s <= seconds; s++) {
            double v = 0;
            for (int f = 1; f <= 100; f++) {
                final long frame = (s - 1) * 100L + f;
                v = walk.valueAt(frame, frame / 100.0);
            }
            sumSq += (v - previous) * (v - previous);
            previous = v;
        }
        assertEquals(sigma * sigma, sumSq / seconds, 0.05 * sigma * sigma * 2);
        assertEquals(previous, walk.valueAt(seconds * 100L, seconds));
        assertTrue(Double.isNaN(walk.valueAt(5, 0.05)));
        final RandomWalkTruth again = new RandomWalkTruth(10.0, sigma, new SimRandom(5));
        final RandomWalkTruth other = new RandomWalkTruth(10.0, sigma, new SimRandom(6));
        double a = 0;
        double o = 0;
        for (int f = 0; f < 100; f++) {
            a = again.valueAt(f, f / 100.0);
            o = other.valueAt(f, f / 100.0);
        }
        final RandomWalkTruth first = new RandomWalkTruth(10.0, sigma, new SimRandom(5));
        double v = 0;
        for (int f = 0; f < 100; f++) {
            v = first.valueAt(f, f / 100.0);
        }
        assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(a));
        assertTrue(a != o);
    }

    @Test
    void csvInterpolatesLinearlyAndHoldsEnds(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("truth.csv");
        Files.writeString(file, "# comment\ntime,value\n0.0,0.0\n1.0,10.0\n\n3.0,-10.0\n");
        final CsvTruth truth = CsvTruth.load(file);
        assertEquals(3, truth.rows());
        assertEquals(0.0, truth.valueAt(0, -1.0));
        assertEquals(5.0, truth.valueAt(0, 0.5), 1e-12);
        assertEquals(0.0, truth.valueAt(0, 2.0), 1e-12);
        assertEquals(-10.0, truth.valueAt(0, 7.0));
        // Backwards jump after moving forward.
        assertEquals(2.5, truth.valueAt(0, 0.25), 1e-12);
        assertEquals(-5.0, truth.valueAt(0, 2.5), 1e-12);
    }

    private static TruthFileException bad(final String text) {
        return assertThrows(TruthFileException.class,
            () -> CsvTruth.parse("aoa.csv", new BufferedReader(new StringReader(text))));
    }

    @Test
    void badCsvNamesFileLineAndField() {
        TruthFileException e = bad("time,value\n0,1\n1,abc\n");
        assertEquals("aoa.csv", e.file());
        assertEquals(3, e.line());
        assertEquals("value", e.field());
        assertTrue(e.getMessage().contains("aoa.csv") && e.getMessage().contains("line 3")
            && e.getMessage().contains("value") && e.getMessage().contains("abc"), e.getMessage());

        e = bad("0,1\n1,2\n1,3\n");
        assertEquals(3, e.line());
        assertEquals("time", e.field());

        e = bad("0,1\n0.5x,2\n");
        assertEquals(2, e.line());
        assertEquals("time", e.field());

        e = bad("0,1\n1,2,3\n");
        assertEquals(2, e.line());
        assertEquals("row", e.field());

        e = bad("0,1\n1,NaN\n");
        assertEquals("value", e.field());

        e = bad("time,value\n");
        assertEquals("row", e.field());
    }

    @Test
    void missingCsvFileIsNamed(@TempDir final Path dir) {
        final Path missing = dir.resolve("nothing.csv");
        final TruthFileException e = assertThrows(TruthFileException.class, () -> CsvTruth.load(missing));
        assertTrue(e.getMessage().contains("nothing.csv"), e.getMessage());
        assertEquals(0, e.line());
    }
}
