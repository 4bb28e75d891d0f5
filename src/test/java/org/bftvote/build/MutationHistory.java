package org.bftvote.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The library's mutation history ({@code config/mutation/history.txt}): for each library source file, what the last
 * mutation analysis of it found and what it ran against, so that a run need only analyse the files that changed
 * since. A file is analysed again when its content changed, or when a test class that detected one of its mutants
 * changed (that test might no longer detect it). A survivor is not analysed again when only tests change: a test
 * that now detects a listed survivor shows in the next run of that file, or in the full run.
 *
 * <p>The file is text, one record per line, sorted, so that a change's diff shows what its analysis found:
 * <pre>
 * source PATH HASH                 a library source file and the hash of the content analysed
 * test PATH TEST_PATH HASH         a test source that detected one of PATH's mutants, and its hash then
 * mutants PATH CLASS#METHOD(DESC) MUTATOR killed=K timed-out=T survived=S no-coverage=N
 * </pre>
 * Paths are relative to the library's source root and test source root; hashes are {@link SourceHashes}'.
 */
final class MutationHistory {
    private static final Pattern SOURCE = Pattern.compile("^source (\\S+) (\\S+)$");
    private static final Pattern TEST = Pattern.compile("^test (\\S+) (\\S+) (\\S+)$");
    private static final Pattern MUTANTS = Pattern.compile(
        "^mutants (\\S+) (\\S+ \\S+) killed=(\\d{1,9}) timed-out=(\\d{1,9}) survived=(\\d{1,9}) no-coverage=(\\d{1,9})$");
    /** The statuses a group counts, in the order of its counts. */
    private static final String[] STATUSES = {"KILLED", "TIMED_OUT", "SURVIVED", "NO_COVERAGE"};

    /** What one analysis of one source file found. */
    static final class Analysis {
        /** The hash of the source content analysed. */
        final String hash;
        /** Per test source that detected one of its mutants, that source's hash then. */
        final SortedMap<String, String> tests = new TreeMap<>();
        /** Per {@code class#method(desc) Mutator}, the mutants killed, timed out, survived and without coverage. */
        final SortedMap<String, int[]> groups = new TreeMap<>();

        Analysis(final String hash) {
            this.hash = hash;
        }
    }

    private final SortedMap<String, Analysis> sources = new TreeMap<>();

    /**
     * @param file the history file; none yet is an empty history
     * @return the history it holds
     * @throws IOException if it exists but cannot be read
     * @throws IllegalArgumentException naming the file and line of the first line that is not a record
     */
    static MutationHistory read(final Path file) throws IOException {
        if (!Files.exists(file)) {
            return new MutationHistory();
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * @param text the history's text
     * @param name the file it came from, for messages
     * @return the history
     * @throws IllegalArgumentException naming the line of the first line that is not a record
     */
    static MutationHistory parse(final String text, final String name) {
        final MutationHistory history = new MutationHistory();
        int number = 0;
        for (final String raw : text.split("\n", -1)) {
            number++;
            final String line = raw.strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                history.parseRecord(line, name + ":" + number);
            }
        }
        return history;
    }

    private void parseRecord(final String line, final String where) {
        Matcher m = SOURCE.matcher(line);
        if (m.matches()) {
            if (sources.put(m.group(1), new Analysis(m.group(2))) != null) {
                throw new IllegalArgumentException(where + ": source " + m.group(1) + " is recorded twice");
            }
            return;
        }
        m = TEST.matcher(line);
        if (m.matches()) {
            declared(m.group(1), where).tests.put(m.group(2), m.group(3));
            return;
        }
        m = MUTANTS.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException(where + ": expected 'source PATH HASH', 'test PATH TEST_PATH HASH' or "
                + "'mutants PATH CLASS#METHOD(DESC) MUTATOR killed=K timed-out=T survived=S no-coverage=N', got: "
                + line);
        }
        final int[] counts = new int[STATUSES.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Integer.parseInt(m.group(3 + i));
        }
        declared(m.group(1), where).groups.put(m.group(2), counts);
    }

    private Analysis declared(final String path, final String where) {
        final Analysis a = sources.get(path);
        if (a == null) {
            throw new IllegalArgumentException(where + ": " + path + " has no 'source' line before it");
        }
        return a;
    }

    /** @return per library source file analysed, what its analysis found */
    SortedMap<String, Analysis> sources() {
        return sources;
    }

    /**
     * @param path a library source file
     * @return how many mutants its last analysis found, or -1 if it has none recorded
     */
    int mutantsOf(final String path) {
        final Analysis a = sources.get(path);
        if (a == null) {
            return -1;
        }
        int total = 0;
        for (final int[] counts : a.groups.values()) {
            for (final int c : counts) {
                total += c;
            }
        }
        return total;
    }

