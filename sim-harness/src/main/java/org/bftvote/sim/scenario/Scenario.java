package org.bftvote.sim.scenario;

import java.util.List;
import java.util.Locale;

import org.bftvote.sim.profile.PlatformProfile;

/**
 * A validated scenario: which platform to run, for how long, with which truth and faults, and what the run must
 * show. Loaded from {@code sim-harness/scenarios/NAME.yaml} by {@link ScenarioLoader}.
 *
 * @param name            scenario name, equal to the file name without {@code .yaml}
 * @param file            the file it was loaded from, as shown in messages
 * @param description     what the scenario shows
 * @param platform        the platform, with its profiles resolved
 * @param durationSeconds how long the run lasts, seconds
 * @param seed            the seed every random stream of the run derives from
 * @param truthBySignal   the truth model of each signal, indexed like {@code platform.signals()}
 * @param faults          the scheduled fault injections, in file order
 * @param randomFaults    whether faults are also drawn from the profiles' rates
 * @param expectations    what the run must show
 */
public record Scenario(String name, String file, String description, PlatformProfile platform,
                       double durationSeconds, long seed, List<TruthSpec> truthBySignal,
                       List<FaultInjection> faults, RandomFaults randomFaults, Expectations expectations) {

    /**
     * Copies the lists so the record is immutable.
     *
     * @param name            see the record description
     * @param file            see the record description
     * @param description     see the record description
     * @param platform        see the record description
     * @param durationSeconds see the record description
     * @param seed            see the record description
     * @param truthBySignal   see the record description
     * @param faults          see the record description
     * @param randomFaults    see the record description
     * @param expectations    see the record description
     */
    public Scenario {
        truthBySignal = List.copyOf(truthBySignal);
        faults = List.copyOf(faults);
    }

    /**
     * Most frames a run may have: 2^53, the last count up to which every frame number, and every frame's time in
     * seconds, is exact in a {@code double}. Beyond it a run would also never end in practice (2^53 frames at 100 Hz
     * is about 2.9 million years), so it is refused rather than started.
     */
    public static final double MAX_FRAMES = 0x1p53;

    /**
     * Why a run of this length cannot be made, or null if it can.
     *
     * @param durationSeconds the run's length, seconds (positive and finite)
     * @param frameRateHz     the frames a second
     * @return null, or "{duration} s is {frames} frames at {rate} Hz, more than ..." for a run over {@link #MAX_FRAMES}
     */
    public static String lengthProblem(final double durationSeconds, final double frameRateHz) {
        final double frames = Math.ceil(durationSeconds * frameRateHz);
        if (frames <= MAX_FRAMES) {
            return null;
        }
        return String.format(Locale.ROOT, "%.3g s is %.3g frames at %.3g Hz, more than a run can number exactly"
            + " (2^53 = %d frames)", durationSeconds, frames, frameRateHz, (long) MAX_FRAMES);
    }

    /**
     * Returns a copy with another seed and duration, as the command line's {@code --seed} and {@code --duration}
     * override them.
     *
     * @param newSeed            the seed
     * @param newDurationSeconds the duration, seconds
     * @return the copy
     */
    public Scenario withRun(final long newSeed, final double newDurationSeconds) {
        return new Scenario(name, file, description, platform, newDurationSeconds, newSeed, truthBySignal, faults,
            randomFaults, expectations);
    }
}
