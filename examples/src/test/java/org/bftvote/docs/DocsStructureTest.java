package org.bftvote.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The docs stay a map a newcomer can follow: the README is short, every page under docs/ is listed in the index,
 * and every relative link (file and #anchor) leads somewhere.
 */
class DocsStructureTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final int README_MAX_LINES = 250;

    @Test
    void theReadmeStaysAnOverview() {
        final int lines = MarkdownDocs.read(MarkdownDocs.root().resolve("README.md")).size();
        assertTrue(lines <= README_MAX_LINES, "README.md has " + lines + " lines; detail belongs under docs/");
    }

    @Test
    void everyPageIsListedInTheIndex() {
        final Path docs = MarkdownDocs.root().resolve("docs");
        final String index = String.join("\n", MarkdownDocs.read(docs.resolve("README.md")));
        final List<String> missing = new ArrayList<>();
        for (Path file : MarkdownDocs.files()) {
            if (file.startsWith(docs) && !file.equals(docs.resolve("README.md"))
                && !index.contains("(" + docs.relativize(file).toString().replace('\\', '/') + ")")) {
                missing.add(MarkdownDocs.root().relativize(file).toString());
            }
        }
        assertEquals(List.of(), missing, "pages not linked from docs/README.md");
    }

    @Test
    void everyRelativeLinkLeadsSomewhere() {
        final List<String> broken = new ArrayList<>();
        for (Path file : MarkdownDocs.files()) {
            boolean code = false;
            int n = 0;
            for (String line : MarkdownDocs.read(file)) {
                n++;
                if (line.startsWith("```")) {
                    code = !code;
                }
                if (code) {
                    continue;
                }
                final Matcher m = LINK.matcher(line);
                while (m.find()) {
                    final String problem = problem(file, m.group(1));
                    if (problem != null) {
                        broken.add(MarkdownDocs.root().relativize(file) + ":" + n + ": " + m.group(1) + ": " + problem);
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void aBrokenLinkIsFound() {
        final Path readme = MarkdownDocs.root().resolve("README.md");
        assertEquals("no such file", problem(readme, "docs/no-such-page.md"));
        assertEquals("no such heading", problem(readme, "docs/README.md#no-such-heading"));
        assertEquals(null, problem(readme, "docs/README.md#guides--to-get-something-done"));
    }

    @Test
    void anchorsAreMadeAsTheRenderersMakeThem() {
        assertEquals("against-px4s-data_validator", slug("Against PX4's data_validator"));
        assertEquals("consistency-first-cap", slug("Consistency first (CAP)"));
    }

    private static String problem(final Path from, final String target) {
        if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")) {
            return null;
        }
        final int hash = target.indexOf('#');
        final String path = hash < 0 ? target : target.substring(0, hash);
        final Path file = path.isEmpty() ? from : from.getParent().resolve(path).normalize();
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (hash < 0 || !file.toString().endsWith(".md")) {
            return null;
        }
        return anchors(file).contains(target.substring(hash + 1)) ? null : "no such heading";
    }

    private static Set<String> anchors(final Path file) {
        final Set<String> anchors = new HashSet<>();
        boolean code = false;
        for (String line : MarkdownDocs.read(file)) {
            if (line.startsWith("```")) {
                code = !code;
            } else if (!code && line.startsWith("#")) {
                anchors.add(slug(line.replaceFirst("^#+\\s*", "")));
            }
        }
        return anchors;
    }

    /** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
    static String slug(final String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
    }
}
