package org.bftvote.sim.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The in-place number parser gives exactly what {@link Double#parseDouble} gives, bit for bit. */
class CsvNumbersTest {
    static LongStream seeds() {
        return LongStream.range(0, 32).map(i -> 0x5EEDL * 31 + i);
    }

    private static double parse(final String text) {
        final byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return CsvNumbers.parse(b, 0, b.length);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomDecimalsParseExactlyAsTheJdk(final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            final String text = switch (r.nextInt(5)) {
                case 0 -> Double.toString(Double.longBitsToDouble(r.nextLong()));
                case 1 -> String.format(Locale.ROOT, "%." + r.nextInt(12) + "f", (r.nextDouble() - 0.5) * 1e6);
                case 2 -> String.format(Locale.ROOT, "%." + r.nextInt(10) + "e", (r.nextDouble() - 0.5)
                    * Math.pow(10, r.nextInt(40) - 20));
                case 3 -> Long.toString(r.nextLong() >> r.nextInt(64));
                default -> (r.nextBoolean() ? "-" : "") + "0." + "0".repeat(r.nextInt(6)) + r.nextInt(1_000_000_000);
            };
            final double expected = Double.parseDouble(text);
            if (Double.isNaN(expected)) {
                continue;
            }
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(parse(text)),
                "seed " + seed + ": '" + text + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "abc", "1.2.3", "1e", "--1", "1,5", "0x10", "1 2"})
    void textThatIsNotANumberIsFlagged(final String text) {
        assertTrue(CsvNumbers.isBad(parse(text)), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nan", "NaN", "inf", "-inf", "Infinity", "-0", "+1.5", "6.823731e-05", "1664493923400"})
    void specialsAndTheRealLogsFormsParse(final String text) {
        final double v = parse(text);
        assertTrue(!CsvNumbers.isBad(v), text);
        if (!text.toLowerCase(Locale.ROOT).contains("nan") && !text.toLowerCase(Locale.ROOT).startsWith("inf")
            && !text.toLowerCase(Locale.ROOT).startsWith("-inf")) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(v), text);
        }
    }
}
