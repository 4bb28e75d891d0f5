package org.bftvote.sim.demo;

import java.io.PrintStream;
import java.util.Locale;
import java.util.SplittableRandom;

import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.ChannelEventListener;
import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.DuplexPolicy;
import org.bftvote.channel.ExclusionReason;
import org.bftvote.channel.OutputStatus;
import org.bftvote.channel.PersistencePolicy;
import org.bftvote.channel.RedundancyLevel;

/**
 * A small, self-contained demonstration of one redundant signal managed by the library: three noisy angle-of-attack
 * channels, one of which goes hard-over part-way through, after which a second one freezes. Prints, per frame, the
 * inputs, the voted value, the output status, each channel's health, and the events as they happen.
 *
 * <p>Deterministic: the noise comes from a fixed seed, so two runs print the same text.
 */
public final class TriplexDemo {
    /** Frames the demonstration runs (20 Hz, 12 s). */
    public static final int FRAMES = 240;
    /** Frame at which channel 2 goes hard-over to the top of its range. */
    public static final int HARD_OVER_FRAME = 60;
    /** Frame at which channel 1 freezes at its last value. */
    public static final int FROZEN_FRAME = 150;

    private static final double RANGE_MIN = -30.0;
    private static final double RANGE_MAX = 60.0;
    private static final double NOISE_DEG = 0.05;

    private final PrintStream out;
    private final long seed;

    /**
     * @param out  where the frame log goes
     * @param seed noise seed
     */
    public TriplexDemo(final PrintStream out, final long seed) {
        this.out = out;
        this.seed = seed;
    }

    /**
     * Runs the demonstration.
     *
     * @return the manager's final output, for checks
     */
    public ChannelOutput run() {
        final ChannelConfig config = ChannelConfig.builder(3)
            .signalId(0)
            .range(RANGE_MIN, RANGE_MAX)
            .frozenDetection(10)
            .miscompareThreshold(1.5)
            .persistence(PersistencePolicy.consecutive(10))
            .duplex(DuplexPolicy.holdLastGood(5))
            .build();
        final ChannelManager manager = new ChannelManager(config, new PrintingListener(out));
        final ChannelOutput result = manager.newOutput();
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] values = new double[3];
        double frozenValue = Double.NaN;

        out.println("bftvote triplex demo: three angle-of-attack channels at 20 Hz, mid-value select with monitoring");
        out.printf(Locale.ROOT, "channel 2 goes hard-over at frame %d, channel 1 freezes at frame %d%n%n",
            HARD_OVER_FRAME, FROZEN_FRAME);
        out.println("frame   t(s)   truth     ch0       ch1       ch2       voted     status      level    health");
        for (int frame = 0; frame < FRAMES; frame++) {
            final double t = frame / 20.0;
            final double truth = 4.0 + 3.0 * Math.sin(2.0 * Math.PI * 0.2 * t);
            for (int ch = 0; ch < 3; ch++) {
                values[ch] = truth + NOISE_DEG * gaussian(random);
            }
            if (frame >= HARD_OVER_FRAME) {
                values[2] = RANGE_MAX;
            }
            if (frame == FROZEN_FRAME) {
                frozenValue = values[1];
            }
            if (frame >= FROZEN_FRAME) {
                values[1] = frozenValue;
            }
            manager.update(frame, values, 0b111, 0b111, result);
            out.printf(Locale.ROOT, "%5d %6.2f %8.3f %9.3f %9.3f %9.3f %9.3f   %-11s %-8s %s%n",
                frame, t, truth, values[0], values[1], values[2], result.value(), result.status(), result.level(),
                health(result));
        }
        out.println();
        out.printf(Locale.ROOT, "final: status %s, level %s; failed channels: %s%n",
            result.status(), result.level(), failures(result));
        return result;
    }

    private static String health(final ChannelOutput result) {
        final StringBuilder text = new StringBuilder();
        for (int ch = 0; ch < 3; ch++) {
            if (ch > 0) {
                text.append(' ');
            }
            text.append(ch).append(':').append(result.isFailed(ch) ? "FAILED" : "ok");
        }
        return text.toString();
    }

    private static String failures(final ChannelOutput result) {
        final StringBuilder text = new StringBuilder();
        for (int ch = 0; ch < 3; ch++) {
            if (result.isFailed(ch)) {
                text.append(text.length() == 0 ? "" : ", ").append(ch).append(" (")
                    .append(result.failureReason(ch)).append(')');
            }
        }
        return text.length() == 0 ? "none" : text.toString();
    }

    private static double gaussian(final SplittableRandom random) {
        // Box-Muller on the seeded stream, so the demo is reproducible on every JVM.
        final double u1 = 1.0 - random.nextDouble();
        final double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Prints transitions as they happen, interleaved with the frame log. */
    private static final class PrintingListener implements ChannelEventListener {
        private final PrintStream out;

        PrintingListener(final PrintStream out) {
            this.out = out;
        }

        @Override
        public void onChannelFailed(
            final int signal, final long frame, final int channel, final ExclusionReason reason) {
            out.printf(Locale.ROOT, "  >> frame %d: channel %d declared failed (%s)%n", frame, channel, reason);
        }

        @Override
        public void onChannelReintegrated(final int signal, final long frame, final int channel) {
            out.printf(Locale.ROOT, "  >> frame %d: channel %d reintegrated%n", frame, channel);
        }

        @Override
        public void onRedundancyChanged(
            final int signal, final long frame, final RedundancyLevel from, final RedundancyLevel to) {
            out.printf(Locale.ROOT, "  >> frame %d: redundancy %s -> %s%n", frame, from, to);
        }

        @Override
        public void onOutputStatusChanged(
            final int signal, final long frame, final OutputStatus from, final OutputStatus to) {
            out.printf(Locale.ROOT, "  >> frame %d: output %s -> %s%n", frame, from, to);
        }
    }

    /**
     * Runs the demonstration on standard output.
     *
     * @param args ignored
     */
    public static void main(final String[] args) {
        new TriplexDemo(System.out, 42L).run();
    }
}
