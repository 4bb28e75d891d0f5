package org.bftvote.sim.profile;

/**
 * A lane failure mode with its rate, from a platform profile's {@code lane_failure_modes}. A two-faced or
 * off-specification-timing lane's victims are the lanes at an odd distance after it in the lane order (the next
 * lane, the third after it, ...): a split between the receivers, which is what makes such a fault asymmetric.
 *
 * @param kind              the mode
 * @param ratePerFlightHour onsets per flight hour, &gt;= 0
 * @param durationSeconds   how long each occurrence lasts, seconds; NaN for the rest of the flight
 * @param probability       omission: chance each frame's messages are dropped; NaN otherwise
 * @param offsetFraction    two_faced: offset sent to victims, as a fraction of each signal's range; NaN otherwise
 * @param delaySeconds      off_spec_timing: how late the lane sends, seconds; NaN otherwise
 * @param babbleRate        babbling: extra messages per second, Hz; NaN otherwise
 */
public record RatedLaneFailure(LaneFailureKind kind, double ratePerFlightHour, double durationSeconds,
                               double probability, double offsetFraction, double delaySeconds, double babbleRate) {

    /**
     * @param lane     the failing lane's index
     * @param receiver a receiving lane's index
     * @param lanes    number of lanes
     * @return whether {@code lane}'s two-faced or late messages reach {@code receiver} wrongly (the lanes at an odd
     *         distance after {@code lane})
     */
    public static boolean victim(final int lane, final int receiver, final int lanes) {
        final int distance = Math.floorMod(receiver - lane, lanes);
        return distance % 2 != 0;
    }
}