    /**
     * @param library every library source file now, with its hash ({@link SourceHashes#underRoot})
     * @param testRoot the test source root
     * @return the files to analyse again, each with why: new, changed, or one of its detecting tests changed
     */
    SortedMap<String, String> changed(final SortedMap<String, String> library, final Path testRoot) {
        final SortedMap<String, String> out = new TreeMap<>();
        for (final Map.Entry<String, String> file : library.entrySet()) {
            final Analysis a = sources.get(file.getKey());
            if (a == null) {
                out.put(file.getKey(), "not analysed yet");
            } else if (!a.hash.equals(file.getValue())) {
                out.put(file.getKey(), "changed");
            } else {
                for (final Map.Entry<String, String> test : a.tests.entrySet()) {
                    if (!test.getValue().equals(SourceHashes.of(testRoot.resolve(test.getKey())))) {
                        out.put(file.getKey(), "test " + test.getKey() + " changed");
                        break;
                    }
                }
            }
        }
        return out;
    }

    /**
     * @param library every library source file now, with its hash
     * @param testRoot the test source root
     * @param analysed the files this run analysed
     * @param mutants what the run found; each in one of the analysed files
     * @return this history with the analysed files' records replaced and the files no longer in the library dropped
     * @throws IllegalArgumentException if a mutant belongs to a file the run was not to analyse
     */
    MutationHistory merge(final SortedMap<String, String> library, final Path testRoot, final Set<String> analysed,
        final List<PitReport.Mutant> mutants) {
        final MutationHistory out = new MutationHistory();
        for (final Map.Entry<String, String> file : library.entrySet()) {
            final String path = file.getKey();
            if (analysed.contains(path)) {
                out.sources.put(path, new Analysis(file.getValue()));
            } else if (sources.containsKey(path)) {
                out.sources.put(path, sources.get(path));
            }
        }
        for (final PitReport.Mutant m : mutants) {
            final Analysis a = analysed.contains(m.sourcePath()) ? out.sources.get(m.sourcePath()) : null;
            if (a == null) {
                throw new IllegalArgumentException("PIT's report has a mutant of " + m.sourcePath()
                    + ", which is not among the library files this run analysed");
            }
            a.groups.computeIfAbsent(m.key(), k -> new int[STATUSES.length])[column(m.status())]++;
            if (!m.killingTestClass().isEmpty()) {
                final String test = SourceHashes.testSource(m.killingTestClass());
                a.tests.put(test, SourceHashes.of(testRoot.resolve(test)));
            }
        }
        return out;
    }

    /** Killed, memory and run errors count as killed: PIT counts them all as detected. */
    private static int column(final String status) {
        for (int i = 1; i < STATUSES.length; i++) {
            if (STATUSES[i].equals(status)) {
                return i;
            }
        }
        return 0;
    }

    /** @return every recorded mutant, counted as the mutation gate counts one run's */
    MutationGate.Report report() {
        final MutationGate.Report report = new MutationGate.Report();
        for (final Analysis a : sources.values()) {
            for (final Map.Entry<String, int[]> g : a.groups.entrySet()) {
                for (int i = 0; i < STATUSES.length; i++) {
                    report.add(g.getKey(), STATUSES[i], g.getValue()[i]);
                }
            }
        }
        return report;
    }

    /** @return the history as its file holds it: a header, then each source file's records */
    String format() {
        final StringBuilder out = new StringBuilder(256 * (1 + sources.size()));
        out.append("# The library's mutation history: what the last mutation analysis of each source file found, and\n")
            .append("# the hashes of that file and of the tests that detected its mutants. Written by the mutation\n")
            .append("# steps (.ci/mutation-changed, and mvn verify into src/target/mutation/); see\n")
            .append("# docs/reference/verification.md#mutation-testing. Do not edit by hand.\n");
        for (final Map.Entry<String, Analysis> e : sources.entrySet()) {
            final String path = e.getKey();
            final Analysis a = e.getValue();
            out.append("source ").append(path).append(' ').append(a.hash).append('\n');
            a.tests.forEach((test, hash) -> out.append("test ").append(path).append(' ').append(test).append(' ')
                .append(hash).append('\n'));
            a.groups.forEach((key, c) -> out.append("mutants ").append(path).append(' ').append(key)
                .append(" killed=").append(c[0]).append(" timed-out=").append(c[1]).append(" survived=").append(c[2])
                .append(" no-coverage=").append(c[3]).append('\n'));
        }
        return out.toString();
    }
}
