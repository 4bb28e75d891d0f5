package org.bftvote.sim.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.bftvote.sim.emulation.BusScheduling;
import org.bftvote.sim.emulation.BusSpec;
import org.bftvote.sim.emulation.ConstantTruth;
import org.bftvote.sim.emulation.CsvTruth;
import org.bftvote.sim.emulation.DoubletTruth;
import org.bftvote.sim.emulation.FailureMode;
import org.bftvote.sim.emulation.LossSpec;
import org.bftvote.sim.emulation.RandomWalkTruth;
import org.bftvote.sim.emulation.SensorFailure;
import org.bftvote.sim.emulation.SensorSpec;
import org.bftvote.sim.emulation.SimRandom;
import org.bftvote.sim.emulation.SineSumTruth;
import org.bftvote.sim.emulation.StepTruth;
import org.bftvote.sim.emulation.TruthFileException;
import org.bftvote.sim.emulation.TruthModel;
import org.bftvote.sim.profile.BusProfile;
import org.bftvote.sim.profile.FailureKind;
import org.bftvote.sim.profile.FaultParameters;
import org.bftvote.sim.profile.HardOverDirection;
import org.bftvote.sim.profile.LossModel;
import org.bftvote.sim.profile.ScheduleKind;
import org.bftvote.sim.profile.SensorProfile;
import org.bftvote.sim.scenario.TruthSpec.Constant;
import org.bftvote.sim.scenario.TruthSpec.CsvFile;
import org.bftvote.sim.scenario.TruthSpec.Doublet;
import org.bftvote.sim.scenario.TruthSpec.RandomWalk;
import org.bftvote.sim.scenario.TruthSpec.Step;
import org.bftvote.sim.scenario.TruthSpec.SumOfSines;
import org.bftvote.sim.yaml.IoReasons;
import org.bftvote.sim.yaml.ProfileException;

/**
 * Translates profile and scenario records into the emulation's spec records (sensors, failures, truth, buses).
 * Build-time only.
 *
 * <p>Choices made here: a sensor's update divider is {@code max(1, round(frame rate / update rate))} and its
 * latency {@code round(latency · frame rate)} frames; a bus round's deadline is its worst case
 * ({@code latency_max + jitter}), so only injected delays and off-specification timing arrive late; a bus's
 * detection coverage is {@code 1 − undetected_fraction}; {@code stuck} with a {@code value} repeats that value bit
 * for bit (otherwise the last sample); spikes add their {@code amplitude} to {@code spike_rate / update rate} of
 * the fresh samples; a sensor {@code two_faced} failure shows {@code ±spread/2} by lane parity.
 */
public final class EmulationMapping {
    private static final double US = 1e6;

    private EmulationMapping() {
    }

    /**
     * @param sensor      the sensor profile
     * @param frameRateHz the platform's frame rate
     * @return frames from one sample to the next: {@code max(1, round(frame rate / update rate))}
     */
    public static long updateDivider(final SensorProfile sensor, final double frameRateHz) {
        return Math.max(1L, Math.round(frameRateHz / sensor.updateRate()));
    }

    /**
     * @param sensor      the sensor profile
     * @param frameRateHz the platform's frame rate
     * @return the healthy sensor's spec, with the profile's bias as the unit's bias
     */
    public static SensorSpec sensor(final SensorProfile sensor, final double frameRateHz) {
        return sensor(sensor, frameRateHz, sensor.bias());
    }

    /**
     * @param sensor      the sensor profile
     * @param frameRateHz the platform's frame rate
     * @param unitBias    this unit's own bias (the profile gives the spread between units)
     * @return the healthy sensor's spec
     */
    public static SensorSpec sensor(final SensorProfile sensor, final double frameRateHz, final double unitBias) {
        final int divider = (int) Math.min(Integer.MAX_VALUE, updateDivider(sensor, frameRateHz));
        final int latency = (int) Math.min(SensorSpec.MAX_LATENCY_FRAMES,
            Math.round(sensor.latencySeconds() * frameRateHz));
        return new SensorSpec(sensor.rangeMin(), sensor.rangeMax(), sensor.resolution(), sensor.noiseRms(),
            unitBias, 0.0, divider, latency);
    }

