package org.bftvote.sim.campaign;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a small file of {@code key value} lines in a fixed order, as {@link RunResultFile} and
 * {@link CampaignPlan} write them, and names the file, line and field of the first thing that is not as expected.
 * Not thread safe.
 */
final class KeyedLines {
    private final Path file;
    private final List<String> lines;
    private int next;

    /**
     * @param file  the file, for messages
     * @param lines its lines
     */
    KeyedLines(final Path file, final List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /**
     * @param key the key the next line must start with
     * @return the rest of that line after the key and one space (may be empty)
     * @throws CampaignFileException if the file ends or the next line has another key
     */
    String text(final String key) throws CampaignFileException {
        if (next >= lines.size()) {
            throw new CampaignFileException(file, next + 1, "ends before '" + key + "' (the file is cut short)");
        }
        final String line = lines.get(next++);
        if (line.equals(key)) {
            return "";
        }
        if (!line.startsWith(key + " ")) {
            throw new CampaignFileException(file, next, "expected '" + key + " ...', found '" + shorten(line) + "'");
        }
        return line.substring(key.length() + 1);
    }

    /**
     * @param key the key
     * @return its value as a whole number
     * @throws CampaignFileException if the line is missing or not a whole number
     */
    long number(final String key) throws CampaignFileException {
        final String text = text(key);
        try {
            return Long.parseLong(text);
        } catch (final NumberFormatException e) {
            throw new CampaignFileException(file, next, key + " must be a whole number, found '" + shorten(text)
                + "'");
        }
    }

    /**
     * @param key the key
     * @return its value, {@code true} or {@code false}
     * @throws CampaignFileException if the line is missing or the value is neither
     */
    boolean flag(final String key) throws CampaignFileException {
        final String text = text(key);
        if (!"true".equals(text) && !"false".equals(text)) {
            throw new CampaignFileException(file, next, key + " must be true or false, found '" + shorten(text)
                + "'");
        }
        return "true".equals(text);
    }

    /**
     * @param text  a number as {@link Double#toString(double)} writes it (also NaN)
     * @param field the field's name, for the message
     * @return the number
     * @throws CampaignFileException if it is not a number
     */
    double decimal(final String text, final String field) throws CampaignFileException {
        try {
            return Double.parseDouble(text);
        } catch (final NumberFormatException e) {
            throw new CampaignFileException(file, next, field + " must be a number, found '" + shorten(text) + "'");
        }
    }

    /**
     * @param problem what is wrong with the line just read
     * @return an exception naming the file and that line
     */
    CampaignFileException damaged(final String problem) {
        return new CampaignFileException(file, next, problem);
    }

    /** @return the number of the line last read, 1-based */
    int line() {
        return next;
    }

    private static String shorten(final String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
