package org.bftvote.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Content hashes of source files, which the mutation history compares to tell what changed since a file's mutants
 * were analysed. A hash is the first 16 hexadecimal digits of the file's SHA-256: it depends on the file's bytes
 * only, so the same checkout gives the same hashes on every machine, whatever the compiler.
 */
final class SourceHashes {
    /** The hash of a file that does not exist. */
    static final String ABSENT = "absent";

    private SourceHashes() {
    }

    /**
     * @param root a source root ({@code src/main/java})
     * @return every Java source file under it that can hold a mutant (not {@code package-info.java} or
     *     {@code module-info.java}), by its path relative to the root with {@code /} separators, with its hash
     * @throws IOException if the tree cannot be read
     */
    static SortedMap<String, String> underRoot(final Path root) throws IOException {
        final SortedMap<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (final Path file : (Iterable<Path>) files::iterator) {
                final String name = file.getFileName().toString();
                if (name.endsWith(".java") && !"package-info.java".equals(name) && !"module-info.java".equals(name)
                    && Files.isRegularFile(file)) {
                    out.put(root.relativize(file).toString().replace('\\', '/'), of(file));
                }
            }
        }
        return out;
    }

    /**
     * @param file a file
     * @return its hash, or {@link #ABSENT} when there is no such file
     */
    static String of(final Path file) {
        if (!Files.isRegularFile(file)) {
            return ABSENT;
        }
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * @param testClass a top-level test class, {@code org.bftvote.agreement.EigEngineTest}
     * @return its source file relative to the test source root, {@code org/bftvote/agreement/EigEngineTest.java}
     */
    static String testSource(final String testClass) {
        return testClass.replace('.', '/') + ".java";
    }
}
