package org.bftvote.sim.emulation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A truth read from a CSV file of {@code time,value} rows (time in seconds, strictly increasing), linearly
 * interpolated between rows and held at the first and last value outside them.
 *
 * <p>File format: one row per line, two comma-separated fields; blank lines and lines starting with {@code #} are
 * skipped; the first non-skipped line may be a header {@code time,value} (any text whose first field is not a
 * number is taken as the header, once). A malformed file fails at load time with a {@link TruthFileException}
 * naming the file, the line and the field.
 *
 * <p>Lookup keeps a cursor, so a run that moves forward in time costs O(1) amortised per call; a jump backwards
 * falls back to a binary search. Allocation-free after loading; not thread safe.
 */
public final class CsvTruth implements TruthModel {
    private final double[] times;
    private final double[] values;
    private int cursor;

    private CsvTruth(final double[] times, final double[] values) {
        this.times = times;
        this.values = values;
    }

    /**
     * Loads a truth file.
     *
     * @param file the CSV file
     * @return the truth
     * @throws TruthFileException if the file cannot be read or a row is malformed
     */
    public static CsvTruth load(final Path file) {
        final String name = String.valueOf(file);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(name, reader);
        } catch (IOException e) {
            throw new TruthFileException(name, 0, "row", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses truth rows from a reader.
     *
     * @param name   the file name to report in errors
     * @param reader the rows
     * @return the truth
     * @throws IOException        if reading fails
     * @throws TruthFileException if a row is malformed or there is no row
     */
    public static CsvTruth parse(final String name, final BufferedReader reader) throws IOException {
        double[] times = new double[256];
        double[] values = new double[256];
        int count = 0;
        int lineNumber = 0;
        boolean headerAllowed = true;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            final String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            final String[] fields = trimmed.split(",", -1);
            if (headerAllowed && !looksNumeric(fields[0])) {
                headerAllowed = false;
                continue;
            }
            headerAllowed = false;
            if (fields.length != 2) {
                throw new TruthFileException(name, lineNumber, "row",
                    "expected 2 fields (time,value), found " + fields.length, null);
            }
            final double time = number(name, lineNumber, "time", fields[0]);
            final double value = number(name, lineNumber, "value", fields[1]);
            if (count > 0 && !(time > times[count - 1])) {
                throw new TruthFileException(name, lineNumber, "time",
                    time + " is not after the previous time " + times[count - 1], null);
            }
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            times[count] = time;
            values[count] = value;
            count++;
        }
        if (count == 0) {
            throw new TruthFileException(name, lineNumber, "row", "no time,value rows", null);
        }
        return new CsvTruth(Arrays.copyOf(times, count), Arrays.copyOf(values, count));
    }

    private static boolean looksNumeric(final String field) {
        final String text = field.strip();
        if (text.isEmpty()) {
            return false;
        }
        final char c = text.charAt(0);
        return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.';
    }

    private static double number(final String name, final int line, final String field, final String text) {
        final double parsed;
        try {
            parsed = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new TruthFileException(name, line, field, "'" + text + "' is not a number", e);
        }
        if (!Double.isFinite(parsed)) {
            throw new TruthFileException(name, line, field, "'" + text + "' is not finite", null);
        }
        return parsed;
    }

    /**
     * @return number of rows loaded
     */
    public int rows() {
        return times.length;
    }

    @Override
    public double valueAt(final long frame, final double t) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        final int last = times.length - 1;
        if (t <= times[0]) {
            return values[0];
        }
        if (t >= times[last]) {
            return values[last];
        }
        if (t < times[cursor]) {
            cursor = locate(t);
        }
        while (times[cursor + 1] <= t) {
            cursor++;
        }
        final double t0 = times[cursor];
        final double t1 = times[cursor + 1];
        final double fraction = (t - t0) / (t1 - t0);
        return values[cursor] + fraction * (values[cursor + 1] - values[cursor]);
    }

    /** Index i with times[i] <= t < times[i + 1]; requires times[0] < t < times[last]. */
    private int locate(final double t) {
        int low = 0;
        int high = times.length - 1;
        while (high - low > 1) {
            final int mid = (low + high) >>> 1;
            if (times[mid] <= t) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