    /**
     * @param kind   failure kind
     * @param p      its parameters
     * @param sensor the sensor it strikes
     * @param lane   the lane reading that sensor
     * @return what the failure does
     */
    public static SensorFailure failure(final FailureKind kind, final FaultParameters p, final SensorProfile sensor,
        final int lane) {
        return switch (kind) {
            case STUCK -> Double.isFinite(p.value()) ? SensorFailure.spikes(1.0, p.value()) : SensorFailure.stuck();
            case HARD_OVER -> SensorFailure.hardOver(p.direction() != HardOverDirection.MIN);
            case NULL_OUTPUT -> SensorFailure.nullValue();
            case RAMP_DRIFT -> SensorFailure.ramp(p.slopePerSecond());
            case NOISE_BURST -> SensorFailure.noiseBurst(sensor.noiseRms() > 0.0 ? p.noiseRms() / sensor.noiseRms()
                : 1.0);
            case INTERMITTENT_SPIKES -> new SensorFailure(FailureMode.SPIKES, p.amplitude(), 0.0, 0.0,
                Math.min(1.0, p.spikeRate() / sensor.updateRate()), 0, true, false, false, null);
            case OSCILLATION -> SensorFailure.oscillation(p.amplitude(), p.frequency());
            case ERRATIC -> SensorFailure.erratic();
            case TWO_FACED -> SensorFailure.twoFaced(twoFacedOffsets(p.spread(), lane));
            case BIAS -> SensorFailure.bias(p.offset());
        };
    }

