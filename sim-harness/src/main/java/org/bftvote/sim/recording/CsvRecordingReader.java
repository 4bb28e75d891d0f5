package org.bftvote.sim.recording;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CSV recording (plain, or gzip-compressed when its name ends in {@code .gz}) through a
 * {@link RecordingMap}: a header row naming the columns, then one row per logging cycle. Only the columns the map
 * names are parsed, in place, without a string per field.
 *
 * <p>With {@code frames: rows} every row is a frame at its own time, every channel fresh. With a rate, a row gives
 * each channel whose cell is not empty one sample at the row's time, and {@link LatestSampleAligner} forms the
 * frames.
 *
 * <p>Bad input is a {@link RecordingException} naming the file, the line and the column: a column the map names
 * that the header lacks, a row with too few fields, a cell that is not a number, a time that goes backwards. A file
 * that ends inside a row (a cut file, or a compressed stream cut short) is read up to its last complete row, and
 * {@link RecordingSource#truncated()} says so.
 */
public final class CsvRecordingReader {
    private final Path file;
    private final RecordingMap map;
    private final String shown;

    /**
     * @param file the recording
     * @param map  how to read it
     */
    public CsvRecordingReader(final Path file, final RecordingMap map) {
        this.file = file;
        this.map = map;
        this.shown = file.toString();
    }

    /**
     * @return the frames
     * @throws RecordingException if the file is malformed
     * @throws IOException        if it cannot be read
     */
    public RecordedFrames read() throws RecordingException, IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             InputStream in = shown.endsWith(".gz") ? gunzip(raw) : raw) {
            final CsvLines lines = new CsvLines(in);
            if (!lines.next()) {
                throw new RecordingException(shown, "line 1", "", "empty file: expected a header row");
            }
            final Columns columns = columns(lines);
            final FrameSink sink = map.atRate() ? new LatestSampleAligner(map, columns.channelCounts())
                : new RowFrames(columns.channelCounts());
            final long rows = readRows(lines, columns, sink, textBytes());
            final boolean truncated = lines.cut() && columns.incomplete || lines.broken();
            final String note = truncated ? "the file ends inside line " + lines.line() + "; read up to line "
                + (columns.incomplete ? lines.line() - 1 : lines.line()) : "";
            return sink.frames(names(), units(), new RecordingSource(shown, "csv", rows, truncated, note,
                map.atRate() ? LatestSampleAligner.describe(map.frameRateHz()) : "one frame per row"));
        }
    }

    /**
     * The size of the text in bytes, to size the frames' arrays: the file's size, or the size a gzip file's trailer
     * states (modulo 2^32, and only of its last member); 0 when unknown. Only a hint: a wrong one costs time or a
     * bounded amount of memory, never a different result.
     */
    private long textBytes() {
        try (FileChannel channel = FileChannel.open(file)) {
            final long size = channel.size();
            if (!shown.endsWith(".gz")) {
                return size;
            }
            if (size < Integer.BYTES) {
                return 0;
            }
            final ByteBuffer trailer = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (trailer.hasRemaining()) {
                if (channel.read(trailer, size - Integer.BYTES + trailer.position()) <= 0) {
                    return 0;
                }
            }
            return Integer.toUnsignedLong(trailer.getInt(0));
        } catch (final IOException e) {
            return 0; // the read that follows reports it
        }
    }

    private InputStream gunzip(final InputStream raw) throws RecordingException, IOException {
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (final java.util.zip.ZipException e) {
            throw new RecordingException(shown, "byte 0", "", "not a gzip file (" + e.getMessage() + ")");
        }
    }

    private List<String> names() {
        return map.signals().stream().map(RecordingMap.SignalMap::name).toList();
    }

    private List<String> units() {
        return map.signals().stream().map(RecordingMap.SignalMap::unit).toList();
    }

    /** The header's columns the map needs, by position. */
    private final class Columns {
        final int fields;
        final int time;
        final int[][] value;
        final int[][] valid;
        final String[][] valueName;
        final String[][] validName;
        final double[] scale;
        final String[] header;
        boolean incomplete;

        Columns(final String[] header) throws RecordingException {
            this.header = header;
            this.fields = header.length;
            final Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                index.putIfAbsent(header[i], i);
            }
            this.time = find(index, map.timeColumn());
            final int n = map.signals().size();
            this.value = new int[n][];
            this.valid = new int[n][];
            this.valueName = new String[n][];
            this.validName = new String[n][];
            this.scale = new double[n];
            for (int s = 0; s < n; s++) {
                final RecordingMap.SignalMap signal = map.signals().get(s);
                value[s] = new int[signal.channels().size()];
                valid[s] = signal.valid().isEmpty() ? null : new int[signal.valid().size()];
                valueName[s] = signal.channels().toArray(new String[0]);
                validName[s] = signal.valid().toArray(new String[0]);
                scale[s] = signal.scale();
                for (int c = 0; c < value[s].length; c++) {
                    value[s][c] = find(index, signal.channels().get(c));
                    if (valid[s] != null) {
                        valid[s][c] = find(index, signal.valid().get(c));
                    }
                }
            }
        }

        private int find(final Map<String, Integer> index, final String column) throws RecordingException {
            final Integer at = index.get(column);
            if (at == null) {
                throw new RecordingException(shown, "line 1", column, "no such column in the header (it has "
                    + String.join(", ", List.of(header).subList(0, Math.min(header.length, 12)))
                    + (header.length > 12 ? ", ..." : "") + "); map " + map.file());
            }
            return at;
        }

        int[] channelCounts() {
            final int[] counts = new int[value.length];
            for (int s = 0; s < value.length; s++) {
                counts[s] = value[s].length;
            }
            return counts;
        }
    }

    private Columns columns(final CsvLines lines) throws RecordingException {
        final String text = new String(lines.buffer(), lines.start(), lines.end() - lines.start(),
            StandardCharsets.UTF_8);
        final List<String> header = new ArrayList<>();
        for (final String h : text.split(",", -1)) {
            final String t = h.trim();
            header.add(t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
                ? t.substring(1, t.length() - 1).replace("\"\"", "\"") : t);
        }
        return new Columns(header.toArray(new String[0]));
    }

    private long readRows(final CsvLines lines, final Columns columns, final FrameSink sink, final long bytes)
        throws IOException, RecordingException {
        final int[] starts = new int[columns.fields + 1];
        final Cells cells = new Cells(columns.fields);
        long rows = 0;
        double firstTime = Double.NaN;
        double lastTime = Double.NEGATIVE_INFINITY;
        int found;
        while ((found = lines.next(starts)) >= 0) {
            if (lines.end() == lines.start()) {
                continue; // a blank line, as editors leave at the end
            }
            if (found < columns.fields) {
                if (lines.cut()) {
                    columns.incomplete = true;
                    break;
                }
                throw new RecordingException(shown, "line " + lines.line(), "", found + " fields, expected "
                    + columns.fields + " as in the header");
            }
            if (rows == 0) {
                final long rowBytes = lines.end() - lines.start() + 1L;
                sink.expect(bytes / rowBytes + bytes / rowBytes / 8 + 16);
            }
            cells.row++;
            final double raw = number(lines, starts, cells, columns.time, map.timeColumn());
            if (!Double.isFinite(raw) || raw < lastTime) {
                throw new RecordingException(shown, "line " + lines.line(), map.timeColumn(), Double.isFinite(raw)
                    ? "time " + cell(lines, starts, columns.time) + " goes backwards (previous row: " + lastTime
                        + ")" : "time is not finite");
            }
            lastTime = raw;
            if (Double.isNaN(firstTime)) {
                firstTime = raw;
            }
            sink.beginRow((raw - firstTime) * map.timeScale());
            for (int s = 0; s < columns.value.length; s++) {
                row(lines, starts, cells, columns, s, sink);
            }
            sink.endRow();
            rows++;
        }
        return rows;
    }

    private void row(final CsvLines lines, final int[] starts, final Cells cells, final Columns columns,
        final int s, final FrameSink sink) throws RecordingException {
        final double scale = columns.scale[s];
        final int[] value = columns.value[s];
        final int[] valid = columns.valid[s];
        for (int c = 0; c < value.length; c++) {
            final int col = value[c];
            if (starts[col + 1] - 1 == starts[col]) {
                sink.sample(s, c, Double.NaN, false, false);
                continue;
            }
            final double v = number(lines, starts, cells, col, columns.valueName[s][c]);
            final boolean isValid = valid == null
                || number(lines, starts, cells, valid[c], columns.validName[s][c]) != 0.0;
            sink.sample(s, c, scale == 1.0 ? v : v * scale, isValid, true);
        }
    }

    /**
     * The current row's cells already parsed: a column the map names more than once (one validity column for the
     * three axes of a unit, say) is parsed once a row. {@code parsedIn[col] == row} marks {@code value[col]} as
     * this row's.
     */
    private static final class Cells {
        final double[] value;
        final long[] parsedIn;
        long row;

        Cells(final int fields) {
            value = new double[fields];
            parsedIn = new long[fields];
        }
    }

    private double number(final CsvLines lines, final int[] starts, final Cells cells, final int col,
        final String name) throws RecordingException {
        if (cells.parsedIn[col] == cells.row) {
            return cells.value[col];
        }
        int from = starts[col];
        int to = starts[col + 1] - 1;
        final byte[] b = lines.buffer();
        while (from < to && (b[from] == ' ' || b[from] == '"')) {
            from++;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '"')) {
            to--;
        }
        final double v = CsvNumbers.parse(b, from, to);
        if (CsvNumbers.isBad(v)) {
            throw new RecordingException(shown, "line " + lines.line() + ", column " + (col + 1), name, "'"
                + cell(lines, starts, col) + "' is not a number");
        }
        cells.value[col] = v;
        cells.parsedIn[col] = cells.row;
        return v;
    }

    private static String cell(final CsvLines lines, final int[] starts, final int col) {
        final int from = starts[col];
        final int to = Math.min(starts[col + 1] - 1, from + 40);
        return new String(lines.buffer(), from, to - from, StandardCharsets.UTF_8);
    }
}
