package org.bftvote.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bftvote.agreement.PipelineConfig;
import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.RepoFiles;
import org.junit.jupiter.api.Test;

/**
 * The STALE limit of each shipped platform's signals is counted in update periods of the slowest sensor, so a
 * healthy sensor slower than the frame (not fresh between its samples) is never condemned.
 */
class LibraryMappingStaleLimitTest {
    private static int staleLimit(final PlatformProfile platform, final String signal) throws Exception {
        final PipelineConfig config = LibraryMapping.pipeline(platform);
        for (int s = 0; s < platform.signals().size(); s++) {
            if (platform.signals().get(s).name().equals(signal)) {
                return config.channel(s).staleLimit();
            }
        }
        throw new AssertionError("no signal " + signal + " on " + platform.name());
    }

    @Test
    void staleLimitsAreThreeUpdatePeriodsOfTheSlowestSensor() throws Exception {
        final ProfileCatalog catalog = ProfileCatalog.load(RepoFiles.profiles());
        final PlatformProfile triplex = catalog.platform("triplex-777-pfc");
        // 20 Hz vane in a 100 Hz frame: a sample every 5 frames, 4 frames of 5 not fresh.
        assertEquals(15, staleLimit(triplex, "aoa"));
        // 400 Hz gyro, faster than the frame: fresh every frame.
        assertEquals(3, staleLimit(triplex, "pitch_rate"));
        final PlatformProfile quad = catalog.platform("quad-fcc-afdx");
        // 20 Hz vane in an 80 Hz frame: a sample every 4 frames.
        assertEquals(12, staleLimit(quad, "aoa"));
        assertEquals(triplex.signals().size() + PipelineConfig.RESERVED_SIGNALS,
            LibraryMapping.pipeline(triplex).agreement().signals(), "K readings + sync word + diagnosis word");
    }
}
