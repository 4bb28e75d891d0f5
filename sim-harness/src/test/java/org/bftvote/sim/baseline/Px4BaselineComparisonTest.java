package org.bftvote.sim.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.ChannelEventListener;
import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.DuplexPolicy;
import org.bftvote.channel.PersistencePolicy;

import org.bftvote.vote.MidValueSelect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same triplex angle-of-attack traces (degrees, 20 frames a second) through PX4's sensor selection (the port
 * of {@code DataValidatorGroup}, output = the selected sensor's value) and through {@link ChannelManager} with
 * mid-value select and the recommended AoA configuration. A frame is "passed" when the output lies more than
 * {@link #TOLERANCE} outside the range of the healthy channels of that frame. Each case is run with the faulty
 * channel at every index, because a selector's behaviour depends on which sensor it happens to have selected.
 */
class Px4BaselineComparisonTest {
    /** Fixed, well-spread seeds ({@code -Dbftvote.seeds=N}, default 64), as the library's property tests use. */
    private static final class Seeds {
        static LongStream seeds() {
            final SplittableRandom root = new SplittableRandom(0x5EED_B17F_0AL);
            return LongStream.generate(root::nextLong).limit(Integer.getInteger("bftvote.seeds", 64));
        }

        static SplittableRandom random(final long seed) {
            return new SplittableRandom(seed);
        }

        static String replay(final long seed) {
            return "seed " + seed + " (replay: -Dtest=Px4BaselineComparisonTest)";
        }
    }

    private static final long ALL3 = 0b111;
    /** Degrees; ten times the noise, far below the fault sizes. */
    private static final double TOLERANCE = 0.5;
    /** Five minutes at 20 Hz. */
    private static final int QF72_FRAMES = 6000;
    private static final int BIAS_FRAMES = 2000;
    private static final long BIAS_ONSET = 200;
    private static final int FROZEN_FRAMES = 1500;
    private static final long FREEZE = 300;
    /**
     * Measured on the frozen-pair trace, per live channel: when the first sensor is frozen, PX4 outputs the frozen
     * value for 32 frames after the freeze (until its stale flag at more than 100 equal values).
     */
    private static final int[] PX4_FOLLOWED_FROZEN = {0, 32, 32};
    /** Of those, the frames where the climb had already taken the live channel more than the tolerance away. */
    private static final int[] PX4_PASSED_FROZEN = {0, 6, 1};

    /** The AoA configuration of docs/guides/tune-monitors.md; {@code persistence} differs per case as there. */
    private static ChannelManager ours(final PersistencePolicy persistence) {
        final ChannelConfig config = ChannelConfig.builder(3)
            .range(-30.0, 60.0)
            .miscompareThreshold(1.5)
            .persistence(persistence)
            .frozenDetection(10)
            .duplex(DuplexPolicy.holdLastGood(5))
            .voter(MidValueSelect::new)
            .build();
        return new ChannelManager(config, ChannelEventListener.NONE);
    }

    /** A 2 to 4 degree signal. */
    private static double trueAoa(final long f) {
        return 3.0 + Math.sin(f * 0.02);
    }

    /** Counts the frames an output lies more than the tolerance outside the healthy channels' range. */
    private static final class Tally {
        int passed;

        void check(final double output, final double[] v, final int faulty) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < v.length; i++) {
                if (i != faulty) {
                    lo = Math.min(lo, v[i]);
                    hi = Math.max(hi, v[i]);
                }
            }
            if (!(output >= lo - TOLERANCE && output <= hi + TOLERANCE)) {
                passed++;
            }
        }
    }

    /**
     * Qantas 72: one channel emits 50.625 degree spikes for 1 or 2 frames at irregular intervals (5 to 300 frames
     * apart). PX4 keeps the first sensor selected (all confidences 1, equal priorities): a spike is a finite,
     * changing value from a driver reporting no error, so nothing lowers that sensor's confidence and every spike
     * on the selected sensor is the output. Mid-value select passes none.
     */
    @ParameterizedTest(name = "spiking channel {0}")
    @ValueSource(ints = {0, 1, 2})
    void qantas72Spikes(final int faulty) {
        final Px4Selector px4 = new Px4Selector(3);
        final ChannelManager manager = ours(PersistencePolicy.leaky(2, 1, 20));
        final ChannelOutput out = manager.newOutput();
        final Tally px4Tally = new Tally();
        final Tally oursTally = new Tally();
        final SplittableRandom r = new SplittableRandom(72);
        final double[] v = new double[3];
        long nextSpike = 40;
        int spikes = 0;
        for (long f = 0; f < QF72_FRAMES; f++) {
            for (int i = 0; i < 3; i++) {
                v[i] = trueAoa(f) + r.nextGaussian() * 0.05;
            }
            if (f >= nextSpike) {
                v[faulty] = 50.625;
                spikes++;
                if (f > nextSpike || r.nextBoolean()) {
                    nextSpike = f + 5 + r.nextInt(296);
                }
            }
            px4Tally.check(px4.select(f, v), v, faulty);
            manager.update(f, v, ALL3, ALL3, out);
            oursTally.check(out.value(), v, faulty);
        }
        assertEquals(56, spikes, "spike frames in the trace");
        assertEquals(0, px4.failovers(), "PX4 never switches sensor");
        assertEquals(0, px4.selected(), "PX4 keeps the first sensor");
        assertEquals(faulty == 0 ? spikes : 0, px4Tally.passed, "PX4 spike frames passed, spiking channel " + faulty);
        assertEquals(0, oursTally.passed, "ours, spiking channel " + faulty);
    }

    static LongStream seeds() {
        return Seeds.seeds();
    }

    /**
     * Seeded: spikes of random size (10 to 60 degrees either way), width (1 or 2 frames) and spacing on a random
     * channel. PX4 outputs every spike frame when the spiking channel is its selected (first) sensor and none
     * otherwise; ours outputs none.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void spikesAnySeed(final long seed) {
        final SplittableRandom r = Seeds.random(seed);
        final int faulty = r.nextInt(3);
        final Px4Selector px4 = new Px4Selector(3);
        final ChannelManager manager = ours(PersistencePolicy.leaky(2, 1, 20));
        final ChannelOutput out = manager.newOutput();
        final Tally px4Tally = new Tally();
        final Tally oursTally = new Tally();
        final double[] v = new double[3];
        long nextSpike = 5 + r.nextInt(100);
        int width = 0;
        int spikes = 0;
        for (long f = 0; f < 2000; f++) {
            for (int i = 0; i < 3; i++) {
                v[i] = trueAoa(f) + r.nextGaussian() * 0.05;
            }
            if (f == nextSpike) {
                width = 1 + r.nextInt(2);
                nextSpike = f + width + 3 + r.nextInt(300);
            }
            if (width > 0) {
                v[faulty] += (r.nextBoolean() ? 1 : -1) * (10.0 + 50.0 * r.nextDouble());
                width--;
                spikes++;
            }
            px4Tally.check(px4.select(f, v), v, faulty);
            manager.update(f, v, ALL3, ALL3, out);
            oursTally.check(out.value(), v, faulty);
        }
        assertTrue(spikes > 0, Seeds.replay(seed));
        assertEquals(faulty == 0 ? spikes : 0, px4Tally.passed, "PX4, faulty " + faulty + " " + Seeds.replay(seed));
        assertEquals(0, oursTally.passed, "ours, faulty " + faulty + " " + Seeds.replay(seed));
    }

    /**
     * Lion Air 610: one channel reads 21 degrees high from frame 200 on. The bias is finite, noisy and error-free,
     * so PX4's confidence of the biased sensor stays 1: if it is the selected one, every biased frame is the
     * output. Ours excludes it after 20 frames and never outputs it.
     */
    @ParameterizedTest(name = "biased channel {0}")
    @ValueSource(ints = {0, 1, 2})
    void lionAir610Bias(final int faulty) {
        final Px4Selector px4 = new Px4Selector(3);
        final ChannelManager manager = ours(PersistencePolicy.consecutive(20));
        final ChannelOutput out = manager.newOutput();
        final Tally px4Tally = new Tally();
        final Tally oursTally = new Tally();
        final SplittableRandom r = new SplittableRandom(610);
        final double[] v = new double[3];
        for (long f = 0; f < BIAS_FRAMES; f++) {
            for (int i = 0; i < 3; i++) {
                v[i] = trueAoa(f) + r.nextGaussian() * 0.05;
            }
            if (f >= BIAS_ONSET) {
                v[faulty] += 21.0;
            }
            px4Tally.check(px4.select(f, v), v, faulty);
            manager.update(f, v, ALL3, ALL3, out);
            oursTally.check(out.value(), v, faulty);
        }
        assertEquals(faulty == 0 ? BIAS_FRAMES - BIAS_ONSET : 0, px4Tally.passed,
            "PX4 biased frames passed, biased channel " + faulty);
        assertEquals(0, px4.failovers(), "PX4 never switches sensor");
        assertEquals(0, oursTally.passed, "ours, biased channel " + faulty);
        assertTrue(out.isFailed(faulty), "ours excludes the biased channel");
    }

    /**
     * XL Airways 888T: two channels freeze at the same value at frame 300 while the real AoA climbs 0.015 degrees
     * a frame. PX4's stale check counts equal values over all three dimensions (a scalar's two zero entries count
     * every frame), so a frozen scalar is stale after 33 frames (1.65 s); ours declares both frozen channels after
     * 10 frames. Reported: frames after the freeze whose output is the frozen value, and frames passed (outside
     * the live channel by more than the tolerance).
     */
    @ParameterizedTest(name = "live channel {0}")
    @ValueSource(ints = {0, 1, 2})
    void xl888tFrozenPair(final int live) {
        final Px4Selector px4 = new Px4Selector(3);
        final ChannelManager manager = ours(PersistencePolicy.consecutive(20));
        final ChannelOutput out = manager.newOutput();
        final SplittableRandom r = new SplittableRandom(888);
        final double[] v = new double[3];
        double frozenAt = Double.NaN;
        int px4Followed = 0;
        int oursFollowed = 0;
        int px4Passed = 0;
        int oursPassed = 0;
        for (long f = 0; f < FROZEN_FRAMES; f++) {
            final double aoa = f < FREEZE ? trueAoa(f) : trueAoa(FREEZE) + (f - FREEZE) * 0.015;
            for (int i = 0; i < 3; i++) {
                v[i] = aoa + r.nextGaussian() * 0.05;
            }
            if (f == FREEZE) {
                frozenAt = v[(live + 1) % 3];
            }
            if (f >= FREEZE) {
                v[(live + 1) % 3] = frozenAt;
                v[(live + 2) % 3] = frozenAt;
            }
            final double px4Out = px4.select(f, v);
            manager.update(f, v, ALL3, ALL3, out);
            if (f > FREEZE) {
                px4Followed += px4Out == (float) frozenAt ? 1 : 0;
                oursFollowed += out.value() == frozenAt ? 1 : 0;
                px4Passed += Math.abs(px4Out - v[live]) > TOLERANCE ? 1 : 0;
                oursPassed += Math.abs(out.value() - v[live]) > TOLERANCE ? 1 : 0;
            }
        }
        assertEquals(PX4_FOLLOWED_FROZEN[live], px4Followed, "PX4 frames on the frozen value, live channel " + live);
        assertEquals(PX4_PASSED_FROZEN[live], px4Passed, "PX4 frames passed, live channel " + live);
        assertEquals(live == 0 ? 0 : 1, px4.failovers(), "PX4 failovers, live channel " + live);
        assertEquals(live, px4.selected(), "PX4 ends on the live sensor");
        assertEquals(9, oursFollowed, "ours: frames on the frozen value before both are declared frozen");
        assertEquals(0, oursPassed, "ours frames passed, live channel " + live);
    }
}
