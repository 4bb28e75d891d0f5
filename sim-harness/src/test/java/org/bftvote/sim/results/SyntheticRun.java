package org.bftvote.sim.results;

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
}
