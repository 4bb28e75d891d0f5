package org.bftvote.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The README and every page under {@code docs/}, read as fenced code blocks with the marker comment that precedes
 * each (if any). Markers are HTML comments on the line right before the opening fence:
 * <ul>
 *   <li>{@code <!-- snippet: PATH#TAG -->}: the block is the region of PATH between {@code tag::TAG[]} and
 *       {@code end::TAG[]} ({@link DocsSnippetsTest});</li>
 *   <li>{@code <!-- commands: exit N -->}: the block's commands exit with N, not 0 ({@link DocsCommandsTest});</li>
 *   <li>{@code <!-- commands: not run: REASON -->}: the block's commands are not run, for the reason given.</li>
 * </ul>
 */
final class MarkdownDocs {
    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^<!--\\s*(.*?)\\s*-->\\s*$");

    /** One fenced block: where it is, its language, its marker (or "") and its lines. */
    record Block(Path file, int line, String language, String marker, List<String> lines) {
        String where() {
            return root().relativize(file) + ":" + line;
        }
    }

    private MarkdownDocs() {
    }

    /** @return the repository root, which the build passes as {@code bftvote.root} */
    static Path root() {
        return Path.of(System.getProperty("bftvote.root", "..")).toAbsolutePath().normalize();
    }

    /** @return README.md and every .md under docs/, in a fixed order */
    static List<Path> files() {
        final List<Path> files = new ArrayList<>();
        files.add(root().resolve("README.md"));
        try (Stream<Path> walk = Files.walk(root().resolve("docs"))) {
            walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** @return every fenced block of every file */
    static List<Block> blocks() {
        final List<Block> blocks = new ArrayList<>();
        for (Path file : files()) {
            blocks.addAll(blocks(file, read(file)));
        }
        return blocks;
    }

    static List<String> read(final Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file  the file, for locations
     * @param lines its lines
     * @return its fenced blocks; {@link Block#line()} is the 1-based line of the opening fence
     */
    static List<Block> blocks(final Path file, final List<String> lines) {
        final List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            final Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            final Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : null;
            final int start = i;
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                end++;
            }
            blocks.add(new Block(file, start + 1, open.group(1),
                marker != null && marker.matches() ? marker.group(1) : "", List.copyOf(lines.subList(start + 1, end))));
            i = end;
        }
        return blocks;
    }
}
