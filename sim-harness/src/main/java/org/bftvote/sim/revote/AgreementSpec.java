package org.bftvote.sim.revote;

import org.bftvote.agreement.PipelineConfig;
import org.bftvote.channel.PersistencePolicy;
import org.bftvote.sim.yaml.ProfileException;
import org.bftvote.sim.yaml.YMap;

/**
 * The {@code agreement} block of a channel configuration: what the lanes of a recorded run agreed with. A trace's
 * messages were encoded under it, so a re-vote of a trace keeps it; a configuration that names another is refused.
 *
 * @param lanes           n
 * @param m               the rounds parameter
 * @param mode            {@code om} or {@code omh}
 * @param asymmetric      a (omh)
 * @param symmetric       s (omh)
 * @param benign          b (omh)
 * @param exclusionUp     the lane-exclusion persistence: consecutive frames, or leaky up
 * @param exclusionDown   leaky down, or -1 for consecutive
 * @param exclusionTrip   leaky trip, or -1 for consecutive
 */
public record AgreementSpec(int lanes, int m, String mode, int asymmetric, int symmetric, int benign,
                            int exclusionUp, int exclusionDown, int exclusionTrip) {
    static AgreementSpec read(final YMap a) throws ProfileException {
        final int lanes = a.integer("lanes", 1, PipelineConfig.MAX_LANES);
        final int m = a.integer("m", 0, 8);
        final String mode = a.text("mode");
        if (!"om".equals(mode) && !"omh".equals(mode)) {
            throw a.required("mode").error("expected om or omh, got '" + mode + "'");
        }
        final int as = a.integer("asymmetric", 0, 64);
        final int sy = a.integer("symmetric", 0, 64);
        final int be = a.integer("benign", 0, 64);
        final YMap ex = a.required("exclusion").asMap();
        final AgreementSpec spec;
        if (ex.has("consecutive")) {
            spec = new AgreementSpec(lanes, m, mode, as, sy, be, ex.integer("consecutive", 1, 1_000_000), -1, -1);
        } else {
            final YMap l = ex.required("leaky").asMap();
            spec = new AgreementSpec(lanes, m, mode, as, sy, be, l.integer("up", 1, 1_000_000),
                l.integer("down", 0, 1_000_000), l.integer("trip", 1, 1_000_000));
            l.finish();
        }
        ex.finish();
        a.finish();
        return spec;
    }

    /**
     * @param hostSignals K
     * @return a pipeline builder with this agreement and lane-exclusion policy, signals to be added
     */
    PipelineConfig.Builder builder(final int hostSignals) {
        final PipelineConfig.Builder b = PipelineConfig.builder(lanes, m, hostSignals);
        if ("omh".equals(mode)) {
            b.hybrid(asymmetric, symmetric, benign);
        }
        return b.exclusion(exclusionDown < 0 ? PersistencePolicy.consecutive(exclusionUp)
            : PersistencePolicy.leaky(exclusionUp, exclusionDown, exclusionTrip));
    }
}
