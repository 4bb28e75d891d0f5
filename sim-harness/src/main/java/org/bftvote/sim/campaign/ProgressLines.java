package org.bftvote.sim.campaign;

import java.io.PrintWriter;

/**
 * Progress as plain lines, for logs and pipes: one line per finished run, naming each expectation that did not
 * hold. Not thread safe on its own ({@link Campaign} serialises the calls).
 */
public final class ProgressLines implements CampaignProgress {
    private final PrintWriter out;
    private long total;
    private long done;

    /**
     * @param out where the lines go
     */
    public ProgressLines(final PrintWriter out) {
        this.out = out;
    }

    @Override
    public void started(final long totalRuns, final long alreadyDone, final int threads) {
        this.total = totalRuns;
        this.done = alreadyDone;
        if (alreadyDone > 0) {
            out.println("resuming: " + alreadyDone + " of " + totalRuns + " run(s) already finished");
        }
        out.flush();
    }

    @Override
    public void finished(final CampaignRun run) {
        done++;
        out.println(line(run, done, total));
        out.flush();
    }

    @Override
    public void note(final String message) {
        out.println(message);
        out.flush();
    }

    @Override
    public void done() {
        out.flush();
    }

    /**
     * @param run   a finished run
     * @param done  runs finished so far, this one included
     * @param total runs in the slice
     * @return "run 4 (3 of 30 done, seed S): expectations met", or "... NOT met: name: actual (expected ...); ..."
     */
    static String line(final CampaignRun run, final long done, final long total) {
        return "run " + run.index() + " (" + done + " of " + total + " done, seed " + run.seed() + "): "
            + (run.expectationsPassed() ? "expectations met"
                : "expectations NOT met: " + String.join("; ", run.failedExpectations()));
    }
}
