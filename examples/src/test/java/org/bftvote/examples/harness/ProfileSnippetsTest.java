package org.bftvote.examples.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.SensorProfile;
import org.junit.jupiter.api.Test;

/** The profiles reference's example (docs/reference/profiles-and-scenarios.md), compiled and run. */
class ProfileSnippetsTest {
    @Test
    void theDocumentedFiguresAreWhatTheLoaderGives() throws Exception {
        final Path root = Path.of(System.getProperty("bftvote.root", ".."));
        // tag::catalog[]
        ProfileCatalog catalog = ProfileCatalog.load(root.resolve("hw-profiles"));
        PlatformProfile quad = catalog.platform("quad-fcc-afdx");
        double jitterS = quad.bus("afdx").profile().jitterSeconds();          // 5.0E-4
        SensorProfile gyro = quad.signal("pitch_rate").sensorsByLane().get(quad.laneIndex("C"));
        double sigma = gyro.noiseRms();                                       // deg/s per sample, from the ARW density
        // end::catalog[]
        assertEquals(5.0E-4, jitterS);
        assertTrue(sigma > 0, "sigma " + sigma);
    }
}
