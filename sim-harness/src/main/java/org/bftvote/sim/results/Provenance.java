package org.bftvote.sim.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Where an output came from: the tool and its version, the source commit when it is known, the command, every input
 * file with its SHA-256, and the configuration as it was resolved (after defaults and overrides), as text. Every
 * output folder of {@code run}, {@code replay} and {@code replay-log} holds it as {@value #FILE_NAME}; other writers
 * embed it with {@link #appendTo(JsonOut)}.
 *
 * <p>No timestamp and no host name: the same build, command and inputs give the same bytes, so a provenance file
 * can be compared like the results it describes. Immutable; build it with {@link #builder(String)}.
 *
 * <pre>{@code
 * Provenance p = Provenance.builder("replay-log")
 *     .argument("MAG.csv").argument("--map").argument("mag.yaml")
 *     .input("recording", recording).input("map", map)       // SHA-256 of each file
 *     .configuration(resolvedYaml)
 *     .build();
 * p.write(outDir);                                          // outDir/provenance.json
 * }</pre>
 */
public final class Provenance {
    /** File name of the provenance in an output folder. */
    public static final String FILE_NAME = "provenance.json";
    /** The tool's name as written. */
    public static final String TOOL = "bftvote-sim";

    private static final String UNKNOWN = "unknown";

    private final String command;
    private final List<String> arguments;
    private final List<Input> inputs;
    private final String configuration;
    private final String version;
    private final String commit;

    /**
     * One input file.
     *
     * @param role   what it is for the command (for example {@code recording}, {@code map}, {@code scenario})
     * @param path   the path as given on the command line or resolved from it
     * @param sha256 lower-case hex SHA-256 of its bytes (of every file, in name order, for a directory)
     * @param bytes  its size in bytes (the sum for a directory)
     */
    public record Input(String role, String path, String sha256, long bytes) {
    }

    private Provenance(final Builder b) {
        this.command = b.command;
        this.arguments = List.copyOf(b.arguments);
        this.inputs = List.copyOf(b.inputs);
        this.configuration = b.configuration;
        this.version = b.version;
        this.commit = b.commit;
    }

    /**
     * @param command the subcommand, for example {@code run}
     * @return a builder with the tool version read from the build and the commit looked up in the repository root
     *         ({@code bftvote.home}), when there is one
     */
    public static Builder builder(final String command) {
        return new Builder(command);
    }

    /** @return the tool's version as the build stamped it, or {@code unknown} */
    public static String toolVersion() {
        final Properties properties = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (final IOException e) {
            return UNKNOWN;
        }
        return properties.getProperty("version", UNKNOWN);
    }

    /**
     * @param root a directory inside a git work tree
     * @return the commit checked out there ({@code git rev-parse HEAD}), with {@code -dirty} appended when tracked
     *         files differ from it; {@code null} when it is not a git work tree or git cannot be run
     */
    public static String commitOf(final Path root) {
        final String head = git(root, "rev-parse", "HEAD");
        if (head == null || !head.matches("[0-9a-f]{40}")) {
            return null;
        }
        final String changes = git(root, "status", "--porcelain", "--untracked-files=no");
        return changes == null || changes.isEmpty() ? head : head + "-dirty";
    }

    private static String git(final Path root, final String... args) {
        final List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("-C");
        cmd.add(root.toString());
        cmd.addAll(List.of(args));
        try {
            final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            final byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (final IOException e) {
            return null;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * @param file a file, or a directory (every regular file under it, in path order, hashed as one stream)
     * @return its SHA-256 as lower-case hex
     * @throws IOException if it cannot be read
     */
    public static String sha256(final Path file) throws IOException {
        final MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (final Path f : filesOf(file)) {
            try (InputStream in = Files.newInputStream(f)) {
                final byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<Path> filesOf(final Path file) throws IOException {
        if (!Files.isDirectory(file)) {
            return List.of(file);
        }
        try (var walk = Files.walk(file)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static long sizeOf(final Path file) throws IOException {
        long total = 0;
        for (final Path f : filesOf(file)) {
            total += Files.size(f);
        }
        return total;
    }

    /** @return the subcommand */
    public String command() {
        return command;
    }

    /** @return the arguments after the subcommand, as given */
    public List<String> arguments() {
        return arguments;
    }

    /** @return the input files in the order added */
    public List<Input> inputs() {
        return inputs;
    }

    /** @return the resolved configuration as text (empty when the command has none) */
    public String configuration() {
        return configuration;
    }

    /** @return the tool version */
    public String version() {
        return version;
    }

    /** @return the source commit, or {@code null} when not known */
    public String commit() {
        return commit;
    }

    /**
     * Writes the provenance's members into an object the caller has opened (and closes).
     *
     * @param json an open object
     * @return {@code json}
     */
    public JsonOut appendTo(final JsonOut json) {
        json.name("tool").value(TOOL);
        json.name("version").value(version);
        json.name("commit").value(commit);
        json.name("command").value(command);
        json.name("arguments").beginArray();
        arguments.forEach(json::value);
        json.endArray();
        json.name("inputs").beginArray();
        for (final Input in : inputs) {
            json.beginObject().name("role").value(in.role()).name("path").value(in.path())
                .name("sha256").value(in.sha256()).name("bytes").value(in.bytes()).endObject();
        }
        json.endArray();
        json.name("configuration").value(configuration);
        return json;
    }

    /** @return the provenance as a JSON document */
    public String toJson() {
        return appendTo(new JsonOut().beginObject()).endObject().toString();
    }

    /**
     * @param dir an output folder
     * @return the file written, {@code dir/}{@value #FILE_NAME}
     * @throws IOException if it cannot be written
     */
    public Path write(final Path dir) throws IOException {
        return Files.writeString(dir.resolve(FILE_NAME), toJson(), StandardCharsets.UTF_8);
    }

    /** Collects a {@link Provenance}. Not thread safe. */
    public static final class Builder {
        private final String command;
        private final List<String> arguments = new ArrayList<>();
        private final List<Input> inputs = new ArrayList<>();
        private String configuration = "";
        private String version = toolVersion();
        private String commit;

        private Builder(final String command) {
            this.command = command;
            final String home = System.getProperty("bftvote.home");
            this.commit = home == null || home.isBlank() ? null : commitOf(Path.of(home));
        }

        /**
         * @param argument one command-line argument after the subcommand
         * @return this
         */
        public Builder argument(final String argument) {
            arguments.add(argument);
            return this;
        }

        /**
         * @param args command-line arguments after the subcommand
         * @return this
         */
        public Builder arguments(final List<String> args) {
            arguments.addAll(args);
            return this;
        }

        /**
         * Hashes an input file now.
         *
         * @param role what the file is for the command
         * @param file the file (or directory: every file under it)
         * @return this
         * @throws IOException if it cannot be read
         */
        public Builder input(final String role, final Path file) throws IOException {
            inputs.add(new Input(role, file.toString(), sha256(file), sizeOf(file)));
            return this;
        }

        /**
         * @param text the resolved configuration, as text for people (YAML where there is a YAML form)
         * @return this
         */
        public Builder configuration(final String text) {
            this.configuration = text == null ? "" : text;
            return this;
        }

        /**
         * @param sourceCommit the commit, or {@code null} when not known (overrides the one looked up)
         * @return this
         */
        public Builder commit(final String sourceCommit) {
            this.commit = sourceCommit;
            return this;
        }

        /**
         * @param toolVersion the version (overrides the one the build stamped; for tests)
         * @return this
         */
        public Builder version(final String toolVersion) {
            this.version = toolVersion;
            return this;
        }

        /** @return the provenance */
        public Provenance build() {
            return new Provenance(this);
        }
    }
}