    private static double[] twoFacedOffsets(final double spread, final int lanes) {
        final double[] offsets = new double[Math.max(lanes + 1, 64)];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = (i % 2 == 0 ? 0.5 : -0.5) * (Double.isFinite(spread) ? spread : 0.0);
        }
        return offsets;
    }

    /**
     * @param model       the scenario's truth for one signal
     * @param random      the signal's truth stream (used by random walks only)
     * @return the emulation truth model
     * @throws ProfileException if a CSV truth file cannot be read
     */
    public static TruthModel truth(final org.bftvote.sim.scenario.TruthSpec model, final SimRandom random)
        throws ProfileException {
        if (model instanceof Constant c) {
            return new ConstantTruth(c.value());
        }
        if (model instanceof SumOfSines s) {
            final int n = s.components().size();
            final double[] amplitude = new double[n];
            final double[] frequency = new double[n];
            final double[] phase = new double[n];
            for (int i = 0; i < n; i++) {
                amplitude[i] = s.components().get(i).amplitude();
                frequency[i] = s.components().get(i).frequency();
                phase[i] = Math.toRadians(s.components().get(i).phaseDegrees());
            }
            return new SineSumTruth(s.offset(), amplitude, frequency, phase);
        }
        if (model instanceof Step s) {
            return new StepTruth(s.atSeconds(), s.initial(), s.end());
        }
        if (model instanceof Doublet d) {
            return new OffsetTruth(d.baseline(), new DoubletTruth(d.startSeconds(), d.halfPeriodSeconds(),
                d.amplitude()));
        }
        if (model instanceof RandomWalk w) {
            return new RandomWalkTruth(w.initial(), w.sigmaPerRootSecond(), random);
        }
        if (model instanceof CsvFile f) {
            return csv(f);
        }
        throw new IllegalStateException("unhandled truth model " + model);
    }

    /** Reads the named columns, converts their units to canonical ones and hands time,value rows to CsvTruth. */
    private static TruthModel csv(final CsvFile f) throws ProfileException {
        final String name = f.file().toString();
        try {
            final List<String> lines = Files.readAllLines(f.file(), StandardCharsets.UTF_8);
            final StringBuilder rows = new StringBuilder();
            int timeColumn = -1;
            int valueColumn = -1;
            for (int i = 0; i < lines.size(); i++) {
                final String line = lines.get(i).trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                final String[] cells = line.split(",", -1);
                if (timeColumn < 0) {
                    timeColumn = List.of(cells).indexOf(f.timeColumn());
                    valueColumn = List.of(cells).indexOf(f.valueColumn());
                    if (timeColumn < 0 || valueColumn < 0) {
                        throw new ProfileException(name, i + 1, "header", "columns '" + f.timeColumn() + "' and '"
                            + f.valueColumn() + "' expected");
                    }
                    continue;
                }
                final int row = i + 1;
                rows.append(f.timeUnit().toCanonical(number(name, row, cells, timeColumn))).append(',')
                    .append(f.valueUnit().toCanonical(number(name, row, cells, valueColumn))).append('\n');
            }
            return CsvTruth.parse(name, new BufferedReader(new StringReader(rows.toString())));
        } catch (final IOException e) {
            throw new ProfileException(name, 0, "file", "cannot read: " + IoReasons.reason(e));
        } catch (final TruthFileException e) {
            throw new ProfileException(name, 0, e.field(), e.getMessage());
        }
    }

    private static double number(final String file, final int line, final String[] cells, final int column)
        throws ProfileException {
        try {
            return Double.parseDouble(cells[column].trim());
        } catch (final NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new ProfileException(file, line, "column " + (column + 1), "a number expected");
        }
    }

    /**
     * @param bus the bus profile
     * @return one of its networks, healthy apart from its profile's background loss and bit errors
     */
    public static BusSpec bus(final BusProfile bus) {
        final double minUs = bus.latencyMinSeconds() * US;
        final double maxUs = bus.latencyMaxSeconds() * US;
        final double jitterUs = bus.jitterSeconds() * US;
        final BusScheduling scheduling = bus.scheduling().kind() == ScheduleKind.TIME_TRIGGERED
            ? BusScheduling.TIME_TRIGGERED : BusScheduling.PERIODIC;
        final double slotUs = Double.isFinite(bus.scheduling().slotSeconds()) ? bus.scheduling().slotSeconds() * US
            : 0.0;
        final double deadline = scheduling == BusScheduling.TIME_TRIGGERED ? maxUs + jitterUs + 64 * slotUs
            : maxUs + jitterUs;
        return new BusSpec(minUs, maxUs, jitterUs, deadline, scheduling, slotUs, loss(bus.loss()), 0.0,
            bus.errors().bitErrorRate(), 1.0 - bus.errors().undetectedFraction());
    }

    /**
     * @param model a profile loss model
     * @return the emulation's loss spec
     */
    public static LossSpec loss(final LossModel model) {
        if (model instanceof LossModel.GilbertElliott g) {
            return LossSpec.gilbertElliott(g.p(), g.r(), g.h(), g.k());
        }
        return LossSpec.independent(((LossModel.Independent) model).probability());
    }

    /**
     * @param spec          a network's spec
     * @param extraLatencyS added transfer time
     * @return the same network, slower by that much (the deadline stays)
     */
    public static BusSpec delayed(final BusSpec spec, final double extraLatencyS) {
        return new BusSpec(spec.latencyMinUs() + extraLatencyS * US, spec.latencyMaxUs() + extraLatencyS * US,
            spec.jitterUs(), spec.deadlineUs(), spec.scheduling(), spec.slotUs(), spec.loss(),
            spec.duplicationProbability(), spec.bitErrorRate(), spec.detectionCoverage());
    }

    /** A truth model shifted by a constant (a doublet about its baseline). */
    private record OffsetTruth(double offset, TruthModel inner) implements TruthModel {
        @Override
        public double valueAt(final long frame, final double t) {
            return offset + inner.valueAt(frame, t);
        }
    }
}
