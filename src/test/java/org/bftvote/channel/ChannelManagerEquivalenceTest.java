package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.bftvote.testsupport.Seeds;
import org.bftvote.vote.FaultTolerantMidpoint;
import org.bftvote.vote.MidValueSelect;
import org.bftvote.vote.RealVoter;
import org.bftvote.vote.VoteResult;
import org.bftvote.vote.VoteStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The optimised frame path of {@link ChannelManager} behaves exactly as the plain one kept in
 * {@link ReferenceChannelManager}: for random configurations (1 to 6 channels, every check on or off, both
 * persistence policies, reintegration, both duplex policies, mid-value select and fault-tolerant midpoint) and
 * random frames mixing a noisy signal with every fault the manager knows (source invalid, NaN and infinities, out
 * of range, stale, rate spikes, frozen values, bias, maintenance resets), every frame gives the same status, the
 * same value bit for bit, the same masks, spread, reasons, counters and readmission counts, and the same events.
 */
@Tag("MON-3")
class ChannelManagerEquivalenceTest {
    private static final int FRAMES = 3_000;

    static java.util.stream.LongStream seeds() {
        return Seeds.seeds();
    }

    private static ChannelConfig randomConfig(final SplittableRandom r, final int n) {
        final ChannelConfig.Builder b = ChannelConfig.builder(n).signalId(r.nextInt(100));
        if (r.nextBoolean()) {
            b.range(-20.0, 40.0);
        }
        if (r.nextBoolean()) {
            b.rateLimit(0.5 + r.nextDouble() * 2.0);
        }
        if (r.nextBoolean()) {
            b.staleLimit(r.nextInt(5));
        }
        if (r.nextBoolean()) {
            b.frozenDetection(1 + r.nextInt(8));
        }
        b.miscompareThreshold(0.3 + r.nextDouble());
        b.persistence(r.nextBoolean() ? PersistencePolicy.consecutive(1 + r.nextInt(6))
            : PersistencePolicy.leaky(1 + r.nextInt(3), r.nextInt(3), 1 + r.nextInt(10)));
        if (r.nextBoolean()) {
            b.reintegration(ReintegrationPolicy.afterGoodFrames(1 + r.nextInt(10), 1 + r.nextInt(5))
                .readmitting(ExclusionReason.MISCOMPARE, ExclusionReason.FROZEN, ExclusionReason.RATE_LIMIT,
                    ExclusionReason.STALE, ExclusionReason.NOT_FINITE));
        }
        if (r.nextBoolean()) {
            b.duplex(DuplexPolicy.holdLastGood(r.nextInt(6)));
        } else {
            b.duplex(DuplexPolicy.selectByPriority(n - 1));
        }
        final int voter = r.nextInt(3);
        if (voter == 1) {
            b.voter(c -> new MidValueSelect(c, MidValueSelect.EvenPolicy.LOWER_MIDDLE));
        } else if (voter == 2 && n >= 3) {
            b.voter(c -> new FaultTolerantMidpoint(c, 1));
        }
        return b.build();
    }

