package org.bftvote.sim.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Says why a file operation failed, in words and without Java class names: what every message about a file the
 * harness could not read or write uses. {@code NoSuchFileException}'s own message is the bare path, and a
 * {@code MalformedInputException}'s is "Input length = 1"; neither tells a user what went wrong.
 */
public final class IoReasons {
    private IoReasons() {
    }

    /**
     * @param e an I/O failure (an {@link UncheckedIOException} is unwrapped)
     * @return why it failed, e.g. {@code no such file or directory}, {@code is a directory},
     *         {@code not UTF-8 text}
     */
    public static String reason(final Throwable e) {
        final Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (cause instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (cause instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (cause instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (cause instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (cause instanceof FileSystemException f && f.getReason() != null) {
            return lowerFirst(f.getReason());
        }
        final String message = cause.getMessage();
        return message == null || message.isBlank() ? "input/output error" : lowerFirst(message);
    }

    /**
     * @param e an I/O failure
     * @return {@code FILE: reason} when the failure names a file, else the reason alone
     */
    public static String describe(final Throwable e) {
        final Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (cause instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + reason(f);
        }
        return reason(cause);
    }

    /**
     * @param e a failure that may have been caused, somewhere down its chain, by an I/O failure
     * @return that I/O failure's reason, or {@code null} if there is none in the chain
     */
    public static String reasonInChain(final Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return reason(t);
            }
        }
        return null;
    }

    private static String lowerFirst(final String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
