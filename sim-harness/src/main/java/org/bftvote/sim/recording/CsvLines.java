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
