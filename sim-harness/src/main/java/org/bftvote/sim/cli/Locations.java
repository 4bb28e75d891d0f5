package org.bftvote.sim.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * The {@code --profiles} and {@code --scenarios} options shared by every command, with their defaults.
 *
 * <p>Defaults are {@code hw-profiles} and {@code sim-harness/scenarios} under the repository root. The root is the
 * {@code bftvote.home} system property when set (the launcher sets it), otherwise the nearest directory holding
 * {@code hw-profiles}, from the working directory upwards, otherwise the working directory.
 */
public final class Locations {
    /** System property naming the repository root. */
    public static final String HOME_PROPERTY = "bftvote.home";

    @Option(names = "--profiles", paramLabel = "DIR",
        description = "Hardware profiles directory (default: hw-profiles under the repository root).")
    private Path profiles;

    @Option(names = "--scenarios", paramLabel = "DIR",
        description = "Scenarios directory (default: sim-harness/scenarios under the repository root).")
    private Path scenarios;

    /**
     * Creates the options with their defaults.
     */
    public Locations() {
        // fields set by picocli
    }

    /**
     * Returns the profiles directory.
     *
     * @return the directory given, or the default
     */
    public Path profiles() {
        return profiles != null ? profiles : root().resolve("hw-profiles");
    }

    /**
     * Returns the scenarios directory.
     *
     * @return the directory given, or the default
     */
    public Path scenarios() {
        return scenarios != null ? scenarios : root().resolve("sim-harness").resolve("scenarios");
    }

    private static Path root() {
        final String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        final Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("hw-profiles"))) {
                return dir;
            }
        }
        return cwd;
    }
}
