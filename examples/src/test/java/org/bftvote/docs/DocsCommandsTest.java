package org.bftvote.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every command the README and the docs show in {@code sh} blocks, as written, and checks its exit code: 0, or
 * the N of a {@code <!-- commands: exit N -->} marker before the block. Not run, by rule:
 * <ul>
 *   <li>Maven commands ({@code mvn ...}): the build this test runs in is the first of them, and the others run
 *       parts of it or benchmarks that take minutes;</li>
 *   <li>blocks marked {@code <!-- commands: not run: REASON -->}, each with its reason.</li>
 * </ul>
 * Each block runs in order in a fresh directory that links to the repository's top-level entries, so relative
 * paths work as written and default output folders ({@code sim-out/}) land there; {@code /tmp/} in a command is
 * that directory's own {@code tmp/}, so that a second run, or another build at the same time, starts clean.
 */
class DocsCommandsTest {
    private static final Pattern EXIT = Pattern.compile("commands:\\s*exit\\s+(\\d+)");
    /** {@code <<WORD}, {@code <<'WORD'} or {@code <<"WORD"}: the lines up to WORD belong to the command. */
    private static final Pattern HERE_DOC = Pattern.compile("<<-?\\s*['\"]?(\\w+)['\"]?\\s*$");
    private static final long TIMEOUT_MINUTES = 10;

    @TestFactory
    Stream<DynamicTest> everyShownCommandExitsAsTheDocsSay() {
        final List<DynamicTest> tests = new ArrayList<>();
        for (MarkdownDocs.Block block : MarkdownDocs.blocks()) {
            if (!isShell(block) || block.marker().startsWith("commands: not run:")) {
                continue;
            }
            final List<String> commands = commands(block.lines());
            if (!commands.isEmpty()) {
                tests.add(DynamicTest.dynamicTest(block.where(), () -> runBlock(block, commands)));
            }
        }
        return tests.stream();
    }

    @Test
    void everyBlockNotRunSaysWhy() {
        for (MarkdownDocs.Block block : MarkdownDocs.blocks()) {
            if (block.marker().startsWith("commands: not run")) {
                assertTrue(block.marker().length() > "commands: not run: ".length() + 10,
                    block.where() + ": a block not run must say why");
            }
        }
    }

    @Test
    void continuationLinesAreJoinedAndCommentsDropped() {
        assertEquals(List.of("a b c", "d # note"), commands(List.of("# only a comment", "a b \\", "  c", "", "d # note")));
        assertEquals(List.of("cat > f <<'EOF'\nx: 1\n  y\nEOF", "next"),
            commands(List.of("cat > f <<'EOF'", "x: 1", "  y", "EOF", "next")));
    }

    private static boolean isShell(final MarkdownDocs.Block block) {
        return block.language().equals("sh") || block.language().equals("bash");
    }

    /** @return the block's commands: continuation lines joined, blank and comment lines and Maven commands left out */
    static List<String> commands(final List<String> lines) {
        final List<String> commands = new ArrayList<>();
        final StringBuilder current = new StringBuilder();
        String hereDocEnd = null;                                  // inside a here-document: its end word
        for (String line : lines) {
            if (hereDocEnd != null) {
                current.append('\n').append(line);
                if (line.strip().equals(hereDocEnd)) {
                    commands.add(current.toString());
                    current.setLength(0);
                    hereDocEnd = null;
                }
                continue;
            }
            final Matcher hereDoc = HERE_DOC.matcher(line);
            if (current.length() == 0 && hereDoc.find()) {
                current.append(line.strip());
                hereDocEnd = hereDoc.group(1);
                continue;
            }
            final String trimmed = line.strip();
            if (current.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            final String command = current.toString().replaceAll("\\s+", " ");
            current.setLength(0);
            if (!command.startsWith("mvn ")) {
                commands.add(command);
            }
        }
        return commands;
    }

    private static void runBlock(final MarkdownDocs.Block block, final List<String> commands)
        throws IOException, InterruptedException {
        final Matcher exit = EXIT.matcher(block.marker());
        final int expected = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
        final Path sandbox = sandbox();
        try {
            runIn(sandbox, block, commands, expected);
        } finally {
            delete(sandbox);
        }
    }

    private static void runIn(final Path sandbox, final MarkdownDocs.Block block, final List<String> commands,
                              final int expected) throws IOException, InterruptedException {
        for (String command : commands) {
            final String local = command.replace("/tmp/", sandbox.resolve("tmp") + "/");
            final Path log = sandbox.resolve("command.log");
            final Process process = new ProcessBuilder("bash", "-c", local)
                .directory(sandbox.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(block.where() + ": `" + command + "` still running after "
                    + TIMEOUT_MINUTES + " min");
            }
            assertEquals(expected, process.exitValue(), () -> block.where() + ": `" + command + "` exited "
                + process.exitValue() + ", the docs say " + expected + "; its output ended with:\n" + tail(log));
        }
    }

    /** A fresh directory holding links to the repository's top-level entries and an empty {@code tmp/}. */
    private static Path sandbox() throws IOException {
        final Path sandbox = Files.createTempDirectory("bftvote-docs-");
        Files.createDirectory(sandbox.resolve("tmp"));
        try (Stream<Path> entries = Files.list(MarkdownDocs.root())) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                final String name = entry.getFileName().toString();
                if (!name.equals("sim-out") && !name.equals(".git") && !name.equals("tmp")) {
                    Files.createSymbolicLink(sandbox.resolve(name), entry);
                }
            }
        }
        return sandbox;
    }

    /** Deletes the sandbox; the links to the repository are removed as links (a walk does not follow them). */
    private static void delete(final Path sandbox) throws IOException {
        try (Stream<Path> walk = Files.walk(sandbox)) {
            for (Path path : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String tail(final Path log) {
        try {
            final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (final IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }
}
