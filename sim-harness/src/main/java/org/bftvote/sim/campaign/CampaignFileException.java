package org.bftvote.sim.campaign;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A campaign file (plan or run result) that cannot be used: damaged, of another campaign, or missing. The message
 * is one line: the file, the line when there is one, and what is wrong.
 */
public final class CampaignFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file    the file
     * @param line    1-based line, or 0 for the file as a whole
     * @param problem what is wrong, and what to do about it when that is not obvious
     */
    public CampaignFileException(final Path file, final int line, final String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
