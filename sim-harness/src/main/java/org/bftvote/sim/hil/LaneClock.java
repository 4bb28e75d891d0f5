package org.bftvote.sim.hil;

/**
 * A lane's own clock: the host's monotonic clock ({@link System#nanoTime()}, the "raw" clock) as a separate computer's
 * oscillator would run it — off by a fixed offset and running fast or slow by a rate error — plus the adjustment the
 * clock synchronisation has applied. Lanes on one host share the raw clock, so the rig can measure their true skew;
 * the offset and rate error make each lane's clock its own, as on separate computers, and the synchronisation
 * must remove them.
 *
 * <pre>
 *  local(raw) = raw + offset + rate · (raw - raw0) + adjustment
 * </pre>
 *
 * Allocation-free. Not thread safe: the adjustment is written by the frame thread; the receiving thread only reads
 * {@link #local(long)} through a volatile adjustment.
 */
final class LaneClock {
    private final long raw0;
    private final long offsetNs;
    private final double rate;
    private volatile long adjustmentNs;

    /**
     * @param raw0      raw time the rate error is measured from
     * @param offsetNs  the oscillator's offset, ns
     * @param rateError the oscillator's rate error (for example 20e-6 runs 20 ppm fast)
     */
    LaneClock(final long raw0, final long offsetNs, final double rateError) {
        this.raw0 = raw0;
        this.offsetNs = offsetNs;
        this.rate = rateError;
    }

    /** @return the lane's clock at raw time {@code raw} */
    long local(final long raw) {
        final long elapsed = raw - raw0;
        return raw + offsetNs + (long) (rate * elapsed) + adjustmentNs;
    }

    /** @return the lane's clock now */
    long now() {
        return local(System.nanoTime());
    }

    /** @return the earliest raw time at which the lane's clock reads at least {@code local} */
    long rawAt(final long local) {
        final long target = local - offsetNs - adjustmentNs - raw0;
        long raw = raw0 + (long) Math.ceil(target / (1.0 + rate));
        while (local(raw) < local) {
            raw++;
        }
        while (local(raw - 1) >= local) {
            raw--;
        }
        return raw;
    }

    /** Adds a correction. */
    void adjust(final long correctionNs) {
        adjustmentNs += correctionNs;
    }

    /** @return the adjustments applied so far */
    long adjustmentNs() {
        return adjustmentNs;
    }
}
