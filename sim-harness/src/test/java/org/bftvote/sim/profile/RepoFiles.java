package org.bftvote.sim.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test helpers: where the shipped profiles and scenarios are, and copies of them to break on purpose.
 */
public final class RepoFiles {

    private RepoFiles() {
    }

    /**
     * Returns the repository root, found from the working directory upwards.
     *
     * @return the root
     */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("hw-profiles"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no hw-profiles directory above " + Path.of("").toAbsolutePath());
    }

    /**
     * Returns the shipped profiles directory.
     *
     * @return the directory
     */
    public static Path profiles() {
        return root().resolve("hw-profiles");
    }

    /**
     * Returns the shipped scenarios directory.
     *
     * @return the directory
     */
    public static Path scenarios() {
        return root().resolve("sim-harness").resolve("scenarios");
    }

    /**
     * Copies a directory tree.
     *
     * @param from the source
     * @param to   the target, created if missing
     */
    public static void copyTree(final Path from, final Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (final Path source : paths.toList()) {
                final Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the first occurrence of a text in a file and returns the 1-based line the replacement starts on.
     *
     * @param file        the file
     * @param text        the text to replace, which must occur
     * @param replacement the new text
     * @return the line of the replacement
     */
    public static int replace(final Path file, final String text, final String replacement) {
        try {
            final String content = Files.readString(file, StandardCharsets.UTF_8);
            final int at = content.indexOf(text);
            if (at < 0) {
                throw new IllegalArgumentException("'" + text + "' not in " + file);
            }
            Files.writeString(file, content.substring(0, at) + replacement + content.substring(at + text.length()),
                StandardCharsets.UTF_8);
            return lineOf(content, at);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the 1-based line of the first occurrence of a text in a file.
     *
     * @param file the file
     * @param text the text, which must occur
     * @return the line
     */
    public static int lineOf(final Path file, final String text) {
        try {
            final String content = Files.readString(file, StandardCharsets.UTF_8);
            final int at = content.indexOf(text);
            if (at < 0) {
                throw new IllegalArgumentException("'" + text + "' not in " + file);
            }
            return lineOf(content, at);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(final String content, final int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Lists the YAML files under a directory, sorted.
     *
     * @param dir the directory
     * @return the files
     */
    public static List<Path> yamlFiles(final Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
