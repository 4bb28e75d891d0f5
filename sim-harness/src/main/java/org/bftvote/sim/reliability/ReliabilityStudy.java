package org.bftvote.sim.reliability;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.yaml.ProfileException;

/**
 * A reliability estimate of one platform: importance sampling of its fault combinations on the simulator, the
 * buses' own contribution from fault-free flight time, and, when asked, the two checks (the Markov model with
 * simulator coverage at the profiles' rates; plain Monte Carlo against importance sampling at inflated rates).
 */
public final class ReliabilityStudy {
    private final Scenario base;
    private final FailureCatalog catalog;
    private final ReliabilitySettings settings;

    /**
     * Everything the study found.
     *
     * @param base        the platform and truth
     * @param catalog     the units and their rates
     * @param settings    how it was made
     * @param importance  the importance-sampling run at the profiles' rates
     * @param background  per condition, episodes in the fault-free windows; last entry the frames judged
     * @param check       the checks, or {@code null} when not asked
     */
    public record Result(Scenario base, FailureCatalog catalog, ReliabilitySettings settings,
                         ImportanceResult importance, long[] background, Check check) {
        /** @return fault-free flight hours judged */
        public double backgroundHours() {
            return background[background.length - 1] / base.platform().frameRate() / 3600.0;
        }
    }

    /**
     * The checks.
     *
     * @param scale     the rate inflation factor of the plain Monte Carlo comparison
     * @param plain     plain Monte Carlo at the inflated rates
     * @param inflated  importance sampling at the inflated rates
     * @param coverage  the Markov models' coverage at the profiles' rates, per condition and signal
     */
    public record Check(double scale, PlainMonteCarlo plain, ImportanceResult inflated,
                        List<CoverageModel.SignalCoverage> coverage) {
    }

    /**
     * @param base     the platform and truth
     * @param settings how to estimate
     */
    public ReliabilityStudy(final Scenario base, final ReliabilitySettings settings) {
        this.base = base;
        this.catalog = FailureCatalog.of(base.platform());
        this.settings = settings;
        if (catalog.units().isEmpty()) {
            throw new IllegalArgumentException("platform " + base.platform().name() + " rates no failure: its "
                + "sensor profiles' failure_modes and its lane_failure_modes are all empty or zero");
        }
    }

    /**
     * @param log one line at each step and every tenth of a step's samples
     * @return the findings
     * @throws ProfileException if the platform asks for a configuration the library refuses
     */
    public Result run(final PrintWriter log) throws ProfileException {
        final SimulatorOracle oracle = new SimulatorOracle(base, catalog, settings.warmupSeconds(),
            settings.settleSeconds(), settings.missionHours(), settings.conditions());
        log.printf("importance sampling: %d units, %d modes, %d samples over 1 to %d faults%n",
            catalog.units().size(), catalog.events().size(), settings.samples(), settings.maxFaults());
        log.flush();
        final ImportanceResult importance = new ImportanceSampling(catalog, oracle, settings.missionHours(),
            settings.maxFaults(), settings.biasWeight(), settings.seed(), settings.threads(), settings.conditions(),
            settings.stratification()).run(settings.samples(), tenths(log, "importance sampling", settings.samples()));
        final long[] background = background(oracle, log);
        final Check check = settings.check() ? check(oracle, log) : null;
        return new Result(base, catalog, settings, importance, background, check);
    }

    private long[] background(final SimulatorOracle oracle, final PrintWriter log) throws ProfileException {
        final double windowSeconds = 60.0;
        final int windows = (int) Math.ceil(settings.backgroundHours() * 3600.0 / windowSeconds);
        log.printf("background: %d fault-free windows of %.0f s%n", windows, windowSeconds);
        log.flush();
        final List<long[]> counts = ParallelSamples.run(0, windows, settings.threads(),
            i -> oracle.background(windowSeconds, new org.bftvote.sim.emulation.RandomStreams(settings.seed())
                .stream("background." + i).nextLong()), i -> { });
        final long[] total = new long[Condition.values().length + 1];
        for (final long[] c : counts) {
            for (int i = 0; i < total.length; i++) {
                total[i] += c[i];
            }
        }
        return total;
    }

    private Check check(final SimulatorOracle oracle, final PrintWriter log) throws ProfileException {
        final double scale = settings.checkLoad() / (catalog.totalRate() * settings.missionHours());
        final FailureCatalog inflated = catalog.scaled(scale);
        final SimulatorOracle inflatedOracle = new SimulatorOracle(base, inflated, settings.warmupSeconds(),
            settings.settleSeconds(), settings.missionHours(), settings.conditions());
        log.printf("check: plain Monte Carlo at rates x%.4g (%d flights)%n", scale, settings.checkSamples());
        log.flush();
        final PlainMonteCarlo plain = PlainMonteCarlo.run(inflated, inflatedOracle, settings.missionHours(),
            settings.checkSamples(), settings.seed() ^ 0x5DEECE66DL, settings.threads(),
            tenths(log, "plain Monte Carlo", settings.checkSamples()));
        log.printf("check: importance sampling at the same rates (%d samples)%n", settings.checkSamples());
        log.flush();
        final int k = Math.max(settings.maxFaults(), 4);
        final ImportanceResult is = new ImportanceSampling(inflated, inflatedOracle, settings.missionHours(), k,
            settings.biasWeight(), settings.seed() ^ 0x2545F4914F6CDD1DL, settings.threads(), settings.conditions(),
            settings.stratification()).run(Math.max(settings.checkSamples(), 3 * k),
                tenths(log, "importance sampling", settings.checkSamples()));
        final int lanes = base.platform().lanes().size();
        final int signals = base.platform().signals().size();
        final int trials = (signals * lanes * lanes) * settings.coverageTrials();
        log.printf("check: Markov model coverage, %d simulator trials%n", trials);
        log.flush();
        final List<CoverageModel.SignalCoverage> coverage = new CoverageModel(catalog, oracle, lanes, signals,
            settings.seed() ^ 0x9E3779B97F4A7C15L, settings.threads())
            .measure(settings.coverageTrials(), tenths(log, "coverage", trials));
        return new Check(scale, plain, is, new ArrayList<>(coverage));
    }

    private static IntConsumer tenths(final PrintWriter log, final String what, final int total) {
        final int[] done = {0};
        return i -> {
            done[0]++;
            if (total >= 10 && done[0] % (total / 10) == 0 && done[0] <= total) {
                log.printf("  %s: %d of %d%n", what, done[0], total);
                log.flush();
            }
        };
    }
}
