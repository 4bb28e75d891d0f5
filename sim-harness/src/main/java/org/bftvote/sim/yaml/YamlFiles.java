package org.bftvote.sim.yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads one YAML file into a node tree that keeps line numbers, turning every failure into a
 * {@link ProfileException}.
 *
 * <p>Files are composed, not constructed: no Java objects are created from tags, so a file cannot instantiate
 * anything. Exactly one document per file is accepted.
 */
public final class YamlFiles {

    private YamlFiles() {
    }

    /**
     * Reads and composes a YAML file whose root must be a mapping.
     *
     * @param path    the file
     * @param display how the file is named in messages
     * @return the root mapping
     * @throws ProfileException if the file cannot be read, is empty, is not valid YAML or its root is no mapping
     */
    public static YMap readMapping(final Path path, final String display) throws ProfileException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return readMapping(reader, display);
        } catch (final IOException e) {
            // No line: the file as a whole could not be read (missing, a directory, not text).
            throw new ProfileException(display, 0, "", "cannot read file: " + IoReasons.reason(e));
        }
    }

    /**
     * Composes YAML text whose root must be a mapping (a document kept inside another file, such as the
     * configuration a trace records).
     *
     * @param text    the YAML
     * @param display how the text is named in messages
     * @return the root mapping
     * @throws ProfileException if it is empty, not valid YAML or its root is no mapping
     */
    public static YMap readMapping(final String text, final String display) throws ProfileException {
        try (Reader reader = new java.io.StringReader(text)) {
            return readMapping(reader, display);
        } catch (final IOException e) {
            throw new ProfileException(display, 1, "", "cannot read: " + IoReasons.reason(e));
        }
    }

    private static YMap readMapping(final Reader reader, final String display) throws ProfileException, IOException {
        final Optional<Node> root;
        final LoadSettings settings = LoadSettings.builder()
            .setLabel(display)
            .setAllowDuplicateKeys(false)
            .setUseMarks(true)
            .build();
        try {
            root = new Compose(settings).composeReader(reader);
        } catch (final MarkedYamlEngineException e) {
            final int line = e.getProblemMark().or(e::getContextMark).map(Mark::getLine).orElse(0) + 1;
            throw new ProfileException(display, line, "", "invalid YAML: " + e.getProblem());
        } catch (final YamlEngineException e) {
            final String io = IoReasons.reasonInChain(e);      // the reader's failure, e.g. bytes that are not UTF-8
            throw new ProfileException(display, io != null ? 0 : 1, "", io != null ? "cannot read file: " + io
                : "invalid YAML: " + e.getMessage());
        }
        if (root.isEmpty()) {
            throw new ProfileException(display, 1, "", "empty document, expected a mapping with a 'kind' field");
        }
        return new YNode(display, "", root.get()).asMap();
    }
}
