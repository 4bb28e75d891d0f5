package org.bftvote.sim.trace;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.InjectedFault;
import org.bftvote.sim.run.OutputStatusCode;
import org.bftvote.sim.run.RunDescriptor;

/**
 * Seeded random runs and frames for the trace tests: every field of a {@link FrameSample} gets a value drawn from
 * the seed, including NaN, infinities, negative zero, every flag combination and full 64-bit masks.
 */
final class RandomRuns {
    private static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
        Double.MIN_VALUE, Double.MAX_VALUE, Double.longBitsToDouble(0x7ff8_0000_dead_beefL)};

    private RandomRuns() {
    }

    /** @return the seeds the property tests run over */
    static LongStream seeds() {
        return LongStream.range(0, 12).map(i -> 0x7ACE_5EEDL + 7919L * i);
    }

    /** @return how to replay a failing seed */
    static String replay(final long seed) {
        return "seed " + seed + " (rerun with this seed to reproduce)";
    }

    /** A run of random shape: 1..64 lanes (64 sometimes), 1..5 signals, 0..3 outcomes, 0..2 faults. */
    static RunDescriptor descriptor(final SplittableRandom r, final long frames) {
        final int lanes = r.nextInt(8) == 0 ? 64 : 1 + r.nextInt(7);
        final int signals = 1 + r.nextInt(5);
        final RunDescriptor.Builder b = RunDescriptor.builder()
            .scenario("random-" + r.nextInt(1000) + " é ✈")
            .platform("platform-" + r.nextInt(1000))
            .seed(r.nextLong())
            .frameRateHz(1 + r.nextInt(400) + r.nextDouble())
            .lanes(lanes)
            .durationFrames(frames)
            .faultHypothesis("n=" + lanes + " m=" + r.nextInt(3));
        for (int s = 0; s < signals; s++) {
            b.signal("sig_" + s, s % 2 == 0 ? "deg/s" : "");
        }
        final int outcomes = r.nextInt(4);
        for (int m = 0; m < outcomes; m++) {
            b.messageOutcome("outcome_" + m);
        }
        final int faults = r.nextInt(3);
        for (int f = 0; f < faults; f++) {
            b.fault(new InjectedFault("F" + f, "lane target " + f, "kind" + f, r.nextInt(1000), r.nextInt(lanes),
                r.nextInt(signals + 1) - 1));
        }
        return b.build();
    }

    /** Fills every field of the sample with seeded values (allocates nothing). */
    static void fill(final SplittableRandom r, final FrameSample s, final long frame) {
        s.begin(frame, r.nextInt(10) == 0 ? special(r) : frame * 0.01 + r.nextDouble());
        for (int sig = 0; sig < s.signals(); sig++) {
            s.truth(sig, value(r));
            s.oracleFaultyChannels(sig, r.nextLong());
        }
        for (int l = 0; l < s.lanes(); l++) {
            for (int sig = 0; sig < s.signals(); sig++) {
                s.sensor(l, sig, value(r), r.nextBoolean(), r.nextBoolean());
                s.output(l, sig, value(r),
                    r.nextInt(8) == 0 ? r.nextInt() : r.nextInt(OutputStatusCode.values().length),
                    r.nextLong());
            }
            s.excludedLanes(l, r.nextLong());
        }
        s.oracleHealthyLanes(r.nextLong());
        for (int m = 0; m < s.messageOutcomes(); m++) {
            s.addMessages(m, r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(100));
        }
        s.hypothesisExceeded(r.nextBoolean());
    }

    private static double value(final SplittableRandom r) {
        return r.nextInt(10) == 0 ? special(r) : (r.nextDouble() - 0.5) * 1e4;
    }

    private static double special(final SplittableRandom r) {
        return SPECIAL[r.nextInt(SPECIAL.length)];
    }
}
