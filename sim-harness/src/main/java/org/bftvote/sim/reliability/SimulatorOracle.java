package org.bftvote.sim.reliability;

import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.RunDescriptor;
import org.bftvote.sim.run.Simulation;
import org.bftvote.sim.scenario.Expectations;
import org.bftvote.sim.scenario.FaultInjection;
import org.bftvote.sim.scenario.RandomFaults;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.yaml.ProfileException;

/**
 * Judges a flight's faults on the simulator: the platform and truth of a scenario, the faults injected at their
 * {@link WindowTimeline} onsets, everything else (sensor noise, bus loss and corruption at the profiles' rates)
 * drawn from the sample's seed. The run's {@link RunMetrics} start at the first fault's onset frame, so the
 * conditions are judged by their definitions there, over the frames after it; the window stops early once every
 * watched condition has shown. A condition's outcome is fixed in the frame it first shows, so stopping then changes
 * no watched condition's outcome; the conditions not watched are left as not shown. Thread safe (each call builds
 * its own simulation).
 */
public final class SimulatorOracle implements ConsequenceOracle {
    private static final int EXCLUSIONS_KEPT = 1_024;

    private final Scenario base;
    private final FailureCatalog catalog;
    private final double warmupSeconds;
    private final double settleSeconds;
    private final double missionHours;
    private final boolean[] watched = new boolean[Condition.values().length];
    private final int watchedCount;

    /**
     * An oracle that watches every condition.
     *
     * @param base          the platform and truth (its faults, random faults and expectations are not used)
     * @param catalog       the platform's failure catalog
     * @param warmupSeconds time simulated before the first fault
     * @param settleSeconds settle time after each fault ({@link WindowTimeline})
     * @param missionHours  the flight's length
     */
    public SimulatorOracle(final Scenario base, final FailureCatalog catalog, final double warmupSeconds,
        final double settleSeconds, final double missionHours) {
        this(base, catalog, warmupSeconds, settleSeconds, missionHours, List.of(Condition.values()));
    }

    /**
     * @param base          the platform and truth (its faults, random faults and expectations are not used)
     * @param catalog       the platform's failure catalog
     * @param warmupSeconds time simulated before the first fault
     * @param settleSeconds settle time after each fault ({@link WindowTimeline})
     * @param missionHours  the flight's length
     * @param conditions    the conditions watched (at least one): a window ends once all of them have shown
     */
    public SimulatorOracle(final Scenario base, final FailureCatalog catalog, final double warmupSeconds,
        final double settleSeconds, final double missionHours, final List<Condition> conditions) {
        for (final Condition c : conditions) {
            watched[c.ordinal()] = true;
        }
        int count = 0;
        for (final boolean w : watched) {
            count += w ? 1 : 0;
        }
        if (count == 0) {
            throw new IllegalArgumentException("an oracle must watch at least one condition");
        }
        this.watchedCount = count;
        this.base = base;
        this.catalog = catalog;
        this.warmupSeconds = warmupSeconds;
        this.settleSeconds = settleSeconds;
        this.missionHours = missionHours;
    }

    @Override
    public Outcome judge(final FaultSequence sequence, final long seed) throws ProfileException {
        final double frameRate = base.platform().frameRate();
        final WindowTimeline window = WindowTimeline.of(sequence, catalog, warmupSeconds, settleSeconds,
            missionHours, 1.0 / frameRate);
        final List<FaultInjection> faults = new ArrayList<>();
        final long[] onsetFrames = new long[sequence.size()];
        for (int j = 0; j < sequence.size(); j++) {
            faults.add(catalog.events().get(sequence.event(j)).injector().at("f" + j, window.onsetSeconds()[j]));
            onsetFrames[j] = Math.round(window.onsetSeconds()[j] * frameRate);
        }
        final Scenario scenario = new Scenario(base.name(), base.file(), base.description(), base.platform(),
            window.endSeconds(), seed, base.truthBySignal(), faults, RandomFaults.OFF, Expectations.NONE);
        final Simulation simulation = new Simulation(scenario);
        final RunDescriptor descriptor = simulation.descriptor();
        final FrameSample sample = new FrameSample(descriptor);
        while (simulation.frame() < onsetFrames[0]) {
            simulation.step(sample);
        }
        final RunMetrics metrics = new RunMetrics(descriptor, new double[descriptor.signalCount()], EXCLUSIONS_KEPT);
        simulation.observers(List.of(metrics));
        return watch(simulation, sample, metrics, sequence, onsetFrames, descriptor.durationFrames());
    }

