package org.bftvote.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The first mutation step of {@code mvn verify} and {@code .ci/mutation-changed}: decides which library source files
 * PIT analyses, namely those the mutation history does not hold as analysed (new or changed files, or files one of
 * whose detecting tests changed), or every file when asked to. It writes the decision where the build reads it:
 * {@code plan.properties} ({@code mutation.changed.skip}, and {@code mutation.changed.classes}, PIT's
 * {@code targetClasses}) and {@code analyse.txt} (the files, for {@link MutationRecord}), and deletes the report of
 * an earlier run so that only this run's can be read.
 *
 * <p>Usage: {@code MutationPlan HISTORY LIBRARY_ROOT TEST_ROOT PLAN_DIR REPORT ALL SKIP}, where {@code ALL} and
 * {@code SKIP} are {@code true} or {@code false} (skip: the tests are skipped, so nothing is analysed).
 */
public final class MutationPlan {
    /** The targetClasses PIT gets when it is skipped: it must name something, and names no class. */
    static final String NO_CLASS = "org.bftvote.NoClassToAnalyse";

    private MutationPlan() {
    }

    /**
     * Writes the plan and prints what it analyses and why.
     *
     * @param args see the class comment
     * @throws IOException if a file cannot be read or written
     */
    public static void main(final String[] args) throws IOException {
        try {
            final Path history = Path.of(args[0]);
            final SortedMap<String, String> library = SourceHashes.underRoot(Path.of(args[1]));
            final SortedMap<String, String> analyse = Boolean.parseBoolean(args[6]) ? new TreeMap<>()
                : Boolean.parseBoolean(args[5]) ? every(library)
                : MutationHistory.read(history).changed(library, Path.of(args[2]));
            write(Path.of(args[3]), analyse);
            Files.deleteIfExists(Path.of(args[4]));
            System.out.println(describe(analyse, library.size(), history, Boolean.parseBoolean(args[6])));
        } catch (final IllegalArgumentException e) {
            System.out.println("mutation plan: " + e.getMessage());
            System.exit(2);
        }
    }

    private static SortedMap<String, String> every(final SortedMap<String, String> library) {
        final SortedMap<String, String> out = new TreeMap<>();
        library.keySet().forEach(path -> out.put(path, "every file asked for"));
        return out;
    }

    /**
     * @param planDir where the plan goes
     * @param analyse the files to analyse
     * @throws IOException if it cannot be written
     */
    static void write(final Path planDir, final SortedMap<String, String> analyse) throws IOException {
        Files.createDirectories(planDir);
        Files.writeString(planDir.resolve("plan.properties"), "mutation.changed.skip=" + analyse.isEmpty() + "\n"
            + "mutation.changed.classes=" + targetClasses(analyse.keySet()) + "\n", StandardCharsets.UTF_8);
        Files.write(planDir.resolve("analyse.txt"), analyse.keySet(), StandardCharsets.UTF_8);
    }

    /**
     * @param files source paths, {@code org/bftvote/agreement/EigEngine.java}
     * @return PIT's targetClasses for exactly the classes those files hold:
     *     {@code org.bftvote.agreement.EigEngine,org.bftvote.agreement.EigEngine$*}
     */
    static String targetClasses(final Iterable<String> files) {
        final List<String> globs = new ArrayList<>();
        for (final String file : files) {
            final String name = file.substring(0, file.length() - ".java".length()).replace('/', '.');
            globs.add(name);
            globs.add(name + "$*");
        }
        return globs.isEmpty() ? NO_CLASS : String.join(",", globs);
    }

    private static String describe(final SortedMap<String, String> analyse, final int files, final Path history,
        final boolean skipped) {
        if (skipped) {
            return "mutation plan: nothing to analyse, the tests are skipped";
        }
        if (analyse.isEmpty()) {
            return "mutation plan: all " + files + " library source files are as analysed in " + history
                + "; nothing to analyse";
        }
        final List<String> why = new ArrayList<>();
        for (final Map.Entry<String, String> e : analyse.entrySet()) {
            why.add(e.getKey() + " (" + e.getValue() + ")");
        }
        return "mutation plan: " + analyse.size() + " of " + files + " library source files to analyse: "
            + String.join(", ", why);
    }
}
