package org.bftvote.sim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import org.bftvote.sim.scenario.Scenario;

/**
 * Checks on {@code run}'s arguments made before anything is written, so that a refused run leaves no file behind.
 */
final class RunChecks {
    /**
     * Bytes one frame of {@code frames.csv} takes, per column, on average with some margin: numbers are written
     * with {@link Double#toString(double)} (up to 24 characters, most of them 5 to 20), status names and masks are
     * short. The default scenario writes 546 bytes a frame over 91 columns; this estimates 728.
     */
    private static final long BYTES_PER_COLUMN = 8;
    /** Message-outcome columns a run writes, about (one per outcome counted). */
    private static final long OUTCOME_COLUMNS = 16;

    private RunChecks() {
    }

    /**
     * @param trace the {@code --trace} directory, or null
     * @return null if it may be used, else why not
     * @throws IOException if the directory cannot be listed
     */
    static String traceDirectoryProblem(final Path trace) throws IOException {
        if (trace == null || !Files.exists(trace)) {
            return null;
        }
        if (!Files.isDirectory(trace)) {
            return "--trace " + trace + ": exists and is not a directory (a trace is a new directory)";
        }
        try (Stream<Path> entries = Files.list(trace)) {
            return entries.findAny().isPresent()
                ? "--trace " + trace + ": directory not empty (a trace is never appended to; give a new directory)"
                : null;
        }
    }

    /**
     * @param scenario the scenario with its run length
     * @param dir      the output directory (need not exist yet)
     * @return null if the run's {@code frames.csv} fits the free space where it goes, else the estimate and why not
     * @throws IOException if the free space cannot be read
     */
    static String diskProblem(final Scenario scenario, final Path dir) throws IOException {
        final double frames = Math.ceil(scenario.durationSeconds() * scenario.platform().frameRate());
        final long lanes = scenario.platform().lanes().size();
        final long signals = scenario.platform().signals().size();
        final long columns = 4 + signals * (2 + 5 * lanes) + lanes + OUTCOME_COLUMNS;
        final double bytes = frames * columns * BYTES_PER_COLUMN;
        final long free = Files.getFileStore(existingAncestor(dir.toAbsolutePath())).getUsableSpace();
        if (bytes <= free) {
            return null;
        }
        return String.format(Locale.ROOT, "--duration %s s is %s frames at %s Hz; their frames.csv would take about"
                + " %s (%d bytes a frame), more than the %s free in %s", plain(scenario.durationSeconds()),
            plain(frames), plain(scenario.platform().frameRate()), size(bytes), columns * BYTES_PER_COLUMN,
            size(free), existingAncestor(dir.toAbsolutePath()));
    }

    private static Path existingAncestor(final Path path) {
        Path p = path;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p != null ? p : path.getRoot();
    }

    private static String plain(final double value) {
        return value < 1e15 && value == Math.rint(value) ? Long.toString((long) value)
            : String.format(Locale.ROOT, "%.3g", value);
    }

    private static String size(final double bytes) {
        final String[] units = {"bytes", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == units.length - 1 && v >= 1000 ? String.format(Locale.ROOT, "%.3g bytes", bytes)
            : String.format(Locale.ROOT, "%.3g %s", v, units[u]);
    }
}
