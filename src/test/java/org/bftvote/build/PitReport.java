package org.bftvote.build;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PIT's {@code mutations.xml}, reduced to what the mutation gate and the mutation history count: per mutant, its
 * source file, the method and mutator it belongs to, its status and the test class that detected it.
 */
final class PitReport {
    private static final Pattern MUTATION = Pattern.compile("<mutation\\b([^>]*)>(.*?)</mutation>", Pattern.DOTALL);
    private static final Pattern STATUS = Pattern.compile("status='([A-Z_]+)'");

    private PitReport() {
    }

    /**
     * One mutant.
     *
     * @param sourcePath the mutated class's source file, relative to the source root ({@code org/bftvote/X.java})
     * @param key {@code class#method(descriptor) Mutator}, the unit the reviewed list counts in
     * @param status PIT's status: {@code KILLED}, {@code SURVIVED}, {@code NO_COVERAGE}, {@code TIMED_OUT}, ...
     * @param killingTestClass the top-level test class that detected it, empty when none did
     */
    record Mutant(String sourcePath, String key, String status, String killingTestClass) {
    }

    /**
     * @param xml PIT's {@code mutations.xml}
     * @return its mutants in report order, non-viable ones (which never ran) left out
     */
    static List<Mutant> parse(final String xml) {
        final List<Mutant> out = new ArrayList<>();
        final Matcher m = MUTATION.matcher(xml);
        while (m.find()) {
            final Matcher status = STATUS.matcher(m.group(1));
            final String s = status.find() ? status.group(1) : "";
            if ("NON_VIABLE".equals(s)) {
                continue;
            }
            final String body = m.group(2);
            final String owner = tag(body, "mutatedClass");
            out.add(new Mutant(sourcePath(owner, tag(body, "sourceFile")), key(owner, body), s,
                testClass(tag(body, "killingTest"))));
        }
        return out;
    }

    /** {@code org/bftvote/agreement/EigEngine.java} for {@code org.bftvote.agreement.EigEngine$Row}. */
    private static String sourcePath(final String owner, final String sourceFile) {
        final int dot = owner.lastIndexOf('.');
        return (dot < 0 ? "" : owner.substring(0, dot).replace('.', '/') + "/") + sourceFile;
    }

    /** {@code class#method(desc) Mutator}: the unit the reviewed list counts in. */
    private static String key(final String owner, final String body) {
        final String mutator = tag(body, "mutator");
        return owner + "#" + tag(body, "mutatedMethod").replace("&lt;", "<").replace("&gt;", ">")
            + tag(body, "methodDescription") + " " + mutator.substring(mutator.lastIndexOf('.') + 1);
    }

    /**
     * PIT names a JUnit 5 test {@code pkg.Class.[engine:junit-jupiter]/[class:pkg.Class]/[method:m()]}; a nested
     * class's tests belong to its top-level class's file.
     */
    private static String testClass(final String killingTest) {
        final int engine = killingTest.indexOf(".[");
        final String name = engine < 0 ? killingTest : killingTest.substring(0, engine);
        final int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    private static String tag(final String body, final String name) {
        final int start = body.indexOf("<" + name + ">");
        final int end = body.indexOf("</" + name + ">", start);
        return start < 0 || end < 0 ? "" : body.substring(start + name.length() + 2, end);
    }
}