    /** One channel's value for a frame: the truth plus noise, or a fault. */
    private static double channelValue(
        final SplittableRandom r, final double truth, final double previous, final int fault) {
        switch (fault) {
            case 1:
                return Double.NaN;
            case 2:
                return r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 3:
                return 100.0 + r.nextDouble() * 1e6;
            case 4:
                return previous;
            case 5:
                return truth + 2.0 + r.nextDouble() * 3.0;
            case 6:
                return r.nextBoolean() ? 0.0 : -0.0;
            default:
                return truth + r.nextGaussian() * 0.1;
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sameOutputsCountersAndEventsAsThePlainFramePath(final long seed) {
        final SplittableRandom r = Seeds.random(seed);
        final int n = 1 + r.nextInt(6);
        final ChannelConfig config = randomConfig(r, n);
        final RecordingListener fastEvents = new RecordingListener();
        final RecordingListener plainEvents = new RecordingListener();
        final ChannelManager fast = new ChannelManager(config, fastEvents);
        final ReferenceChannelManager plain = new ReferenceChannelManager(config, plainEvents);
        final ChannelOutput fastOut = fast.newOutput();
        final ChannelOutput plainOut = plain.newOutput();
        final double[] values = new double[n];
        final int[] fault = new int[n];
        final int[] faultLeft = new int[n];
        final long all = ChannelManager.allChannels(n);
        // Faults are rare enough that channels spend most frames healthy and the normal path is exercised too.
        final int faultOdds = 20 + r.nextInt(200);
        long frame = r.nextInt(5);
        for (int k = 0; k < FRAMES; k++) {
            final double truth = 10.0 * Math.sin(k * 0.01);
            long valid = all;
            long fresh = all;
            for (int i = 0; i < n; i++) {
                if (faultLeft[i] == 0 && r.nextInt(faultOdds) == 0) {
                    fault[i] = 1 + r.nextInt(9);
                    faultLeft[i] = 1 + r.nextInt(40);
                }
                final int f = faultLeft[i] > 0 ? fault[i] : 0;
                if (faultLeft[i] > 0) {
                    faultLeft[i]--;
                }
                values[i] = channelValue(r, truth, values[i], f);
                if (f == 7) {
                    valid &= ~(1L << i);
                } else if (f == 8 || f == 4 && r.nextBoolean()) {
                    fresh &= ~(1L << i);
                }
            }
            final int maintenance = r.nextInt(1000);
            if (maintenance == 0) {
                fast.reset();
                plain.reset();
            } else if (maintenance == 1) {
                final int ch = r.nextInt(n);
                fast.resetChannel(ch);
                plain.resetChannel(ch);
            }
            // Frame numbers mostly step by one, sometimes jump or repeat (the rate limit scales by the gap).
            frame += r.nextInt(20) == 0 ? r.nextInt(4) : 1;
            final OutputStatus fastStatus = fast.update(frame, values, valid, fresh, fastOut);
            final OutputStatus plainStatus = plain.update(frame, values, valid, fresh, plainOut);
            final String where = Seeds.replay(seed) + ", " + config + ", frame " + frame;
            assertEquals(plainStatus, fastStatus, where);
            assertSameOutput(plainOut, fastOut, n, where);
            assertEquals(plain.level(), fast.level(), where);
            assertEquals(plain.failedMask(), fast.failedMask(), where);
            for (int i = 0; i < n; i++) {
                assertEquals(plain.persistenceLevel(i), fast.persistenceLevel(i), where + ", channel " + i);
                assertEquals(plain.reintegrationCount(i), fast.reintegrationCount(i), where + ", channel " + i);
            }
            assertEquals(plainEvents.events, fastEvents.events, where);
        }
    }

    /**
     * Entry into and exit from the quiet frame (the manager's path for the steady healthy state of three or four
     * channels): long healthy stretches alternate with stretches of faults on one or two channels (every kind
     * above, frozen values and {@code -0.0} included), readmission and replaced units bring failed channels back
     * so the steady state returns, and maintenance resets interrupt it. Every frame is compared with the plain frame path as above;
     * the frames that could have been quiet are counted, so that the generator is shown to reach them.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void sameResultsThroughHealthyStretchesFaultsAndReadmission(final long seed) {
        final SplittableRandom r = Seeds.random(seed);
        final int n = 3 + r.nextInt(2);
        final ChannelConfig config = steadyStateConfig(r, n);
        final RecordingListener fastEvents = new RecordingListener();
        final RecordingListener plainEvents = new RecordingListener();
        final ChannelManager fast = new ChannelManager(config, fastEvents);
        final ReferenceChannelManager plain = new ReferenceChannelManager(config, plainEvents);
        final ChannelOutput fastOut = fast.newOutput();
        final ChannelOutput plainOut = plain.newOutput();
        final double[] values = new double[n];
        final int[] fault = new int[n];
        final long all = ChannelManager.allChannels(n);
        final double noise = 0.01 + r.nextDouble() * 0.04;
        long frame = r.nextInt(5);
        int steadyFrames = 0;
        boolean wasNormal = false;
        int phaseLeft = 0;
        for (int k = 0; k < FRAMES; k++) {
            if (phaseLeft == 0) {
                // A new stretch: healthy, or one or two channels with one fault each for the whole stretch.
                java.util.Arrays.fill(fault, 0);
                phaseLeft = 20 + r.nextInt(300);
                if (r.nextInt(3) == 0) {
                    final int faulty = 1 + r.nextInt(2);
                    for (int j = 0; j < faulty; j++) {
                        fault[r.nextInt(n)] = 1 + r.nextInt(9);
                    }
                    phaseLeft = 1 + r.nextInt(60);
                } else if (r.nextBoolean()) {
                    // Readmission needs a healthy vote to compare with; when too few channels are left, failed
                    // units are replaced (maintenance), as in service.
                    long failed = plain.failedMask();
                    while (failed != 0L) {
                        final int ch = Long.numberOfTrailingZeros(failed);
                        failed &= failed - 1L;
                        fast.resetChannel(ch);
                        plain.resetChannel(ch);
                    }
                }
            }
            phaseLeft--;
            final double truth = 10.0 * Math.sin(k * 0.01);
            long valid = all;
            long fresh = all;
            for (int i = 0; i < n; i++) {
                // A faulty channel shows its fault on most frames of its stretch, not all.
                final int f = r.nextInt(4) == 0 ? 0 : fault[i];
                values[i] = f == 0 ? truth + r.nextGaussian() * noise : channelValue(r, truth, values[i], f);
                if (f == 7) {
                    valid &= ~(1L << i);
                } else if (f == 8 || f == 4 && r.nextBoolean()) {
                    fresh &= ~(1L << i);
                }
            }
            final int maintenance = r.nextInt(2000);
            if (maintenance == 0) {
                fast.reset();
                plain.reset();
            } else if (maintenance == 1) {
                final int ch = r.nextInt(n);
                fast.resetChannel(ch);
                plain.resetChannel(ch);
            }
            frame += r.nextInt(50) == 0 ? r.nextInt(4) : 1;
            final OutputStatus fastStatus = fast.update(frame, values, valid, fresh, fastOut);
            final OutputStatus plainStatus = plain.update(frame, values, valid, fresh, plainOut);
            final String where = Seeds.replay(seed) + ", " + config + ", frame " + frame;
            assertEquals(plainStatus, fastStatus, where);
            assertSameOutput(plainOut, fastOut, n, where);
            assertEquals(plain.level(), fast.level(), where);
            assertEquals(plain.failedMask(), fast.failedMask(), where);
            for (int i = 0; i < n; i++) {
                assertEquals(plain.persistenceLevel(i), fast.persistenceLevel(i), where + ", channel " + i);
                assertEquals(plain.reintegrationCount(i), fast.reintegrationCount(i), where + ", channel " + i);
            }
            assertEquals(plainEvents.events, fastEvents.events, where);
            final boolean normal = plainStatus == OutputStatus.NORMAL && plainOut.failedMask() == 0L
                && plainOut.rejectedMask() == 0L && plainOut.miscompareMask() == 0L && valid == all && fresh == all;
            if (normal && wasNormal) {
                steadyFrames++;
            }
            wasNormal = normal;
        }
        assertTrue(steadyFrames > FRAMES / 4,
            Seeds.replay(seed) + ": only " + steadyFrames + " frames in the steady healthy state");
    }

    /** Random checks and policies as above, with readmission of every reason so the steady state comes back. */
    private static ChannelConfig steadyStateConfig(final SplittableRandom r, final int n) {
        final ChannelConfig.Builder b = ChannelConfig.builder(n).signalId(r.nextInt(100));
        if (r.nextBoolean()) {
            b.range(-20.0, 40.0);
        }
        if (r.nextBoolean()) {
            b.rateLimit(0.5 + r.nextDouble() * 2.0);
        }
        if (r.nextBoolean()) {
            b.staleLimit(r.nextInt(5));
        }
        if (r.nextBoolean()) {
            b.frozenDetection(1 + r.nextInt(8));
        }
        b.miscompareThreshold(0.3 + r.nextDouble());
        b.persistence(r.nextBoolean() ? PersistencePolicy.consecutive(1 + r.nextInt(6))
            : PersistencePolicy.leaky(1 + r.nextInt(3), r.nextInt(3), 1 + r.nextInt(10)));
        b.reintegration(ReintegrationPolicy.afterGoodFrames(1 + r.nextInt(10), 1_000_000)
            .readmitting(ExclusionReason.MISCOMPARE, ExclusionReason.FROZEN, ExclusionReason.RATE_LIMIT,
                ExclusionReason.STALE, ExclusionReason.NOT_FINITE, ExclusionReason.OUT_OF_RANGE,
                ExclusionReason.SOURCE_INVALID));
        b.duplex(r.nextBoolean() ? DuplexPolicy.holdLastGood(r.nextInt(6)) : DuplexPolicy.selectByPriority(n - 1));
        final int voter = r.nextInt(3);
        if (voter == 1) {
            b.voter(c -> new MidValueSelect(c, MidValueSelect.EvenPolicy.LOWER_MIDDLE));
        } else if (voter == 2) {
            b.voter(c -> new FaultTolerantMidpoint(c, 1));
        }
        return b.build();
    }

    /**
     * A voter that refuses some frames whose inputs pass every quiet-frame check: the quiet frame (triplex and
     * general) must then leave the frame to the plain path, which gives the same result as the reference manager
     * (the duplex policy's output, counters and events). The refusal depends on the inputs only, as a voter must.
     */
    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5})
    void aVoterThatRefusesAQuietFrameHandsItToThePlainPath(final int n) {
        final ChannelConfig config = ChannelConfig.builder(n).miscompareThreshold(1.0)
            .voter(c -> new RefusingAboveFive(new MidValueSelect(c, MidValueSelect.EvenPolicy.LOWER_MIDDLE)))
            .build();
        final RecordingListener fastEvents = new RecordingListener();
        final RecordingListener plainEvents = new RecordingListener();
        final ChannelManager fast = new ChannelManager(config, fastEvents);
        final ReferenceChannelManager plain = new ReferenceChannelManager(config, plainEvents);
        final ChannelOutput fastOut = fast.newOutput();
        final ChannelOutput plainOut = plain.newOutput();
        final double[] values = new double[n];
        final long all = ChannelManager.allChannels(n);
        int refused = 0;
        for (int frame = 0; frame < 200; frame++) {
            // Healthy and close together throughout; every 20 frames a stretch of 5 above the voter's limit.
            final double level = frame % 20 < 5 ? 6.0 : 1.0;
            for (int i = 0; i < n; i++) {
                values[i] = level + 0.01 * i + 0.001 * (frame % 7);
            }
            final OutputStatus fastStatus = fast.update(frame, values, all, all, fastOut);
            final OutputStatus plainStatus = plain.update(frame, values, all, all, plainOut);
            final String where = "n = " + n + ", frame " + frame;
            assertEquals(plainStatus, fastStatus, where);
            assertSameOutput(plainOut, fastOut, n, where);
            assertEquals(plainEvents.events, fastEvents.events, where);
            refused += fastStatus != OutputStatus.NORMAL && level > 5.0 ? 1 : 0;
        }
        assertTrue(refused > 0, "the voter refused frames the quiet path would otherwise have taken");
    }

