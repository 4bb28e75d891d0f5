package org.bftvote.build;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The library's mutation gate, run after PIT: every mutant PIT made in the classes it analysed is detected, except
 * the ones listed in the reviewed file {@code config/mutation/surviving-mutants.txt}, each with its reason (an
 * equivalent mutant, with why no test can tell it from the original). The listing is per method and mutator:
 * {@code class#method(descriptor) Mutator missed=N -- reason}. The gate fails on a survivor (or an uncovered mutant)
 * it does not list, and on an entry of an analysed class that lists more than survive or time out; entries of
 * classes the run did not analyse (a run scoped to what changed) are left alone. It prints the score and, with a
 * threshold, fails below it.
 *
 * <p>A listed mutant that timed out is counted with the survivors when checking for stale entries: an equivalent
 * mutant that runs the same loops as the original can still exceed PIT's time limit on a loaded machine, and that is
 * no test's verdict. PIT's score counts it as detected, as PIT does.
 *
 * <p>Usage: {@code MutationGate MUTATIONS_XML REVIEWED_LIST [MIN_SCORE_PERCENT]}; exit 0 when they agree.
 */
public final class MutationGate {
    private static final Pattern ENTRY = Pattern.compile("^(\\S+) (\\S+) missed=(\\d+) -- (.+)$");

    private MutationGate() {
    }

    /**
     * Compares PIT's report with the reviewed list and exits with the verdict.
     *
     * @param args PIT's {@code mutations.xml}, the reviewed list, optionally the minimum score in percent
     * @throws IOException if either file cannot be read
     */
    public static void main(final String[] args) throws IOException {
        final Report report = read(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        final Map<String, Integer> listed = listed(Path.of(args[1]));
        if (!judge(report, listed, args[1], args.length > 2 ? args[2] : null, System.out)) {
            System.exit(1);
        }
    }

    /**
     * Prints the score and one line per difference between what was found and the reviewed list.
     *
     * @param report what PIT found (one run, or the mutation history)
     * @param listed the reviewed list
     * @param listName the reviewed list's file, named in the verdict
     * @param minScore the least score in percent of the mutants not listed, or {@code null} for none
     * @param out where the verdict goes
     * @return whether the gate passes
     */
    static boolean judge(final Report report, final Map<String, Integer> listed, final String listName,
        final String minScore, final PrintStream out) {
        final List<String> problems = compare(report, listed);
        int equivalent = 0;
        for (final Map.Entry<String, Integer> e : listed.entrySet()) {
            if (report.classes.contains(owner(e.getKey()))) {
                equivalent += Math.min(e.getValue(), report.survivors.getOrDefault(e.getKey(), 0));
            }
        }
        final double score = 100.0 * report.detected / Math.max(1, report.total);
        final double adjusted = 100.0 * report.detected / Math.max(1, report.total - equivalent);
        out.printf("mutation score: %d of %d mutants detected (%.1f %%) in %d classes; %d listed survivors; "
            + "%.1f %% of the mutants not listed%n", report.detected, report.total, score, report.classes.size(),
            equivalent, adjusted);
        if (minScore != null && adjusted < Double.parseDouble(minScore)) {
            problems.add(String.format("score %.1f %% is below %s %%", adjusted, minScore));
        }
        problems.forEach(p -> out.println("mutation gate: " + p));
        if (!problems.isEmpty()) {
            out.println("mutation gate: FAILED (" + problems.size() + " difference(s) with " + listName + ")");
        }
        return problems.isEmpty();
    }

    /** What one PIT run found. */
    static final class Report {
        /** Mutants made. */
        int total;
        /** Mutants a test detected (killed, timed out, or crashed the test run). */
        int detected;
        /** Per {@code class#method(desc) Mutator}, the mutants no test detected. */
        final Map<String, Integer> survivors = new TreeMap<>();
        /** Per {@code class#method(desc) Mutator}, the mutants whose test run exceeded PIT's time limit. */
        final Map<String, Integer> timedOut = new TreeMap<>();
        /** The classes the run mutated. */
        final Set<String> classes = new TreeSet<>();

        /**
         * Counts mutants of one method and mutator that ended the same way.
         *
         * @param key {@code class#method(desc) Mutator}
         * @param status PIT's status; survived and without coverage count as survivors, every other one as detected
         * @param count how many
         */
        void add(final String key, final String status, final int count) {
            if (count == 0) {
                return;
            }
            classes.add(owner(key));
            total += count;
            if ("SURVIVED".equals(status) || "NO_COVERAGE".equals(status)) {
                survivors.merge(key, count, Integer::sum);
            } else {
                detected += count;
                if ("TIMED_OUT".equals(status)) {
                    timedOut.merge(key, count, Integer::sum);
                }
            }
        }
    }

    /**
     * @param xml PIT's {@code mutations.xml}
     * @return the counts the gate compares
     */
    static Report read(final String xml) {
        final Report report = new Report();
        for (final PitReport.Mutant m : PitReport.parse(xml)) {
            report.add(m.key(), m.status(), 1);
        }
        return report;
    }

    /**
     * @param file the reviewed list: {@code #} comments, blank lines, and {@code method Mutator missed=N -- reason}
     * @return per method and mutator, the mutants that may survive
     * @throws IOException if the file cannot be read
     */
    static Map<String, Integer> listed(final Path file) throws IOException {
        final Map<String, Integer> out = new TreeMap<>();
        int number = 0;
        for (final String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            final String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final Matcher m = ENTRY.matcher(line);
            if (!m.matches() || m.group(4).isBlank()) {
                throw new IllegalArgumentException(file + ":" + number
                    + ": expected 'class#method(desc) Mutator missed=N -- reason', got: " + line);
            }
            if (out.put(m.group(1) + " " + m.group(2), Integer.parseInt(m.group(3))) != null) {
                throw new IllegalArgumentException(file + ":" + number + ": listed twice");
            }
        }
        return out;
    }

    /**
     * @param report what the run found
     * @param listed the reviewed list
     * @return one line per difference in the analysed classes, empty when they agree
     */
    static List<String> compare(final Report report, final Map<String, Integer> listed) {
        final List<String> problems = new ArrayList<>();
        for (final Map.Entry<String, Integer> e : report.survivors.entrySet()) {
            final int allowed = listed.getOrDefault(e.getKey(), 0);
            if (e.getValue() > allowed) {
                problems.add(e.getKey() + ": " + e.getValue() + " mutant(s) survive, " + allowed + " listed: add a "
                    + "test that detects them, or list them as equivalent with the reason");
            }
        }
        for (final Map.Entry<String, Integer> e : listed.entrySet()) {
            if (!report.classes.contains(owner(e.getKey()))) {
                continue;
            }
            final int survive = report.survivors.getOrDefault(e.getKey(), 0);
            final int timedOut = report.timedOut.getOrDefault(e.getKey(), 0);
            if (survive + timedOut < e.getValue()) {
                problems.add(e.getKey() + ": " + e.getValue() + " listed but " + survive + " survive"
                    + (timedOut == 0 ? "" : " and " + timedOut + " timed out") + ": lower the entry"
                    + (survive + timedOut == 0 ? " (remove it)" : " to missed=" + (survive + timedOut)));
            }
        }
        return problems;
    }

    private static String owner(final String key) {
        return key.substring(0, key.indexOf('#'));
    }
}
