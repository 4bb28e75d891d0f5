package org.bftvote.sim.emulation;

import java.util.List;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * One sensor (one lane's copy of one signal, or one cross-strapped unit read by several lanes): noise, bias, drift,
 * quantisation, saturation, update rate, latency and failures, as described by {@link SensorSpec} and
 * {@link FailureMode}.
 *
 * <p>Per frame the runner calls {@link #sample(long, double)} once, with consecutive frames, passing the truth of
 * that frame; then optionally {@link #valueFor(int)} for each consumer lane of a cross-strapped sensor (differs
 * from {@link SensorReading#value()} only while a {@link FailureMode#TWO_FACED} failure is active). The delay line
 * counts calls, so a skipped frame shifts the latency.
 *
 * <p>Randomness: the stream given at construction is split, in this order, into the noise stream, the failure
 * stream (spike and erratic draws), and one stream per {@link FailureRate} in list order. Each fresh sample draws
 * exactly one gaussian from the noise stream whatever the failures, so adding a failure does not change the noise
 * of the healthy frames; each rate trigger draws once per frame.
 *
 * <p>Failures active together all apply, in list order (scheduled first, then rates): additive effects add up,
 * the last replacing effect wins over them, {@code STUCK} wins over everything.
 *
 * <p>Footprint: a delay line of {@code latencyFrames + 1} entries and a few arrays of one entry per failure, all
 * allocated here. Per-frame calls allocate nothing and cost O(number of failures). Not thread safe.
 */
public final class SensorModel {
    private static final double TWO_PI = 2.0 * Math.PI;

    private final SensorSpec spec;
    private final double framePeriod;
    private final SimRandom noise;
    private final SimRandom failureRandom;

    private final SensorFailure[] failure;
    private final long[] onset;
    private final long[] end;
    private final long[] duration;
    private final PoissonTrigger[] trigger;
    private final long[] samplesSinceOnset;

    private final double[] lineRaw;
    private final double[] lineValue;
    private final boolean[] lineFresh;
    private final boolean[] lineValid;
    private final boolean[] lineSaturated;
    private final int[] lineTwoFaced;
    private long calls;
    private int writeSlot;
    private int outputSlot = -1;
    private long nextFrame;
    private int updatePhase;

    /** The sample being taken: the failures' effects, reset by {@code takeSample}, set by {@code applyFailure}. */
    private double effectSigma;
    private double effectAdded;
    private double effectReplacement;
    private boolean effectReplaced;
    private boolean effectStuck;
    private int effectTwoFaced;
    private boolean hasSample;
    private double lastRaw;
    private double lastValue;
    private boolean lastValid;
    private boolean lastSaturated;
    private int lastTwoFaced = -1;

    private final SensorReading reading = new SensorReading();

    /**
     * @param spec        the healthy sensor
     * @param frameRateHz frames per second, positive (turns frames into time for drift, ramps, oscillations)
     * @param scheduled   failures at fixed frames
     * @param rates       failures drawn from per-hour rates
     * @param random      the sensor's stream (split as described above)
     */
    public SensorModel(final SensorSpec spec, final double frameRateHz, final List<ScheduledFailure> scheduled,
                       final List<FailureRate> rates, final SimRandom random) {
        this.spec = Require.notNull("sensor spec", spec);
        Require.finiteNonNegative("frameRateHz", frameRateHz);
        if (frameRateHz == 0.0) {
            throw new InvalidConfigException("frameRateHz", frameRateHz, "frameRateHz > 0");
        }
        Require.notNull("scheduled failures", scheduled);
        Require.notNull("failure rates", rates);
        Require.notNull("random", random);
        this.framePeriod = 1.0 / frameRateHz;
        this.noise = random.split();
        this.failureRandom = random.split();
        final int count = scheduled.size() + rates.size();
        failure = new SensorFailure[count];
        onset = new long[count];
        end = new long[count];
        duration = new long[count];
        trigger = new PoissonTrigger[count];
        samplesSinceOnset = new long[count];
        int i = 0;
        for (final ScheduledFailure s : scheduled) {
            failure[i] = s.failure();
            onset[i] = s.onsetFrame();
            end[i] = s.endFrame();
            i++;
        }
        for (final FailureRate r : rates) {
            failure[i] = r.failure();
            onset[i] = Long.MAX_VALUE;
            end[i] = Long.MIN_VALUE;
            duration[i] = r.durationFrames();
            trigger[i] = new PoissonTrigger(r.perFlightHour(), frameRateHz, random.split());
            i++;
        }
        final int length = spec.latencyFrames() + 1;
        lineRaw = new double[length];
        lineValue = new double[length];
        lineFresh = new boolean[length];
        lineValid = new boolean[length];
        lineSaturated = new boolean[length];
        lineTwoFaced = new int[length];
    }

    /**
     * @return the spec this sensor was built from
     */
    public SensorSpec spec() {
        return spec;
    }

    /**
     * Advances one frame and returns what the sensor reports in it.
     *
     * @param frame the frame, one more than at the previous call
     * @param truth the true value in this frame (NaN: no truth, the sample is flagged invalid)
     * @return this sensor's reading object, overwritten by the next call
     */
    public SensorReading sample(final long frame, final double truth) {
        drawRandomOnsets(frame);
        final int slot = writeSlot;
        // The phase follows consecutive frames without a division; any other frame recomputes it.
        if (calls > 0 && frame == nextFrame) {
            updatePhase = updatePhase + 1 == spec.updateDivider() ? 0 : updatePhase + 1;
        } else {
            updatePhase = (int) (frame % spec.updateDivider());
        }
        nextFrame = frame + 1;
        if (updatePhase == 0) {
            takeSample(frame, truth);
            store(slot, true);
        } else {
            store(slot, false);
        }
        calls++;
        // The line holds latencyFrames + 1 entries: the entry after the one just written is latencyFrames old.
        writeSlot = slot + 1 == lineValue.length ? 0 : slot + 1;
        if (calls > spec.latencyFrames()) {
            outputSlot = writeSlot;
            reading.set(lineValue[outputSlot], lineFresh[outputSlot], lineValid[outputSlot],
                lineSaturated[outputSlot]);
        } else {
            outputSlot = -1;
            reading.set(Double.NaN, false, false, false);
        }
        return reading;
    }

    /**
     * The value the consumer lane {@code receiverLane} reads in the frame of the last {@link #sample} call. Equal
     * to {@link SensorReading#value()} unless a two-faced failure shaped the reported sample.
     *
     * @param receiverLane the consumer lane
     * @return the value that lane reads (NaN before the first sample arrives)
     */
    public double valueFor(final int receiverLane) {
        if (outputSlot < 0) {
            return Double.NaN;
        }
        final int twoFaced = lineTwoFaced[outputSlot];
        if (twoFaced < 0) {
            return lineValue[outputSlot];
        }
        return saturate(quantise(lineRaw[outputSlot] + failure[twoFaced].receiverOffset(receiverLane)));
    }

    /**
     * @param frame a frame
     * @return whether any failure is active in that frame (for the fault ledger and the results)
     */
    public boolean failureActive(final long frame) {
        for (int i = 0; i < failure.length; i++) {
            if (frame >= onset[i] && frame < end[i]) {
                return true;
            }
        }
        return false;
    }

    private void drawRandomOnsets(final long frame) {
        for (int i = 0; i < failure.length; i++) {
            // fires() is called every frame, active or not, so each trigger consumes one draw per frame.
            if (trigger[i] != null && trigger[i].fires() && frame >= end[i]) {
                onset[i] = frame;
                end[i] = duration[i] >= Long.MAX_VALUE - frame ? Long.MAX_VALUE : frame + duration[i];
                samplesSinceOnset[i] = 0;
            }
        }
    }

    private void takeSample(final long frame, final double truth) {
        final double t = frame * framePeriod;
        final double gaussian = noise.nextGaussian();
        effectSigma = spec.noiseSigma();
        effectAdded = 0.0;
        effectReplacement = 0.0;
        effectReplaced = false;
        effectStuck = false;
        effectTwoFaced = -1;
        boolean valid = Double.isFinite(truth);
        for (int i = 0; i < failure.length; i++) {
            if (frame < onset[i] || frame >= end[i]) {
                continue;
            }
            applyFailure(i, t - onset[i] * framePeriod);
            if (failure[i].selfDetected()) {
                valid = false;
            }
            samplesSinceOnset[i]++;
        }
        if (effectStuck && hasSample) {
            // Frozen: the last sample's bits exactly, only the validity follows the failure's flag.
            lastValid = valid && lastValid;
            lastTwoFaced = effectTwoFaced;
            return;
        }
        final double raw = effectReplaced
            ? effectReplacement + effectAdded
            : truth + spec.bias() + spec.driftPerSecond() * t + effectSigma * gaussian + effectAdded;
        final double quantised = quantise(raw);
        final double value = saturate(quantised);
        hasSample = true;
        lastRaw = raw;
        lastValue = value;
        lastValid = valid && Double.isFinite(value);
        lastSaturated = quantised > spec.rangeMax() || quantised < spec.rangeMin();
        lastTwoFaced = effectTwoFaced;
    }

    /** Applies active failure {@code i} to the sample being taken ({@code effect*} fields). */
    private void applyFailure(final int i, final double sinceOnset) {
        final SensorFailure f = failure[i];
        switch (f.mode()) {
            case STUCK -> effectStuck = true;
            case HARD_OVER -> replace(f.high() ? spec.rangeMax() : spec.rangeMin());
            case NULL -> replace(0.0);
            case RAMP -> effectAdded += f.rate() * sinceOnset;
            case NOISE_BURST -> effectSigma *= f.magnitude();
            case SPIKES -> {
                final boolean spike = f.periodSamples() > 0
                    ? samplesSinceOnset[i] % f.periodSamples() == 0
                    : failureRandom.chance(f.probability());
                if (spike && f.additive()) {
                    effectAdded += f.magnitude();
                } else if (spike) {
                    replace(f.magnitude());
                }
            }
            case OSCILLATION -> effectAdded += f.magnitude() * StrictMath.sin(TWO_PI * f.frequencyHz() * sinceOnset);
            case ERRATIC -> replace(failureRandom.uniform(spec.rangeMin(), spec.rangeMax()));
            case TWO_FACED -> effectTwoFaced = i;
            case BIAS -> effectAdded += f.magnitude();
            default -> throw new IllegalStateException("unhandled failure mode " + f.mode());
        }
    }

    private void replace(final double value) {
        effectReplaced = true;
        effectReplacement = value;
    }

    private void store(final int slot, final boolean fresh) {
        lineRaw[slot] = hasSample ? lastRaw : Double.NaN;
        lineValue[slot] = hasSample ? lastValue : Double.NaN;
        lineFresh[slot] = fresh && hasSample;
        lineValid[slot] = hasSample && lastValid;
        lineSaturated[slot] = hasSample && lastSaturated;
        lineTwoFaced[slot] = hasSample ? lastTwoFaced : -1;
    }

    private double quantise(final double x) {
        final double step = spec.resolution();
        return step > 0.0 ? Math.rint(x / step) * step : x;
    }

    private double saturate(final double x) {
        if (x > spec.rangeMax()) {
            return spec.rangeMax();
        }
        if (x < spec.rangeMin()) {
            return spec.rangeMin();
        }
        return x;
    }
}