    /** Votes as its delegate unless the first value is above 5, then refuses (NO_MAJORITY). */
    private static final class RefusingAboveFive implements RealVoter {
        private final RealVoter delegate;

        RefusingAboveFive(final RealVoter delegate) {
            this.delegate = delegate;
        }

        @Override
        public int maxChannels() {
            return delegate.maxChannels();
        }

        @Override
        public int faultsTolerated() {
            return delegate.faultsTolerated();
        }

        @Override
        public int minValidInputs() {
            return delegate.minValidInputs();
        }

        @Override
        public VoteStatus vote(final double[] values, final long validMask, final int channelCount,
                               final VoteResult result) {
            if (values[0] > 5.0) {
                result.notVoted(VoteStatus.NO_MAJORITY, Long.bitCount(validMask));
                return VoteStatus.NO_MAJORITY;
            }
            return delegate.vote(values, validMask, channelCount, result);
        }
    }

    private static void assertSameOutput(
        final ChannelOutput expected, final ChannelOutput actual, final int n, final String where) {
        assertEquals(expected.frame(), actual.frame(), where);
        assertEquals(expected.channelCount(), actual.channelCount(), where);
        assertEquals(Double.doubleToRawLongBits(expected.value()), Double.doubleToRawLongBits(actual.value()),
            where + ": value " + expected.value() + " vs " + actual.value());
        assertEquals(Double.doubleToRawLongBits(expected.spread()), Double.doubleToRawLongBits(actual.spread()),
            where + ": spread " + expected.spread() + " vs " + actual.spread());
        assertEquals(expected.status(), actual.status(), where);
        assertEquals(expected.level(), actual.level(), where);
        assertEquals(expected.healthyMask(), actual.healthyMask(), where);
        assertEquals(expected.failedMask(), actual.failedMask(), where);
        assertEquals(expected.usedMask(), actual.usedMask(), where);
        assertEquals(expected.rejectedMask(), actual.rejectedMask(), where);
        assertEquals(expected.miscompareMask(), actual.miscompareMask(), where);
        for (int i = 0; i < n; i++) {
            assertEquals(expected.frameReason(i), actual.frameReason(i), where + ", channel " + i);
            assertEquals(expected.failureReason(i), actual.failureReason(i), where + ", channel " + i);
        }
    }
}
