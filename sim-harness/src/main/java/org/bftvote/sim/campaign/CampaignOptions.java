package org.bftvote.sim.campaign;

import java.util.List;

/**
 * How this process runs its slice of a campaign; none of it changes the campaign's results.
 *
 * @param threads   worker threads, &gt;= 1
 * @param resume    continue the campaign already in the directory (same plan; finished runs are kept); in a
 *                  directory holding no campaign yet it starts one
 * @param force     clear a directory holding older files (or another campaign) first
 * @param arguments the command line after {@code bftvote-sim}, for the provenance
 */
public record CampaignOptions(int threads, boolean resume, boolean force, List<String> arguments) {
    /**
     * @param threads   see the record description
     * @param resume    see the record description
     * @param force     see the record description
     * @param arguments see the record description
     */
    public CampaignOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (resume && force) {
            throw new IllegalArgumentException("--resume keeps the finished runs and --force clears them: give one");
        }
        arguments = List.copyOf(arguments);
    }
}
