package org.bftvote.sim.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The guard every command runs on its output folder before writing: a folder that already holds files (the results
 * of an earlier run, which would otherwise stay beside the new ones and be mistaken for them) is refused, unless the
 * user asked for {@code --force}, which clears it first. A missing folder is created; an empty one is used as it is.
 *
 * <p>{@code --force} never clears a folder that holds a {@code .git} entry or is the root of its file system: such
 * a folder is not an output folder, and clearing it would destroy work.
 */
public final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * A folder that cannot be used for output; the message names it, says why and what to do.
     */
    public static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        /** @param message for people: the folder, why, and what to do */
        public RefusedException(final String message) {
            super(message);
        }
    }

    /**
     * Makes {@code dir} ready for a command's outputs.
     *
     * @param dir   the output folder
     * @param force whether to clear a folder that holds files
     * @return {@code dir}
     * @throws RefusedException if it is a file, or holds files and {@code force} is false, or is a folder
     *                          {@code --force} never clears
     * @throws IOException      if it cannot be created or cleared
     */
    public static Path prepare(final Path dir, final boolean force) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RefusedException("output " + dir + ": exists and is not a folder");
        }
        if (!Files.exists(dir)) {
            return Files.createDirectories(dir);
        }
        final List<Path> entries;
        try (var list = Files.list(dir)) {
            entries = list.sorted().toList();
        }
        if (entries.isEmpty()) {
            return dir;
        }
        if (!force) {
            throw new RefusedException("output " + dir + ": holds " + entries.size() + " older file"
                + (entries.size() == 1 ? "" : "s") + " (" + names(entries) + "); add --force to clear it first, "
                + "or choose another folder with --out");
        }
        if (Files.exists(dir.resolve(".git")) || dir.toAbsolutePath().normalize().getParent() == null) {
            throw new RefusedException("output " + dir + ": --force does not clear a folder holding .git or a "
                + "file system root; choose another folder with --out");
        }
        for (final Path entry : entries) {
            delete(entry);
        }
        return dir;
    }

    private static String names(final List<Path> entries) {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(3, entries.size()); i++) {
            sb.append(i == 0 ? "" : ", ").append(entries.get(i).getFileName());
        }
        return entries.size() > 3 ? sb.append(", ...").toString() : sb.toString();
    }

    private static void delete(final Path entry) throws IOException {
        if (Files.isDirectory(entry) && !Files.isSymbolicLink(entry)) {
            try (var walk = Files.walk(entry)) {
                for (final Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        } else {
            Files.delete(entry);
        }
    }
}
