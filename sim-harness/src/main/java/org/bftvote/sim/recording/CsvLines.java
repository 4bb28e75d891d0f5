package org.bftvote.sim.recording;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Hands out the lines of a byte stream one at a time, in a reused buffer (the line's bytes are
 * {@code buffer()[start(), end())}, without the line break and a trailing {@code \r}). A stream that fails with
 * an {@link EOFException} (a gzip file cut short) ends like a stream whose last line has no line break: that last,
 * possibly incomplete line is returned with {@link #cut()} true. Not thread safe.
 */
final class CsvLines {
    /** The buffer read eight bytes at a time, the first byte lowest (so a mark's trailing zeros give its offset). */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_SEVEN = 0x7f7f_7f7f_7f7f_7f7fL;
    private static final long COMMAS = 0x2c2c_2c2c_2c2c_2c2cL;
    private static final long BREAKS = 0x0a0a_0a0a_0a0a_0a0aL;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int limit;
    private int position;
    private int start;
    private int end;
    private long line;
    private boolean eof;
    private boolean cut;
    private boolean broken;

    CsvLines(final InputStream in) {
        this.in = in;
    }

    /**
     * @return whether a line was read
     * @throws IOException if the stream fails other than by ending early
     */
    boolean next() throws IOException {
        while (true) {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    start = position;
                    end = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    position = i + 1;
                    line++;
                    return true;
                }
            }
            if (eof) {
                if (position < limit) {
                    start = position;
                    end = limit;
                    position = limit;
                    line++;
                    cut = true;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    /**
     * Reads the next line and finds its fields in the same pass: {@code starts[0]} is the line's start,
     * {@code starts[i]} the start of field i and {@code starts[i + 1] - 1} where it ends. At most
     * {@code starts.length - 1} fields are found; the rest of the line is not split further.
     *
     * @param starts where the fields' starts go (at least two entries)
     * @return the number of fields found, or -1 when there is no further line
     * @throws IOException if the stream fails other than by ending early
     */
    int next(final int[] starts) throws IOException {
        final int most = starts.length - 1;
        int n = 0;
        int i = position;
        while (true) {
            final byte[] b = buffer;
            final int to = limit;
            while (i + Long.BYTES <= to) {
                final long word = (long) WORDS.get(b, i);
                long marks = zeroBytes(word ^ COMMAS) | zeroBytes(word ^ BREAKS);
                while (marks != 0) {
                    final int at = i + (Long.numberOfTrailingZeros(marks) >>> 3);
                    if (b[at] == '\n') {
                        return endLine(starts, n, at);
                    }
                    if (n < most) {
                        starts[++n] = at + 1;
                    }
                    marks &= marks - 1;
                }
                i += Long.BYTES;
            }
            while (i < to) {
                final byte c = b[i];
                if (c == ',') {
                    if (n < most) {
                        starts[++n] = i + 1;
                    }
                } else if (c == '\n') {
                    return endLine(starts, n, i);
                }
                i++;
            }
            if (eof) {
                if (position < limit) {
                    start = position;
                    end = limit;
                    position = limit;
                    line++;
                    cut = true;
                    return fields(starts, n);
                }
                return -1;
            }
            final int shift = position;
            fill();
            for (int k = 1; k <= n; k++) {
                starts[k] -= shift;
            }
            i -= shift;
        }
    }

    /**
     * Eight bytes at a time: {@code 0x80} in every byte of {@code word} that is zero and {@code 0} in every other,
     * exactly (no borrow runs from one byte into the next, as it does in the shorter {@code (w - 0x01..) & ~w}
     * form). XOR a word with {@link #COMMAS} first and the marks are its commas.
     */
    private static long zeroBytes(final long word) {
        return ~((word & LOW_SEVEN) + LOW_SEVEN | word | LOW_SEVEN);
    }

    private int endLine(final int[] starts, final int commas, final int at) {
        start = position;
        end = at > start && buffer[at - 1] == '\r' ? at - 1 : at;
        position = at + 1;
        line++;
        return fields(starts, commas);
    }

    private int fields(final int[] starts, final int commas) {
        starts[0] = start;
        if (commas + 1 < starts.length) {
            starts[commas + 1] = end + 1;
        }
        return commas + 1;
    }

    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        try {
            final int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        } catch (final EOFException e) {
            eof = true;
            broken = true;
        }
    }

    byte[] buffer() {
        return buffer;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** @return the 1-based number of the current line */
    long line() {
        return line;
    }

    /** @return whether the current line is the last and had no line break (it may be incomplete) */
    boolean cut() {
        return cut;
    }

    /** @return whether the stream itself ended early (a compressed file cut short) */
    boolean broken() {
        return broken;
    }
}
