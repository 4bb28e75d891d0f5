package org.bftvote.sim.campaign;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files that appear whole or not at all: the text goes to a temporary file beside the target (same directory, so
 * the same file system), is forced to the device, and is then moved over the target in one atomic rename. A
 * process killed at any point leaves either the old file (or none) or the new one, never a part; at worst a
 * temporary file named {@code .<name>.<thread>.tmp} stays behind, which nothing reads.
 */
public final class AtomicFiles {

    /** What a {@link #write} caller writes into the temporary file. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param out the temporary file's writer (UTF-8, not to be closed)
         * @throws IOException if writing fails
         */
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * @param target the file to create or replace
     * @param text   its whole content, written as UTF-8
     * @throws IOException if the file cannot be written or moved into place
     */
    public static void writeString(final Path target, final String text) throws IOException {
        write(target, out -> out.write(text));
    }

    /**
     * @param target the file to create or replace
     * @param body   writes the content (may stream: nothing is held in memory here)
     * @throws IOException if the file cannot be written or moved into place
     */
    public static void write(final Path target, final Body body) throws IOException {
        final Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        final Path temp = dir.resolve("." + target.getFileName() + "." + Thread.currentThread().getId() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            final Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8);
            body.writeTo(out);
            out.flush();
            channel.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (final AtomicMoveNotSupportedException e) {
            // A file system without atomic rename (rare): the plain replace is the best it offers.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
