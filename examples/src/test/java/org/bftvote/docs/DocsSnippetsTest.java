package org.bftvote.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every Java snippet in the docs is a marked region of a file the build compiles (the examples), so it cannot rot:
 * a snippet that differs from its region fails here. To copy the regions into the docs after changing an example:
 * {@code mvn -B -ntp -pl examples -am test -Dtest=DocsSnippetsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbftvote.docs.update=true}.
 */
class DocsSnippetsTest {
    private static final String UPDATE = "bftvote.docs.update";

    @Test
    void everySnippetEqualsItsMarkedRegion() throws IOException {
        final boolean update = Boolean.getBoolean(UPDATE);
        final List<String> stale = new ArrayList<>();
        for (Path file : MarkdownDocs.files()) {
            final List<String> lines = new ArrayList<>(MarkdownDocs.read(file));
            boolean changed = false;
            // Walk backwards so that replacing a block does not move the blocks still to visit.
            final List<MarkdownDocs.Block> blocks = MarkdownDocs.blocks(file, lines);
            for (int b = blocks.size() - 1; b >= 0; b--) {
                final MarkdownDocs.Block block = blocks.get(b);
                if (!block.marker().startsWith("snippet:")) {
                    continue;
                }
                final List<String> region = region(block, block.marker().substring("snippet:".length()).trim());
                if (!region.equals(block.lines())) {
                    stale.add(block.where() + " differs from " + block.marker().substring(8).trim());
                    final int from = block.line();                 // first line inside the fence (0-based)
                    for (int i = 0; i < block.lines().size(); i++) {
                        lines.remove(from);
                    }
                    lines.addAll(from, region);
                    changed = true;
                }
            }
            if (update && changed) {
                Files.write(file, lines, StandardCharsets.UTF_8);
            }
        }
        if (!update && !stale.isEmpty()) {
            fail(String.join("\n", stale) + "\ncopy the regions into the docs with -D" + UPDATE + "=true (see "
                + getClass().getSimpleName() + "'s Javadoc)");
        }
    }

    @Test
    void everyJavaBlockIsCompiledOrSaysWhyNot() {
        final List<String> loose = new ArrayList<>();
        for (MarkdownDocs.Block block : MarkdownDocs.blocks()) {
            if (block.language().equals("java") && !block.marker().startsWith("snippet:")
                && !block.marker().startsWith("not compiled:")) {
                loose.add(block.where());
            }
        }
        assertEquals(List.of(), loose, "Java blocks neither taken from a compiled file (<!-- snippet: PATH#TAG -->) "
            + "nor marked <!-- not compiled: REASON -->");
    }

    @Test
    void regionsAreExtractedWithoutTagLinesAndDedented() {
        final List<String> source = List.of("class A {", "    // tag::x[]", "    int a;", "    // tag::y[]",
            "        int b;", "    // end::y[]", "    // end::x[]", "}");
        assertEquals(List.of("int a;", "    int b;"), extract(source, "x", "test"));
        assertEquals(List.of("int b;"), extract(source, "y", "test"));
    }

    private static List<String> region(final MarkdownDocs.Block block, final String reference) {
        final int hash = reference.lastIndexOf('#');
        assertTrue(hash > 0, block.where() + ": a snippet marker names PATH#TAG");
        final Path source = MarkdownDocs.root().resolve(reference.substring(0, hash));
        assertTrue(Files.isRegularFile(source), block.where() + ": no file " + source);
        return extract(MarkdownDocs.read(source), reference.substring(hash + 1), block.where());
    }

    /** The lines between {@code tag::TAG[]} and {@code end::TAG[]}, other tag lines left out, common indent removed. */
    static List<String> extract(final List<String> source, final String tag, final String where) {
        final List<String> region = new ArrayList<>();
        boolean inside = false;
        boolean found = false;
        for (String line : source) {
            if (line.contains("tag::" + tag + "[]")) {
                inside = true;
                found = true;
            } else if (line.contains("end::" + tag + "[]")) {
                inside = false;
            } else if (inside && !line.contains("tag::") && !line.contains("end::")) {
                region.add(line);
            }
        }
        assertTrue(found && !region.isEmpty(), where + ": no region tagged " + tag);
        final int indent = region.stream().filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        region.replaceAll(l -> l.isBlank() ? "" : l.substring(indent));
        return region;
    }
}
