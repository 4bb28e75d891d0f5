package org.bftvote.sim.recording;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Hands out the lines of a byte stream one at a time, in a reused buffer (the line's bytes are
 * {@code buffer()[start(), end())}, without the line break and a trailing {@code \r}). A stream that fails with
 * an {@link EOFException} (a gzip file cut short) ends like a stream whose last line has no line break: that last,
 * possibly incomplete line is returned with {@link #cut()} true. Not thread safe.
 */
final class CsvLines {
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
            for (; i < to; i++) {
                final byte c = b[i];
                if (c == ',') {
                    if (n < most) {
                        starts[++n] = i + 1;
                    }
                } else if (c == '\n') {
                    start = position;
                    end = i > start && b[i - 1] == '\r' ? i - 1 : i;
                    position = i + 1;
                    line++;
                    return fields(starts, n);
                }
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
