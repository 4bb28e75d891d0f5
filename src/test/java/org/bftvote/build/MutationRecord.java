package org.bftvote.build;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/**
 * The last mutation step of {@code mvn verify} and {@code .ci/mutation-changed}, after PIT analysed what
 * {@link MutationPlan} named: replaces those files' records in the mutation history with what PIT found, runs the
 * mutation gate ({@link MutationGate}) on the whole history, every library file's latest analysis (every mutant
 * detected or listed with its reason, and the score of those not listed at least the minimum), and writes the history
 * when the gate passes. A history with a survivor no entry lists is never written: no test changed yet, so no plan
 * would analyse that file again once a test or an entry is added.
 *
 * <p>Usage: {@code MutationRecord HISTORY LIBRARY_ROOT TEST_ROOT PLAN_DIR REPORT REVIEWED_LIST MIN_SCORE OUT};
 * exit 0 when the gate passes, 1 when it fails, 2 when an input is missing or damaged.
 */
public final class MutationRecord {
    private MutationRecord() {
    }

    /**
     * Merges, writes and judges.
     *
     * @param args see the class comment
     * @throws IOException if a file cannot be read or written
     */
    public static void main(final String[] args) throws IOException {
        if (args.length != 8) {
            System.out.println("mutation history: expected 8 arguments (HISTORY LIBRARY_ROOT TEST_ROOT PLAN_DIR REPORT "
                + "REVIEWED_LIST MIN_SCORE OUT), got " + args.length);
            System.exit(2);
        }
        final boolean passes;
        try {
            passes = record(args, System.out);
        } catch (final IllegalArgumentException e) {
            System.out.println("mutation history: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (!passes) {
            System.exit(1);
        }
    }

    /**
     * @param args see the class comment
     * @param out where the verdict goes
     * @return whether the gate passes (the history is written only then)
     * @throws IOException if a file cannot be read or written
     * @throws IllegalArgumentException if an input is missing or damaged
     */
    static boolean record(final String[] args, final PrintStream out) throws IOException {
        final Set<String> analysed = MutationPlan.files(Path.of(args[3]));
        final MutationHistory merged = merge(args, analysed);
        final boolean passes = MutationGate.judge(merged.report(), MutationGate.listed(Path.of(args[5])), args[5],
            args[6], out);
        if (passes) {
            final Path file = Path.of(args[7]);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, merged.format(), StandardCharsets.UTF_8);
            out.println(describe(merged, analysed.size(), Path.of(args[0]), file));
        } else {
            out.println("mutation history: not written, as the gate failed; the files analysed in this run "
                + "stay to analyse, so that the next run sees the tests or list entries added since");
        }
        return passes;
    }

    /**
     * @param args see the class comment
     * @param analysed the files the plan named ({@link MutationPlan#files})
     * @return the history with the planned files' records replaced by this run's
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if PIT's report is missing, or the merged history still holds a file as not
     *     analysed
     */
    static MutationHistory merge(final String[] args, final Set<String> analysed) throws IOException {
        final Path history = Path.of(args[0]);
        final Path testRoot = Path.of(args[2]);
        final SortedMap<String, String> library = SourceHashes.underRoot(Path.of(args[1]));
        final List<PitReport.Mutant> mutants = analysed.isEmpty() ? List.of() : mutants(Path.of(args[4]), analysed);
        final MutationHistory merged = MutationHistory.read(history).merge(library, testRoot, analysed, mutants);
        final SortedMap<String, String> left = merged.changed(library, testRoot);
        if (!left.isEmpty()) {
            throw new IllegalArgumentException(left.size() + " library source file(s) not analysed since they changed, "
                + "first " + left.firstKey() + " (" + left.get(left.firstKey()) + "); the mutation-plan step names "
                + "them and PIT analyses them before this step");
        }
        return merged;
    }

    private static String describe(final MutationHistory merged, final int analysed, final Path history,
        final Path out) {
        final String written = "mutation history: " + merged.sources().size() + " library source files, "
            + analysed + " analysed in this run, written to " + out;
        if (analysed == 0 || out.toAbsolutePath().normalize().equals(history.toAbsolutePath().normalize())) {
            return written;
        }
        return written + "\nmutation history: " + history + " does not hold this run's analysis; "
            + ".ci/mutation-changed writes it there, so that the next build need not analyse these files again";
    }

    private static List<PitReport.Mutant> mutants(final Path report, final Set<String> analysed) throws IOException {
        if (!Files.exists(report)) {
            throw new IllegalArgumentException(report + ": PIT wrote no report, though " + analysed.size()
                + " library source file(s) were to be analysed");
        }
        return PitReport.parse(Files.readString(report, StandardCharsets.UTF_8));
    }
}
