package org.bftvote.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The library's branch-coverage gate, run by {@code mvn verify} after JaCoCo's report: every branch of the library is
 * covered, except the ones listed in the reviewed file {@code config/coverage/uncovered-branches.txt}, each with the
 * reason it is not. The listing is per method: {@code class#method(descriptor) missed=N -- reason}. The gate fails
 * when a method misses a branch it does not list (a new gap), and when it lists more than are missed (a stale entry:
 * the list shrinks as tests are added, never silently).
 *
 * <p>Usage: {@code CoverageGate JACOCO_XML REVIEWED_LIST}; exit 0 when the two agree, 1 with one line per difference.
 */
public final class CoverageGate {
    private static final Pattern CLASS = Pattern.compile("<class name=\"([^\"]+)\"[^>]*>");
    private static final Pattern METHOD = Pattern.compile(
        "<method name=\"([^\"]+)\" desc=\"([^\"]+)\"[^>]*>(.*?)</method>", Pattern.DOTALL);
    private static final Pattern BRANCH = Pattern.compile(
        "<counter type=\"BRANCH\" missed=\"(\\d+)\" covered=\"(\\d+)\"/>");
    private static final Pattern ENTRY = Pattern.compile("^(\\S+) missed=(\\d+) -- (.+)$");

    private CoverageGate() {
    }

    /**
     * Compares the report with the reviewed list and exits with the verdict.
     *
     * @param args the JaCoCo XML report and the reviewed list
     * @throws IOException if either cannot be read
     */
    public static void main(final String[] args) throws IOException {
        final Map<String, int[]> measured = measured(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        final Map<String, Integer> listed = listed(Path.of(args[1]));
        final List<String> problems = compare(measured, listed);
        int missed = 0;
        int total = 0;
        for (final int[] m : measured.values()) {
            missed += m[0];
            total += m[0] + m[1];
        }
        System.out.printf("library branch coverage: %d of %d branches covered (%.2f %%), %d missed, all listed%n",
            total - missed, total, 100.0 * (total - missed) / Math.max(1, total), missed);
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.out.println("coverage gate: " + p));
            System.out.println("coverage gate: FAILED (" + problems.size() + " difference(s) with " + args[1] + ")");
            System.exit(1);
        }
    }

    /**
     * @param xml JaCoCo's XML report
     * @return per method ({@code class#name(desc)}), its missed and covered branch counts, methods with branches only
     */
    static Map<String, int[]> measured(final String xml) {
        final Map<String, int[]> out = new TreeMap<>();
        final Matcher classes = CLASS.matcher(xml);
        while (classes.find()) {
            final String owner = classes.group(1).replace('/', '.');
            final int end = xml.indexOf("</class>", classes.end());
            final Matcher methods = METHOD.matcher(xml.substring(classes.end(), end));
            while (methods.find()) {
                final Matcher branch = BRANCH.matcher(methods.group(3));
                if (branch.find()) {
                    out.put(owner + "#" + methods.group(1).replace("&lt;", "<").replace("&gt;", ">")
                        + methods.group(2), new int[] {Integer.parseInt(branch.group(1)),
                            Integer.parseInt(branch.group(2))});
                }
            }
        }
        return out;
    }

    /**
     * @param file the reviewed list: {@code #} comments, blank lines, and {@code method missed=N -- reason} entries
     * @return per method, the number of branches it may miss
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
            if (!m.matches() || m.group(3).isBlank()) {
                throw new IllegalArgumentException(file + ":" + number
                    + ": expected 'class#method(desc) missed=N -- reason', got: " + line);
            }
            if (out.put(m.group(1), Integer.parseInt(m.group(2))) != null) {
                throw new IllegalArgumentException(file + ":" + number + ": " + m.group(1) + " listed twice");
            }
        }
        return out;
    }

    /**
     * @param measured per method, missed and covered branches
     * @param listed   per method, the branches it may miss
     * @return one line per difference, empty when the report and the list agree
     */
    static List<String> compare(final Map<String, int[]> measured, final Map<String, Integer> listed) {
        final List<String> problems = new ArrayList<>();
        for (final Map.Entry<String, int[]> e : measured.entrySet()) {
            final int missed = e.getValue()[0];
            final int allowed = listed.getOrDefault(e.getKey(), 0);
            if (missed > allowed) {
                problems.add(e.getKey() + " misses " + missed + " branch(es), " + allowed + " listed: cover them or "
                    + "list them with the reason they cannot be reached");
            } else if (missed < allowed) {
                problems.add(e.getKey() + " misses " + missed + " branch(es) but " + allowed + " are listed: "
                    + "lower the entry to missed=" + missed + (missed == 0 ? " (remove it)" : ""));
            }
        }
        for (final String method : listed.keySet()) {
            if (!measured.containsKey(method)) {
                problems.add(method + " is listed but has no branches in the report (renamed or removed?)");
            }
        }
        return problems;
    }
}
