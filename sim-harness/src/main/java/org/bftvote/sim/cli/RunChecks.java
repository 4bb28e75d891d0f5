package org.bftvote.sim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import org.bftvote.sim.scenario.Scenario;

/**
 * Checks on {@code run}'s and {@code campaign}'s arguments made before anything is written, so that a refused run
 * leaves no file behind.
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
    /**
     * Bytes a campaign run takes on disk without plots: its directory, {@code summary.json} (about 5 kB) and
     * {@code result.txt} (about 0.5 kB), each at least one 4 KiB file-system block.
     */
    private static final long BYTES_PER_RUN = 16_384;
    /** Bytes of one plot, about (the plots of a 1-s run take 35 to 175 kB). */
    private static final long BYTES_PER_PLOT = 100_000;

    private RunChecks() {
    }

    /**
     * @param scenario    the scenario with its run length (the {@code --duration} given, else the file's)
     * @param frameRateHz the frames a second the run will make
     * @param arguments   the arguments that set the length, for the message (such as {@code --duration})
     * @return null if a run this long can be made, else why not (a run over {@link Scenario#MAX_FRAMES} frames)
     */
    static String lengthProblem(final Scenario scenario, final double frameRateHz, final String arguments) {
        final String problem = Scenario.lengthProblem(scenario.durationSeconds(), frameRateHz);
        return problem == null ? null : arguments + ": " + problem;
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
        final double frames = frames(scenario);
        final double bytes = frames * frameBytes(scenario);
        final long free = free(dir);
        if (bytes <= free) {
            return null;
        }
        return String.format(Locale.ROOT, "--duration %s s is %s frames at %s Hz; their frames.csv would take about"
                + " %s (%d bytes a frame), more than the %s free in %s", plain(scenario.durationSeconds()),
            plain(frames), plain(scenario.platform().frameRate()), size(bytes), frameBytes(scenario),
            size(free), existingAncestor(dir.toAbsolutePath()));
    }

    /**
     * @param scenario the scenario with its run length
     * @param runs     runs still to be written (a slice's, less those a resumed campaign finished)
     * @param plots    whether each run also writes {@code frames.csv} and the plots
     * @param dir      the campaign's directory (need not exist yet)
     * @return null if the runs' files fit the free space where they go, else the estimate and why not
     * @throws IOException if the free space cannot be read
     */
    static String campaignDiskProblem(final Scenario scenario, final long runs, final boolean plots,
        final Path dir) throws IOException {
        double perRun = BYTES_PER_RUN;
        if (plots) {
            perRun += frames(scenario) * frameBytes(scenario)
                + 2.0 * scenario.platform().signals().size() * BYTES_PER_PLOT;
        }
        final double bytes = runs * perRun;
        final long free = free(dir);
        if (bytes <= free) {
            return null;
        }
        return String.format(Locale.ROOT, "--runs: %d runs would write about %s (%s a run: summary.json, result.txt"
                + "%s), more than the %s free in %s; run fewer, or shards (--shard i/N) on other disks", runs,
            size(bytes), size(perRun), plots ? ", frames.csv and the plots" : " and their directory", size(free),
            existingAncestor(dir.toAbsolutePath()));
    }

    private static double frames(final Scenario scenario) {
        return Math.ceil(scenario.durationSeconds() * scenario.platform().frameRate());
    }

    /** Estimated bytes of one frame of {@code frames.csv}. */
    private static long frameBytes(final Scenario scenario) {
        final long lanes = scenario.platform().lanes().size();
        final long signals = scenario.platform().signals().size();
        return (4 + signals * (2 + 5 * lanes) + lanes + OUTCOME_COLUMNS) * BYTES_PER_COLUMN;
    }

    private static long free(final Path dir) throws IOException {
        return Files.getFileStore(existingAncestor(dir.toAbsolutePath())).getUsableSpace();
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
