package org.bftvote.sim.campaign;

import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.results.ExpectationReport;
import org.bftvote.sim.results.ExpectationResult;
import org.bftvote.sim.results.FaultOutcome;
import org.bftvote.sim.results.RunMetrics;

/**
 * The figures one run of a campaign contributes: what {@code campaign.csv} holds in its row and what
 * {@code campaign.json} aggregates. Every figure is the run's {@link RunMetrics} value of the same name. It is all
 * that a run leaves for the aggregate ({@link RunResultFile} writes and reads it), so the aggregate can be rebuilt
 * from disk alone.
 *
 * @param index                          run number, 0-based
 * @param seed                           the run's seed ({@link CampaignSeeds})
 * @param agreementViolationFrames       frames in which healthy lanes disagreed
 * @param agreementViolationsWithinHypothesis those of them in frames within the fault hypothesis
 * @param validityViolationFrames        frames with a healthy lane's output outside the healthy readings
 * @param falseExclusions                healthy units excluded by healthy lanes
 * @param availability                   per signal, share of frames with every healthy lane's output valid
 * @param errorRms                       per signal, RMS output error (NaN when never measured)
 * @param errorMax                       per signal, largest output error (NaN when never measured)
 * @param faults                         what became of each scheduled fault, in scenario order
 * @param hypothesisExceeded             whether the fault hypothesis was exceeded in some frame
 * @param agreementLost                  whether any agreement violation happened
 * @param failedExpectations             each expectation that did not hold, as "name: actual (expected ...)";
 *                                       empty when all held
 */
public record CampaignRun(long index, long seed, long agreementViolationFrames,
                          long agreementViolationsWithinHypothesis, long validityViolationFrames,
                          long falseExclusions, double[] availability, double[] errorRms, double[] errorMax,
                          List<FaultResult> faults, boolean hypothesisExceeded, boolean agreementLost,
                          List<String> failedExpectations) {

    /**
     * What became of one scheduled fault in a run.
     *
     * @param status        detected, undetected, not started, no unit
     * @param latencyFrames detection latency in frames, -1 unless detected
     */
    public record FaultResult(FaultOutcome.Status status, long latencyFrames) {
        /** @return whether the fault was detected */
        public boolean detected() {
            return status == FaultOutcome.Status.DETECTED;
        }
    }

    /**
     * Copies the arrays and the lists so the record is immutable.
     *
     * @param index                               see the record description
     * @param seed                                see the record description
     * @param agreementViolationFrames            see the record description
     * @param agreementViolationsWithinHypothesis see the record description
     * @param validityViolationFrames             see the record description
     * @param falseExclusions                     see the record description
     * @param availability                        see the record description
     * @param errorRms                            see the record description
     * @param errorMax                            see the record description
     * @param faults                              see the record description
     * @param hypothesisExceeded                  see the record description
     * @param agreementLost                       see the record description
     * @param failedExpectations                  see the record description
     */
    public CampaignRun {
        availability = availability.clone();
        errorRms = errorRms.clone();
        errorMax = errorMax.clone();
        faults = List.copyOf(faults);
        failedExpectations = List.copyOf(failedExpectations);
    }

    /**
     * Takes the figures of a finished run.
     *
     * @param index   run number, 0-based
     * @param seed    its seed
     * @param metrics its metrics
     * @param verdict its expectations
     * @return the run's figures
     */
    public static CampaignRun of(final long index, final long seed, final RunMetrics metrics,
        final ExpectationReport verdict) {
        final int signals = metrics.descriptor().signalCount();
        final double[] availability = new double[signals];
        final double[] rms = new double[signals];
        final double[] max = new double[signals];
        for (int s = 0; s < signals; s++) {
            availability[s] = metrics.availability(s);
            rms[s] = metrics.errorRms(s);
            max[s] = metrics.errorMax(s);
        }
        final List<FaultResult> faults = new ArrayList<>();
        for (final FaultOutcome o : metrics.faultOutcomes()) {
            faults.add(new FaultResult(o.status(), o.detected() ? o.latencyFrames() : -1L));
        }
        final List<String> failed = new ArrayList<>();
        for (final ExpectationResult r : verdict.results()) {
            if (!r.passed()) {
                failed.add(r.name() + ": " + r.actual() + " (expected " + r.expected() + ")");
            }
        }
        return new CampaignRun(index, seed, metrics.agreementViolationFrames(),
            metrics.agreementViolationFrames() - metrics.agreementViolationsWhileExceeded(),
            metrics.validityViolationFrames(), metrics.falseExclusions(), availability, rms, max, faults,
            metrics.hypothesisExceeded(), metrics.agreementLost(), failed);
    }

    /** @return whether every expectation of the scenario held */
    public boolean expectationsPassed() {
        return failedExpectations.isEmpty();
    }

    /** @return the lowest availability over the signals (1 when there are none) */
    public double availabilityMin() {
        double min = 1.0;
        for (final double a : availability) {
            min = Math.min(min, a);
        }
        return min;
    }

    /** @return whether healthy lanes disagreed in a frame within the fault hypothesis (must never happen) */
    public boolean agreementLostWithinHypothesis() {
        return agreementViolationsWithinHypothesis > 0;
    }
}
