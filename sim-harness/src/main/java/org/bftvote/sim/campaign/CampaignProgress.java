package org.bftvote.sim.campaign;

/**
 * Hears how a campaign advances. Called from the worker threads, one call at a time (the campaign serialises the
 * calls), never on the simulation's frame path.
 */
public interface CampaignProgress {
    /**
     * The campaign starts its slice.
     *
     * @param total       runs in the slice
     * @param alreadyDone of them, runs found finished on disk (resume)
     * @param threads     worker threads
     */
    void started(long total, long alreadyDone, int threads);

    /**
     * A run finished and its result is on disk.
     *
     * @param run the run's figures
     */
    void finished(CampaignRun run);

    /**
     * Something the user should read that is not a run's result (a damaged result file that will be run again).
     *
     * @param message one line
     */
    void note(String message);

    /** Every run of the slice is done (or the campaign stopped); the aggregate comes next. */
    void done();
}
