package org.bftvote.sim.profile;

import java.util.Optional;

/**
 * How the lanes of a platform reach interactive consistency on their readings, and when they take back a lane they
 * excluded.
 *
 * @param mode            the algorithm
 * @param m               number of relay rounds beyond the first (OM(m)); 0 is a single broadcast round
 * @param asymmetric      omh: asymmetric (Byzantine) faults tolerated, a; for om equals m
 * @param symmetric       omh: symmetric faults tolerated, s; 0 for om
 * @param benign          omh: benign (manifest) faults tolerated, b; 0 for om
 * @param laneReadmission when an excluded lane is readmitted; empty for the library's default
 */
public record AgreementSettings(AgreementMode mode, int m, int asymmetric, int symmetric, int benign,
                                Optional<LaneReadmission> laneReadmission) {

    /**
     * Settings with the library's default lane readmission.
     *
     * @param mode       see the record description
     * @param m          see the record description
     * @param asymmetric see the record description
     * @param symmetric  see the record description
     * @param benign     see the record description
     */
    public AgreementSettings(final AgreementMode mode, final int m, final int asymmetric, final int symmetric,
                             final int benign) {
        this(mode, m, asymmetric, symmetric, benign, Optional.empty());
    }

    /**
     * When an excluded lane comes back.
     *
     * @param policy      never, or after clean frames
     * @param cleanFrames after_clean_frames: consecutive frames in which fewer than f + 1 lanes accuse it; never: 0
     * @param maxTimes    after_clean_frames: readmissions allowed per lane (a lane excluded again after the last
     *                    one stays out); never: 0
     */
    public record LaneReadmission(LaneReadmissionKind policy, int cleanFrames, int maxTimes) {
    }
}
