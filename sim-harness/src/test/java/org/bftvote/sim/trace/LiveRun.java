package org.bftvote.sim.trace;

import java.util.SplittableRandom;

import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.InjectedFault;
import org.bftvote.sim.run.OutputStatusCode;
import org.bftvote.sim.run.RunDescriptor;

/**
 * A synthetic quad run fed to observers as a runner would: 4 lanes, 2 signals, noisy sensors, a bias fault on lane
 * 3's pitch rate from frame 300 excluded by each lane in turn, message counts, the hypothesis exceeded for a while.
 */
final class LiveRun {
    static final int LANES = 4;
    static final long ALL = 0b1111L;

    private LiveRun() {
    }

    static RunDescriptor descriptor(final long frames) {
        return RunDescriptor.builder()
            .scenario("trace-synthetic").platform("test-quad").seed(7L).frameRateHz(100.0).lanes(LANES)
            .signal("pitch_rate", "deg/s").signal("altitude", "m")
            .messageOutcome("delivered").messageOutcome("bad_crc")
            .fault(new InjectedFault("F1", "lane 3 pitch_rate", "bias +4 deg/s", 300, 3, 0))
            .durationFrames(frames).faultHypothesis("n=4 m=1")
            .build();
    }

    /** Feeds {@code frames} frames (frames 0 .. frames-1) to the observers, every one in turn. */
    static void feed(final RunDescriptor run, final long seed, final long frames, final FrameObserver... observers) {
        final SplittableRandom random = new SplittableRandom(seed);
        final FrameSample s = new FrameSample(run);
        final long[] health = {ALL, ALL, ALL, ALL};
        for (long f = 0; f < frames; f++) {
            final int excluding = f >= 305 && f < 305 + LANES ? (int) (f - 305) : -1;
            if (excluding >= 0) {
                for (final FrameObserver o : observers) {
                    o.onExclusion(f, excluding, 0, 3, "miscompare persisted");
                }
                health[excluding] &= ~0b1000L;
            }
            fill(s, random, f, health);
            for (final FrameObserver o : observers) {
                o.onFrame(s);
            }
        }
    }

    /** Fills one frame; allocates nothing. */
    static void fill(final FrameSample s, final SplittableRandom random, final long f, final long[] health) {
        s.begin(f, f / 100.0);
        for (int sig = 0; sig < 2; sig++) {
            final double truth = sig == 0 ? 10.0 * Math.sin(f * 0.05) : 1000.0 + f * 0.5;
            s.truth(sig, truth);
            double sum = 0;
            for (int l = 0; l < LANES; l++) {
                final double r = truth + random.nextGaussian() * 0.2 + (sig == 0 && l == 3 && f >= 300 ? 4.0 : 0);
                s.sensor(l, sig, r, true, random.nextInt(50) != 0);
                sum += r;
            }
            for (int l = 0; l < LANES; l++) {
                final long mask = sig == 0 ? health[l] : ALL;
                s.output(l, sig, sum / LANES + (mask == ALL ? 0 : 0.001 * l),
                    mask == ALL ? OutputStatusCode.NORMAL.code() : OutputStatusCode.DEGRADED.code(), mask);
            }
        }
        s.oracleFaultyChannels(0, f >= 300 ? 0b1000L : 0);
        s.addMessages(0, 48);
        s.addMessages(1, random.nextInt(100) == 0 ? 1 : 0);
        s.hypothesisExceeded(f >= 600 && f < 640);
    }
}
