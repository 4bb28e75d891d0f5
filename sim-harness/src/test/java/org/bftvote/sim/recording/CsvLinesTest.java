package org.bftvote.sim.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading a line and splitting it in one pass ({@link CsvLines#next(int[])}) gives exactly the lines, fields and
 * end-of-stream flags that reading the line ({@link CsvLines#next()}) and then splitting it gives, whatever the
 * stream's chunking, line breaks ({@code \n}, {@code \r\n}), blank and overlong lines, a last line without a break,
 * a stream that ends early, and however many fields are asked for.
 */
class CsvLinesTest {
    static LongStream seeds() {
        return LongStream.range(0, 64).map(i -> 0xC5F1L * 17 + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void oneScanFindsWhatLineThenSplitFinds(final long seed) throws IOException {
        final SplittableRandom r = new SplittableRandom(seed);
        final byte[] text = text(r);
        final boolean endsEarly = r.nextInt(4) == 0;
        final int most = 1 + r.nextInt(8);
        final long chunks = r.nextLong();
        final CsvLines twoPass = new CsvLines(new Chunked(text, new SplittableRandom(chunks), endsEarly));
        final CsvLines onePass = new CsvLines(new Chunked(text, new SplittableRandom(chunks), endsEarly));
        final int[] expectedStarts = new int[most + 1];
        final int[] starts = new int[most + 1];
        for (int n = 1; ; n++) {
            final boolean more = twoPass.next();
            final int found = onePass.next(starts);
            final String where = "seed " + seed + ", line " + n;
            assertEquals(more, found >= 0, where);
            assertEquals(twoPass.cut(), onePass.cut(), where);
            assertEquals(twoPass.broken(), onePass.broken(), where);
            if (!more) {
                break;
            }
            assertEquals(twoPass.line(), onePass.line(), where);
            assertEquals(text(twoPass, twoPass.start(), twoPass.end()), text(onePass, onePass.start(), onePass.end()),
                where);
            final int expected = split(twoPass.buffer(), twoPass.start(), twoPass.end(), expectedStarts);
            assertEquals(expected, found, where);
            assertEquals(fields(twoPass, expectedStarts, expected), fields(onePass, starts, found), where);
        }
    }

    /** Lines of commas, digits, spaces and quotes; some blank, some longer than the first read, some CRLF. */
    private static byte[] text(final SplittableRandom r) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int lines = r.nextInt(60);
        final byte[] alphabet = ",,,0123456789. \"-e".getBytes(StandardCharsets.ISO_8859_1);
        for (int l = 0; l < lines; l++) {
            final int length = r.nextInt(20) == 0 ? 60_000 + r.nextInt(80_000) : r.nextInt(r.nextBoolean() ? 3 : 300);
            for (int i = 0; i < length; i++) {
                out.write(alphabet[r.nextInt(alphabet.length)]);
            }
            if (l < lines - 1 || r.nextBoolean()) {
                if (r.nextInt(3) == 0) {
                    out.write('\r');
                }
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /** The split the reader did before it split while reading: kept here as the reference. */
    private static int split(final byte[] b, final int from, final int to, final int[] starts) {
        int n = 0;
        starts[0] = from;
        for (int i = from; i < to && n + 1 < starts.length; i++) {
            if (b[i] == ',') {
                starts[++n] = i + 1;
            }
        }
        if (n + 1 < starts.length) {
            starts[n + 1] = to + 1;
        }
        return n + 1;
    }

    private static List<String> fields(final CsvLines lines, final int[] starts, final int found) {
        final List<String> fields = new ArrayList<>();
        for (int i = 0; i < Math.min(found, starts.length - 1); i++) {
            fields.add(text(lines, starts[i], starts[i + 1] - 1));
        }
        return fields;
    }

    private static String text(final CsvLines lines, final int from, final int to) {
        return new String(lines.buffer(), from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Hands out the text in chunks of random size; optionally ends as a gzip stream cut short does. */
    private static final class Chunked extends InputStream {
        private final byte[] text;
        private final SplittableRandom r;
        private final boolean endsEarly;
        private int at;

        Chunked(final byte[] text, final SplittableRandom r, final boolean endsEarly) {
            this.text = text;
            this.r = r;
            this.endsEarly = endsEarly;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException {
            if (at == text.length) {
                if (endsEarly) {
                    throw new EOFException("unexpected end of stream");
                }
                return -1;
            }
            final int n = Math.min(Math.min(len, text.length - at), 1 + r.nextInt(r.nextBoolean() ? 7 : 70_000));
            System.arraycopy(text, at, b, off, n);
            at += n;
            return n;
        }
    }
}
