package org.bftvote.sim.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.bftvote.sim.profile.ProfileFiles;
import org.bftvote.sim.yaml.IoReasons;
import org.bftvote.sim.yaml.ProfileException;

/**
 * The scenario files of one directory, found by name.
 *
 * @param directory the scenarios directory
 */
public record ScenarioCatalog(Path directory) {

    /** The scenario run when none is named. */
    public static final String DEFAULT_SCENARIO = "aoa-bias-triplex";

    /**
     * Lists the scenario names (file names without {@code .yaml}) in name order.
     *
     * @return the names
     * @throws ProfileException if the directory cannot be listed
     */
    public List<String> names() throws ProfileException {
        if (!Files.isDirectory(directory)) {
            throw new ProfileException(ProfileFiles.display(directory), 1, "",
                "scenarios directory not found (give one with --scenarios DIR)");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).map(ProfileFiles::stem).sorted()
                .toList();
        } catch (final IOException e) {
            throw new ProfileException(ProfileFiles.display(directory), 1, "", "cannot list: " + IoReasons.reason(e));
        }
    }

    /**
     * Resolves a scenario given by name or path: an existing file, or a name in this directory.
     *
     * @param nameOrPath a scenario name such as {@code hard-over}, or a path to a YAML file
     * @return the file
     * @throws ProfileException if neither a file nor a known name
     */
    public Path resolve(final String nameOrPath) throws ProfileException {
        final Path asPath = Path.of(nameOrPath);
        if (Files.isRegularFile(asPath)) {
            return asPath;
        }
        if (looksLikePath(nameOrPath)) {
            // A path the user typed: say what is wrong with it, not with the scenarios directory.
            throw new ProfileException(nameOrPath, 0, "", Files.isDirectory(asPath)
                ? "is a directory, not a scenario file" : "no such file");
        }
        final Path named = directory.resolve(nameOrPath + ".yaml");
        if (Files.isRegularFile(named)) {
            return named;
        }
        // The argument is what is wrong, not the scenarios directory: name it first, and where names are looked up.
        throw new ProfileException(nameOrPath, 0, "", "no such file, nor a scenario of that name in "
            + ProfileFiles.display(directory) + " (known: " + String.join(", ", names()) + ")");
    }

    /** A name has neither a directory separator nor the {@code .yaml} ending; anything else was meant as a path. */
    private static boolean looksLikePath(final String nameOrPath) {
        return nameOrPath.contains("/") || nameOrPath.contains(java.io.File.separator) || nameOrPath.endsWith(".yaml");
    }
}
