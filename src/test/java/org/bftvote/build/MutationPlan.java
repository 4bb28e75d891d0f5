package org.bftvote.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The first mutation step of {@code mvn verify} and {@code .ci/mutation-changed}: decides which library source files
 * PIT analyses, namely those the mutation history does not hold as analysed (new or changed files, or files one of
 * whose detecting tests changed), or every file when asked to. It writes the decision where the build reads it:
 * {@code plan.properties} ({@code mutation.changed.skip}, and {@code mutation.changed.classes}, PIT's
 * {@code targetClasses}) and {@code analyse.txt} (the files, for {@link MutationRecord}), and deletes the report of
 * an earlier run so that only this run's can be read.
 *
 * <p>A plan with more mutants than the build's budget fails at once, before the tests run, rather than making the
 * build overrun its time: the change's author runs {@code .ci/mutation-changed} (no budget) and commits the history.
 *
 * <p>Usage: {@code MutationPlan HISTORY LIBRARY_ROOT TEST_ROOT PLAN_DIR REPORT ALL SKIP BUDGET}, where {@code ALL}
 * and {@code SKIP} are {@code true} or {@code false} (skip: the tests are skipped, so nothing is analysed) and
 * {@code BUDGET} is the most mutants a run analyses, 0 for no limit.
 */
public final class MutationPlan {
    /** The plan's list of files to analyse, one source path a line, in the plan's directory. */
    private static final String FILES = "analyse.txt";
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
        if (args.length != 8) {
            System.out.println("mutation plan: expected 8 arguments (HISTORY LIBRARY_ROOT TEST_ROOT PLAN_DIR REPORT ALL "
                + "SKIP BUDGET), got " + args.length);
            System.exit(2);
        }
        try {
            final Path history = Path.of(args[0]);
            final Path libraryRoot = Path.of(args[1]);
            final boolean skip = Boolean.parseBoolean(args[6]);
            final SortedMap<String, String> library = SourceHashes.underRoot(libraryRoot);
            final MutationHistory recorded = MutationHistory.read(history);
            final SortedMap<String, String> analyse = skip ? new TreeMap<>()
                : Boolean.parseBoolean(args[5]) ? every(library) : recorded.changed(library, Path.of(args[2]));
            final int mutants = mutants(analyse.keySet(), recorded, libraryRoot);
            System.out.println(describe(analyse, mutants, library.size(), history, skip));
            checkBudget(mutants, budget(args[7]), history);
            write(Path.of(args[3]), analyse);
            Files.deleteIfExists(Path.of(args[4]));
        } catch (final IllegalArgumentException e) {
            System.out.println("mutation plan: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * @param files library source files to analyse
     * @param recorded the mutation history
     * @param libraryRoot the library's source root
     * @return about how many mutants PIT makes in them: as many as at their last analysis, and for a file not analysed
     *     yet one per two lines of code (the library's ratio is 2,968 mutants in 5,591 such lines)
     * @throws IOException if a new file cannot be read
     */
    static int mutants(final Iterable<String> files, final MutationHistory recorded, final Path libraryRoot)
        throws IOException {
        int total = 0;
        for (final String file : files) {
            final int known = recorded.mutantsOf(file);
            total += known >= 0 ? known : (int) (codeLines(libraryRoot.resolve(file)) / 2);
        }
        return total;
    }

    private static long codeLines(final Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("*") && !l.startsWith("/*") && !l.startsWith("//")).count();
        }
    }

    /**
     * Keeps a build's analysis within its time: at about 0.9 s per mutant on 2 cores after a minute of measuring
     * coverage, 400 mutants add about 7 minutes to a build that takes 9 to 13 of CI's 20.
     *
     * @param mutants about how many mutants the plan analyses
     * @param budget the most a build analyses; 0 for no limit
     * @param history the history file, named in the advice
     * @throws IllegalArgumentException if there are more, with what to do
     */
    static void checkBudget(final int mutants, final int budget, final Path history) {
        if (budget > 0 && mutants > budget) {
            throw new IllegalArgumentException("about " + mutants + " mutants to analyse, more than this build's "
                + "budget of " + budget + " (mutation.budget); run .ci/mutation-changed, which has none, and commit "
                + history + " with the change");
        }
    }

    private static int budget(final String value) {
        try {
            return Integer.parseInt(value);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("mutation.budget is '" + value + "', not a whole number of mutants", e);
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
        Files.write(planDir.resolve(FILES), analyse.keySet(), StandardCharsets.UTF_8);
    }

    /**
     * @param planDir where {@link #write} put the plan
     * @return the files it names to analyse
     * @throws IOException if the plan cannot be read
     * @throws IllegalArgumentException if there is no plan
     */
    static Set<String> files(final Path planDir) throws IOException {
        final Path plan = planDir.resolve(FILES);
        if (!Files.exists(plan)) {
            throw new IllegalArgumentException(plan + ": no plan; the mutation-plan step writes it first");
        }
        final Set<String> out = new TreeSet<>();
        for (final String line : Files.readAllLines(plan, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
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

    private static String describe(final SortedMap<String, String> analyse, final int mutants, final int files,
        final Path history, final boolean skipped) {
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
        return "mutation plan: " + analyse.size() + " of " + files + " library source files to analyse, about "
            + mutants + " mutants: " + String.join(", ", why);
    }
}
