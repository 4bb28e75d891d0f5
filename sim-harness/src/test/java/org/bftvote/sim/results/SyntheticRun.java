package org.bftvote.sim.results;

import java.util.SplittableRandom;

import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.InjectedFault;
import org.bftvote.sim.run.OutputStatusCode;
import org.bftvote.sim.run.RunDescriptor;

/**
 * Hand-built runs for the results tests: 4 lanes, 2 signals ({@code pitch_rate} in deg/s, {@code altitude} in m),
 * 100 Hz, two message outcomes. A nominal frame has the truth {@code sin}, sensors spread around it, every lane
 * voting the truth exactly with status NORMAL and every channel healthy.
 */
final class SyntheticRun {
    static final int LANES = 4;
    static final int SIGNALS = 2;
    static final long ALL = 0b1111L;

    private SyntheticRun() {
    }

    static RunDescriptor.Builder builder(final long frames) {
        return RunDescriptor.builder()
            .scenario("synthetic")
            .platform("test-quad")
            .seed(42L)
            .frameRateHz(100.0)
            .lanes(LANES)
            .signal("pitch_rate", "deg/s")
            .signal("altitude", "m")
            .messageOutcome("delivered")
            .messageOutcome("bad_crc")
            .durationFrames(frames)
            .faultHypothesis("n=4 m=1: one asymmetric fault");
    }

    static RunDescriptor descriptor(final long frames) {
        return builder(frames).build();
    }

    static double truth(final long frame, final int signal) {
        return signal == 0 ? 10.0 * Math.sin(frame * 0.05) : 1000.0 + frame * 0.5;
    }

    /** Fills a nominal frame (allocation-free). */
    static void nominal(final FrameSample sample, final long frame) {
        sample.begin(frame, frame / 100.0);
        for (int s = 0; s < SIGNALS; s++) {
            final double truth = truth(frame, s);
            sample.truth(s, truth);
            for (int l = 0; l < LANES; l++) {
                sample.sensor(l, s, truth + (l - 1.5) * 0.01, true, true);
                sample.output(l, s, truth, OutputStatusCode.NORMAL.code(), ALL);
            }
        }
        sample.addMessages(0, 12);
    }

    /** A 2,000-frame run with faults F1 (lane 3 pitch_rate bias at 5 s, detected) and F2 (lane 2 altitude stuck). */
    static RunDescriptor faultyDescriptor() {
        return builder(2000)
            .fault(new InjectedFault("F1", "lane 3 pitch_rate", "bias +4 deg/s", 500, 3, 0))
            .fault(new InjectedFault("F2", "lane 2 altitude", "stuck", 1200, 2, 1))
            .build();
    }

    /**
     * Feeds {@link #faultyDescriptor()} to the observers: noisy sensors, mid-value outputs of each lane's healthy
     * channels; F1 excluded by lanes 0..3 at frames 510, 512, 515, 518; F2 by lanes 0, 1, 3 only.
     */
    static void feedFaulty(final RunDescriptor d, final long seed, final FrameObserver... observers) {
        final SplittableRandom random = new SplittableRandom(seed);
        final FrameSample s = new FrameSample(d);
        final long[][] laneHealth = new long[LANES][SIGNALS];
        for (final long[] row : laneHealth) {
            java.util.Arrays.fill(row, ALL);
        }
        final double[] readings = new double[LANES];
        double stuck = Double.NaN;
        for (long f = 0; f < d.durationFrames(); f++) {
            s.begin(f, f / d.frameRateHz());
            for (int sig = 0; sig < SIGNALS; sig++) {
                final double truth = truth(f, sig);
                s.truth(sig, truth);
                for (int l = 0; l < LANES; l++) {
                    double r = truth + random.nextGaussian() * (sig == 0 ? 0.2 : 1.5);
                    if (sig == 0 && l == 3 && f >= 500) {
                        r += 4.0;
                    }
                    if (sig == 1 && l == 2 && f >= 1200) {
                        stuck = Double.isNaN(stuck) ? r : stuck;
                        r = stuck;
                    }
                    readings[l] = r;
                    s.sensor(l, sig, r, true, true);
                }
                for (int l = 0; l < LANES; l++) {
                    s.output(l, sig, midValue(readings, laneHealth[l][sig]),
                        laneHealth[l][sig] == ALL ? OutputStatusCode.NORMAL.code() : OutputStatusCode.DEGRADED.code(),
                        laneHealth[l][sig]);
                }
            }
            s.oracleFaultyChannels(0, f >= 500 ? 0b1000 : 0);
            s.oracleFaultyChannels(1, f >= 1200 ? 0b0100 : 0);
            s.addMessages(0, 48);
            s.addMessages(1, random.nextInt(100) == 0 ? 1 : 0);
            final int f1Lane = f == 510 ? 0 : f == 512 ? 1 : f == 515 ? 2 : f == 518 ? 3 : -1;
            final int f2Lane = f == 1400 ? 0 : f == 1450 ? 1 : f == 1500 ? 3 : -1;
            for (final FrameObserver o : observers) {
                if (f1Lane >= 0) {
                    o.onExclusion(f, f1Lane, 0, 3, "miscompare persisted 10 frames");
                }
                if (f2Lane >= 0) {
                    o.onExclusion(f, f2Lane, 1, 2, "frozen signal");
                }
            }
            if (f1Lane >= 0) {
                laneHealth[f1Lane][0] &= ~0b1000L;
            }
            if (f2Lane >= 0) {
                laneHealth[f2Lane][1] &= ~0b0100L;
            }
            for (final FrameObserver o : observers) {
                o.onFrame(s);
            }
        }
    }

    /** Lower median of the channels in the mask (the outputs are bit-identical across lanes with one mask). */
    private static double midValue(final double[] readings, final long mask) {
        final double[] picked = new double[Long.bitCount(mask)];
        int n = 0;
        for (int l = 0; l < readings.length; l++) {
            if ((mask & (1L << l)) != 0) {
                picked[n++] = readings[l];
            }
        }
        java.util.Arrays.sort(picked);
        return picked[(n - 1) / 2];
    }
}
