package org.bftvote.sim.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.bftvote.sim.yaml.ProfileException;

/**
 * Runs a campaign's slice on worker threads: each worker takes the next run number not yet taken, skips it when
 * resuming and its result is already on disk, else runs it ({@link Campaign#execute}). Runs are independent, so
 * the order in which they finish changes nothing on disk. The first failure stops the workers after their current
 * run and is thrown once all have stopped; the runs finished by then stay on disk for a resume.
 */
final class SliceRunner {
    private final Campaign campaign;
    private final Path dir;
    private final int threads;
    private final boolean resume;
    private final CampaignProgress progress;
    private final long end;
    private final AtomicLong next;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /**
     * @param campaign the campaign
     * @param dir      its directory
     * @param threads  worker threads, &gt;= 1
     * @param resume   whether finished runs on disk are kept
     * @param progress hears each finished run (calls serialised here)
     */
    SliceRunner(final Campaign campaign, final Path dir, final int threads, final boolean resume,
        final CampaignProgress progress) {
        this.campaign = campaign;
        this.dir = dir;
        this.threads = threads;
        this.resume = resume;
        this.progress = progress;
        this.end = campaign.plan().endRun();
        this.next = new AtomicLong(campaign.plan().firstRun());
    }

    /**
     * Runs every unfinished run of the slice.
     *
     * @throws ProfileException if a run's configuration is refused by the library
     * @throws IOException      if a run's files cannot be written, or the wait is interrupted
     */
    void runAll() throws ProfileException, IOException {
        final long first = campaign.plan().firstRun();
        synchronized (progress) {
            progress.started(end - first, resume ? finishedOnDisk(first) : 0, threads);
        }
        final Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(this::work, "campaign-worker-" + t);
            workers[t].start();
        }
        try {
            for (final Thread w : workers) {
                w.join();
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the campaign's runs", e);
        } finally {
            synchronized (progress) {
                progress.done();
            }
        }
        rethrow(failure.get());
    }

    private long finishedOnDisk(final long first) {
        long found = 0;
        for (long i = first; i < end; i++) {
            found += Files.exists(Campaign.resultFile(dir, i, campaign.plan().seed(i))) ? 1 : 0;
        }
        return found;
    }

    private void work() {
        for (long index = next.getAndIncrement(); index < end && failure.get() == null;
            index = next.getAndIncrement()) {
            try {
                if (resume && storedIntact(index)) {
                    continue;
                }
                final CampaignRun run = campaign.execute(dir, index);
                synchronized (progress) {
                    progress.finished(run);
                }
            } catch (final Exception e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    /** A stored result that cannot be read is run again, and said so. */
    private boolean storedIntact(final long index) {
        try {
            return campaign.stored(dir, index) != null;
        } catch (final IOException e) {
            synchronized (progress) {
                progress.note("run " + index + " will run again: its result is unusable (" + e.getMessage() + ")");
            }
            return false;
        }
    }

    private static void rethrow(final Exception e) throws ProfileException, IOException {
        if (e == null) {
            return;
        }
        if (e instanceof ProfileException p) {
            throw p;
        }
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw new IllegalStateException(e);
    }
}
