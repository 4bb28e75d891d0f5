package org.bftvote.sim.profile;

/**
 * Per-signal redundancy-management settings: how channels are voted, when one is declared failed and whether it
 * comes back.
 *
 * @param voter                the voter
 * @param miscompareThreshold  a channel further than this from the voted value miscompares, canonical signal unit
 * @param rateThreshold        a channel whose value changes faster than this per second is suspect, canonical
 *                             signal unit per second; NaN when no rate check is made
 * @param persistence          how miscompares accumulate into a failure
 * @param reintegration        whether a failed channel may come back
 * @param duplexPolicy         what to do with two channels left
 * @param frozenDetection      stale-signal check, or null when there is none
 */
public record ChannelSettings(VoterKind voter, double miscompareThreshold, double rateThreshold,
                              Persistence persistence, Reintegration reintegration, DuplexPolicyKind duplexPolicy,
                              FrozenDetection frozenDetection) {

    /**
     * Miscompare persistence.
     *
     * @param kind      consecutive frames or leaky counter
     * @param frames    consecutive: miscomparing frames before failure; leaky: 0
     * @param increment leaky: added per miscompare; consecutive: 0
     * @param decrement leaky: subtracted per agreeing frame (not below 0); consecutive: 0
     * @param trip      leaky: counter value at which the channel fails; consecutive: 0
     */
    public record Persistence(PersistenceKind kind, int frames, int increment, int decrement, int trip) {
    }

    /**
     * Reintegration of a failed channel.
     *
     * @param policy     latch or readmit
     * @param goodFrames after_good_frames: consecutive agreeing frames needed; latch: 0
     */
    public record Reintegration(ReintegrationKind policy, int goodFrames) {
    }

    /**
     * Frozen (stale) signal detection: a channel whose value moves less than {@code minChange} over
     * {@code windowFrames} frames while the voted value moves more is declared frozen.
     *
     * @param windowFrames frames looked at
     * @param minChange    smallest change expected from a live sensor over the window, canonical signal unit
     */
    public record FrozenDetection(int windowFrames, double minChange) {
    }
}
