package org.bftvote.sim.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import org.bftvote.sim.yaml.ProfileException;

/**
 * Evaluates numbered samples on worker threads and returns them in number order. Each sample is a function of its
 * number alone, so the result does not depend on the thread count or on which thread ran which sample.
 */
final class ParallelSamples {

    /** One sample's work. */
    @FunctionalInterface
    interface Task<T> {
        /**
         * @param index the sample's number
         * @return its result
         * @throws ProfileException if the platform asks for a configuration the library refuses
         */
        T run(int index) throws ProfileException;
    }

    private ParallelSamples() {
    }

    /**
     * @param from     first number
     * @param to       one past the last number
     * @param threads  worker threads, &gt;= 1
     * @param task     the work
     * @param finished hears each finished sample (serialised), e.g. for progress
     * @param <T>      result type
     * @return the results of {@code from .. to-1}, in that order
     * @throws ProfileException if a sample's configuration is refused
     */
    static <T> List<T> run(final int from, final int to, final int threads, final Task<T> task,
        final IntConsumer finished) throws ProfileException {
        final Object[] results = new Object[Math.max(0, to - from)];
        final AtomicInteger next = new AtomicInteger(from);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread[] workers = new Thread[Math.max(1, Math.min(threads, results.length))];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < to && failure.get() == null; i = next.getAndIncrement()) {
                    try {
                        results[i - from] = task.run(i);
                        synchronized (finished) {
                            finished.accept(i);
                        }
                    } catch (final ProfileException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "reliability-worker-" + t);
            workers[t].start();
        }
        join(workers);
        final Throwable e = failure.get();
        if (e instanceof ProfileException p) {
            throw p;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        final List<T> out = new ArrayList<>(results.length);
        for (final Object o : Arrays.asList(results)) {
            @SuppressWarnings("unchecked")
            final T t = (T) o;
            out.add(t);
        }
        return out;
    }

    private static void join(final Thread[] workers) {
        boolean interrupted = false;
        for (final Thread w : workers) {
            while (true) {
                try {
                    w.join();
                    break;
                } catch (final InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
