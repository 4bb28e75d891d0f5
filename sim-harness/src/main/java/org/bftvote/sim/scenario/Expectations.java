package org.bftvote.sim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a scenario run must show to pass; an absent expectation is not checked. A run whose expectations are not met
 * ends with exit code 1.
 *
 * @param maxAgreementViolations largest number of frames in which two healthy lanes decided different vectors
 * @param detections             faults that must be detected (the faulty channel or lane declared failed) in time
 * @param minAvailability        smallest fraction of frames in which every signal had a valid voted output, 0 to 1
 * @param hypothesisExceeded     whether the injected faults must (true) or must not (false) exceed the platform's
 *                               fault hypothesis
 * @param maxOutputErrorRms      per signal name, the largest RMS error of the voted output against truth, canonical
 *                               signal unit; in file order
 * @param maxFalseExclusions     largest number of exclusions of a healthy unit by a healthy lane
 * @param agreementLost          whether healthy lanes must (true) or must not (false) have disagreed in some frame
 * @param maxValidityViolations  largest number of frames in which a healthy lane's valid output left the range of
 *                               the healthy sensors' valid readings
 * @param recovery               what the run must show about divergence and recovery
 */
public record Expectations(OptionalLong maxAgreementViolations, List<Detection> detections,
                           OptionalDouble minAvailability, Optional<Boolean> hypothesisExceeded,
                           Map<String, Double> maxOutputErrorRms, OptionalLong maxFalseExclusions,
                           Optional<Boolean> agreementLost, OptionalLong maxValidityViolations, Recovery recovery) {

    /** A scenario without expectations. */
    public static final Expectations NONE = new Expectations(OptionalLong.empty(), List.of(), OptionalDouble.empty(),
        Optional.empty(), Map.of(), OptionalLong.empty(), Optional.empty(), OptionalLong.empty(), Recovery.NONE);

    /**
     * Copies the collections, keeping the map in file order.
     *
     * @param maxAgreementViolations see the record description
     * @param detections             see the record description
     * @param minAvailability        see the record description
     * @param hypothesisExceeded     see the record description
     * @param maxOutputErrorRms      see the record description
     * @param maxFalseExclusions     see the record description
     * @param agreementLost          see the record description
     * @param maxValidityViolations  see the record description
     * @param recovery               see the record description
     */
    public Expectations {
        detections = List.copyOf(detections);
        maxOutputErrorRms = Collections.unmodifiableMap(new LinkedHashMap<>(maxOutputErrorRms));
    }

    /**
     * What a run must show about divergence (healthy lanes not bit-identical) and recovery; an absent one is not
     * checked.
     *
     * @param maxUndetectedDivergenceFrames largest number of frames in which two healthy lanes presented different
     *                                      values neither flagged (DIVERGED or SYNCING)
     * @param maxRecoveryFrames             largest number of consecutive divergence frames within the hypothesis
     * @param recoveryWithinBound           whether that longest recovery must (true) or must not (false) be within
     *                                      the lanes' recovery bound
     * @param maxFlagLatencyFrames          largest number of frames from a divergence's first frame to the first
     *                                      frame every healthy lane flagged it; at least one divergence must have
     *                                      been flagged everywhere
     * @param maxLaneReadmissions           largest number of times any lane is readmitted after an exclusion
     */
    public record Recovery(OptionalLong maxUndetectedDivergenceFrames, OptionalLong maxRecoveryFrames,
                           Optional<Boolean> recoveryWithinBound, OptionalLong maxFlagLatencyFrames,
                           OptionalLong maxLaneReadmissions) {
        /** No recovery expectation. */
        public static final Recovery NONE = new Recovery(OptionalLong.empty(), OptionalLong.empty(), Optional.empty(),
            OptionalLong.empty(), OptionalLong.empty());
    }

    /**
     * A fault that must be detected within a time of its start.
     *
     * @param faultId       the id of the fault injection
     * @param withinSeconds the largest allowed detection delay, seconds
     */
    public record Detection(String faultId, double withinSeconds) {
    }
}