    /**
     * Runs a window without any sampled fault, only the buses' own loss and corruption, and counts each
     * condition's episodes after the warm-up: frames in which it shows while it did not in the frame before.
     *
     * @param seconds the window's length after the warm-up
     * @param seed    the window's seed
     * @return per condition (by ordinal), its episodes; the last entry is the frames judged
     * @throws ProfileException if the platform asks for a configuration the library refuses
     */
    public long[] background(final double seconds, final long seed) throws ProfileException {
        final Scenario scenario = new Scenario(base.name(), base.file(), base.description(), base.platform(),
            warmupSeconds + seconds, seed, base.truthBySignal(), List.of(), RandomFaults.OFF, Expectations.NONE);
        final Simulation simulation = new Simulation(scenario);
        final RunDescriptor descriptor = simulation.descriptor();
        final FrameSample sample = new FrameSample(descriptor);
        final long start = Math.round(warmupSeconds * base.platform().frameRate());
        while (simulation.frame() < start) {
            simulation.step(sample);
        }
        final RunMetrics metrics = new RunMetrics(descriptor, new double[descriptor.signalCount()], EXCLUSIONS_KEPT);
        simulation.observers(List.of(metrics));
        final int conditions = Condition.values().length;
        final long[] episodes = new long[conditions + 1];
        final long[] before = new long[conditions];
        final boolean[] showing = new boolean[conditions];
        while (simulation.frame() < descriptor.durationFrames()) {
            simulation.step(sample);
            for (final Condition c : Condition.values()) {
                final long count = frames(c, metrics);
                final boolean now = count > before[c.ordinal()];
                episodes[c.ordinal()] += now && !showing[c.ordinal()] ? 1 : 0;
                showing[c.ordinal()] = now;
                before[c.ordinal()] = count;
            }
        }
        episodes[conditions] = metrics.framesRun();
        return episodes;
    }

    /** Frames so far in which the condition showed on some signal (for availability: on the worst signal). */
    private static long frames(final Condition c, final RunMetrics metrics) {
        return switch (c) {
            case LOSS_OF_AGREEMENT -> metrics.agreementViolationFrames();
            case UNSAFE_OUTPUT -> metrics.validityViolationFrames();
            case LOSS_OF_SIGNAL -> {
                long worst = 0;
                for (int s = 0; s < metrics.descriptor().signalCount(); s++) {
                    worst = Math.max(worst, metrics.framesRun() - metrics.availableFrames(s));
                }
                yield worst;
            }
        };
    }

    private Outcome watch(final Simulation simulation, final FrameSample sample, final RunMetrics metrics,
        final FaultSequence sequence, final long[] onsetFrames, final long total) {
        final int conditions = Condition.values().length;
        final long[] first = new long[conditions];
        final long[] signals = new long[conditions];
        final long[] cutSet = new long[conditions];
        java.util.Arrays.fill(first, -1L);
        int shown = 0;
        while (simulation.frame() < total && shown < watchedCount) {
            final long frame = simulation.frame();
            simulation.step(sample);
            for (final Condition c : Condition.values()) {
                final int i = c.ordinal();
                if (watched[i] && first[i] < 0) {
                    signals[i] = showing(c, metrics);
                    if (signals[i] != 0L) {
                        first[i] = frame;
                        cutSet[i] = charged(sequence, onsetFrames, frame, signals[i]);
                        shown++;
                    }
                }
            }
        }
        return new Outcome(first, signals, cutSet, onsetFrames, simulation.frame());
    }

    /** The signals on which the condition has shown so far (bit per signal), by the metrics' own counters. */
    private static long showing(final Condition c, final RunMetrics metrics) {
        long mask = 0L;
        final int signals = metrics.descriptor().signalCount();
        for (int s = 0; s < signals; s++) {
            final boolean on = switch (c) {
                case LOSS_OF_AGREEMENT -> metrics.agreementViolations(s) > 0;
                case UNSAFE_OUTPUT -> metrics.validityViolations(s) > 0;
                case LOSS_OF_SIGNAL -> metrics.availableFrames(s) < metrics.framesRun();
            };
            mask |= on ? 1L << s : 0L;
        }
        return mask;
    }

    /** The faults struck by {@code frame} that touch one of {@code signals}: a sensor of it, or a lane. */
    private long charged(final FaultSequence sequence, final long[] onsetFrames, final long frame,
        final long signals) {
        long mask = 0L;
        for (int j = 0; j < sequence.size() && j < Long.SIZE; j++) {
            final FailureUnit unit = catalog.units().get(catalog.events().get(sequence.event(j)).unit());
            if (onsetFrames[j] <= frame && (unit.isLane() || (signals & (1L << unit.signal())) != 0)) {
                mask |= 1L << j;
            }
        }
        return mask;
    }
}
