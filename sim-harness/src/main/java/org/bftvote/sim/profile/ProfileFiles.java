package org.bftvote.sim.profile;

import java.nio.file.Path;

import org.bftvote.sim.yaml.ProfileException;
import org.bftvote.sim.yaml.YMap;
import org.bftvote.sim.yaml.YNode;

/**
 * Helpers shared by the profile and scenario readers: the {@code kind}/{@code name} header and file display names.
 */
public final class ProfileFiles {

    private ProfileFiles() {
    }

    /**
     * Returns how a file is named in messages: relative to the working directory when inside it, else absolute.
     *
     * @param file the file
     * @return the display name, with forward slashes
     */
    public static String display(final Path file) {
        final Path absolute = file.toAbsolutePath().normalize();
        final Path cwd = Path.of("").toAbsolutePath().normalize();
        final Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /**
     * Returns the profile name a file must declare: its file name without {@code .yaml}.
     *
     * @param file the file
     * @return the stem
     */
    public static String stem(final Path file) {
        final String fileName = file.getFileName().toString();
        return fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - ".yaml".length()) : fileName;
    }

    /**
     * Reads the {@code kind} field and checks it.
     *
     * @param root     the document root
     * @param expected the kind the file must have
     * @throws ProfileException if the kind is missing or different
     */
    public static void checkKind(final YMap root, final String expected) throws ProfileException {
        final YNode kind = root.required("kind");
        final String actual = kind.asString();
        if (!actual.equals(expected)) {
            throw kind.error("expected '" + expected + "' here, got '" + actual + "'");
        }
    }

    /**
     * Reads the {@code name} field and checks that it equals the file name without {@code .yaml}, so references by
     * name always find the file.
     *
     * @param root the document root
     * @param file the file
     * @return the name
     * @throws ProfileException if the name is missing or differs from the file name
     */
    public static String checkName(final YMap root, final Path file) throws ProfileException {
        final YNode name = root.required("name");
        final String actual = name.asString();
        final String expected = stem(file);
        if (!actual.equals(expected)) {
            throw name.error("expected '" + expected + "' (the file name without .yaml), got '" + actual + "'");
        }
        return actual;
    }
}
