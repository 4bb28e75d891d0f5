package org.bftvote.sim.scenario;

import java.nio.file.Path;
import java.util.List;

import org.bftvote.sim.yaml.Unit;

/**
 * The true value of one signal over time, which every lane's sensor measures. Values are in the canonical unit of
 * the signal's dimension, times in seconds from the start of the run.
 */
public sealed interface TruthSpec permits TruthSpec.Constant, TruthSpec.SumOfSines, TruthSpec.Step,
    TruthSpec.Doublet, TruthSpec.RandomWalk, TruthSpec.CsvFile {

    /**
     * Returns the kind of model.
     *
     * @return the kind
     */
    TruthKind kind();

    /**
     * A constant value.
     *
     * @param value the value
     */
    record Constant(double value) implements TruthSpec {
        @Override
        public TruthKind kind() {
            return TruthKind.CONSTANT;
        }
    }

    /**
     * One sine component: {@code amplitude * sin(2 pi frequency t + phase)}.
     *
     * @param amplitude    the amplitude
     * @param frequency    the frequency, Hz
     * @param phaseDegrees the phase at t = 0, degrees
     */
    record Sine(double amplitude, double frequency, double phaseDegrees) {
    }

    /**
     * An offset plus a sum of sines.
     *
     * @param offset     the constant part
     * @param components the sines, in file order
     */
    record SumOfSines(double offset, List<Sine> components) implements TruthSpec {
        /**
         * Copies the component list.
         *
         * @param offset     see the record description
         * @param components see the record description
         */
        public SumOfSines {
            components = List.copyOf(components);
        }

        @Override
        public TruthKind kind() {
            return TruthKind.SUM_OF_SINES;
        }
    }

    /**
     * A step.
     *
     * @param initial   the value before the step
     * @param end       the value from the step on
     * @param atSeconds when the step happens
     */
    record Step(double initial, double end, double atSeconds) implements TruthSpec {
        @Override
        public TruthKind kind() {
            return TruthKind.STEP;
        }
    }

    /**
     * A doublet: baseline, +amplitude for half a period, -amplitude for half a period, baseline again.
     *
     * @param baseline          the value outside the doublet
     * @param amplitude         the deflection
     * @param startSeconds      when the doublet starts
     * @param halfPeriodSeconds how long each half lasts
     */
    record Doublet(double baseline, double amplitude, double startSeconds, double halfPeriodSeconds)
        implements TruthSpec {
        @Override
        public TruthKind kind() {
            return TruthKind.DOUBLET;
        }
    }

    /**
     * A Gaussian random walk, clamped to the signal range, drawn from the scenario's seeded truth stream.
     *
     * @param initial            the value at t = 0
     * @param sigmaPerRootSecond standard deviation of the change over one second; over dt it is
     *                           {@code sigma * sqrt(dt)}
     */
    record RandomWalk(double initial, double sigmaPerRootSecond) implements TruthSpec {
        @Override
        public TruthKind kind() {
            return TruthKind.RANDOM_WALK;
        }
    }

    /**
     * Values from a CSV file with a header line, linearly interpolated between rows and held after the last.
     *
     * @param file        the CSV file (resolved against the scenario file's directory)
     * @param timeColumn  header of the time column
     * @param timeUnit    unit of the time column
     * @param valueColumn header of the value column
     * @param valueUnit   unit of the value column (same dimension as the signal)
     */
    record CsvFile(Path file, String timeColumn, Unit timeUnit, String valueColumn, Unit valueUnit)
        implements TruthSpec {
        @Override
        public TruthKind kind() {
            return TruthKind.CSV;
        }
    }
}
