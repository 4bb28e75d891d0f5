package org.bftvote.channel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** A real-log CSV from the test resources (header row, then numbers), held as one array per column. */
final class RealLog {
    private final List<String> header;
    private final double[][] columns;

    private RealLog(final List<String> header, final double[][] columns) {
        this.header = header;
        this.columns = columns;
    }

    static RealLog load(final String resource) {
        final InputStream raw = RealLog.class.getResourceAsStream("/real-logs/" + resource);
        if (raw == null) {
            throw new IllegalStateException("missing test resource real-logs/" + resource);
        }
        try (InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            final List<String> header = Arrays.asList(r.readLine().split(","));
            final List<double[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                final String[] cells = line.split(",");
                final double[] row = new double[header.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = Double.parseDouble(cells[c]);
                }
                rows.add(row);
            }
            final double[][] columns = new double[header.size()][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                for (int c = 0; c < header.size(); c++) {
                    columns[c][i] = rows.get(i)[c];
                }
            }
            return new RealLog(header, columns);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int rows() {
        return columns[0].length;
    }

    double[] column(final String name) {
        final int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return columns[c];
    }
}
