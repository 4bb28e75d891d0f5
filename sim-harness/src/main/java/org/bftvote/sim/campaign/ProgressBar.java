package org.bftvote.sim.campaign;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress as one redrawn terminal line: a bar, runs done of total, the rate (runs per second over this
 * process's runs) and the time left at that rate. A run whose expectations fail gets its own line above the bar,
 * naming them. The bar is redrawn at most every {@value #REDRAW_NANOS} ns, and once at the end. Reads the wall
 * clock (passed in, so tests can drive it); nothing it prints reaches the campaign's files. Not thread safe on
 * its own ({@link Campaign} serialises the calls).
 */
public final class ProgressBar implements CampaignProgress {
    /** Least time between two redraws, ns. */
    static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final LongSupplier nanoClock;
    private long total;
    private long done;
    private long resumed;
    private long startNanos;
    private long lastDraw = Long.MIN_VALUE;
    private int drawnLength;

    /**
     * @param out       the terminal
     * @param nanoClock a monotonic clock, ns ({@code System::nanoTime})
     */
    public ProgressBar(final PrintWriter out, final LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
    }

    @Override
    public void started(final long totalRuns, final long alreadyDone, final int threads) {
        this.total = totalRuns;
        this.done = alreadyDone;
        this.resumed = alreadyDone;
        this.startNanos = nanoClock.getAsLong();
        if (alreadyDone > 0) {
            note("resuming: " + alreadyDone + " of " + totalRuns + " run(s) already finished");
        }
        draw(true);
    }

    @Override
    public void finished(final CampaignRun run) {
        done++;
        if (!run.expectationsPassed()) {
            note(ProgressLines.line(run, done, total));
        }
        draw(done == total);
    }

    @Override
    public void note(final String message) {
        clear();
        out.println(message);
        drawnLength = 0;
        draw(true);
    }

    @Override
    public void done() {
        draw(true);
        out.println();
        out.flush();
        drawnLength = 0;
    }

    private void draw(final boolean force) {
        final long now = nanoClock.getAsLong();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        final String line = line(done, total, done - resumed, now - startNanos);
        clear();
        out.print(line);
        out.flush();
        drawnLength = line.length();
    }

    private void clear() {
        if (drawnLength > 0) {
            out.print('\r' + " ".repeat(drawnLength) + '\r');
        }
    }

    /**
     * @param done        runs finished
     * @param total       runs in the slice
     * @param ranHere     runs this process finished
     * @param elapsedNanos time since this process started the slice
     * @return the bar, e.g. {@code [#########.....................]  30/100  4.2 runs/s  ETA 17s}
     */
    static String line(final long done, final long total, final long ranHere, final long elapsedNanos) {
        final int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        final double seconds = elapsedNanos / 1e9;
        final double rate = seconds > 0 ? ranHere / seconds : 0.0;
        final String eta = rate > 0 ? duration((total - done) / rate) : "--";
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total
            + String.format(Locale.ROOT, "  %.3g runs/s  ETA %s", rate, eta);
    }

    /**
     * @param seconds a duration
     * @return it as {@code 42s}, {@code 7m05s} or {@code 3h12m}
     */
    static String duration(final double seconds) {
        final long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
