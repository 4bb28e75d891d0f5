package org.bftvote.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Embedding a quad takes one guide and fewer than 80 lines of the embedder's own code, as docs/guides/embed-quad.md
 * says: the Java it shows from the configuration to the status check, blank and comment lines left out (the
 * stand-in transport, which a real system replaces with its own, and the UDP variant are not counted).
 */
class EmbedQuadGuideTest {
    private static final Pattern NOT_CODE = Pattern.compile("^\\s*(//.*|/\\*\\*.*|\\*.*|\\*/.*)?$");

    @Test
    void theEmbeddersCodeIsFewerThanEightyLines() {
        final Path guide = MarkdownDocs.root().resolve("docs/guides/embed-quad.md");
        final List<String> lines = MarkdownDocs.read(guide);
        final int transportSection = lines.indexOf("## Over UDP");
        assertTrue(transportSection > 0, "the guide has its UDP section");
        int code = 0;
        int blocks = 0;
        for (final MarkdownDocs.Block block : MarkdownDocs.blocks(guide, lines)) {
            if (!"java".equals(block.language()) || block.line() > transportSection
                || block.marker().endsWith("InProcessBus.java#bus")) {
                continue;
            }
            assertTrue(block.marker().startsWith("snippet: examples/src/main/java/org/bftvote/examples/quad/"),
                "every block is compiled example code: " + block.where());
            blocks++;
            code += (int) block.lines().stream().filter(line -> !NOT_CODE.matcher(line).matches()).count();
        }
        assertEquals(5, blocks, "configuration, lane, listener, step loop, status check");
        assertTrue(code < 80, "the embedder's code in the quad guide is " + code + " lines");
    }
}
