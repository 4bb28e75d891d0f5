package org.bftvote.sim.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ShippedProfilesTest {

    @Test
    void everyShippedProfileLoadsWithoutProblems() {
        final ProfileCatalog.Loaded loaded = ProfileCatalog.loadAll(RepoFiles.profiles());
        assertEquals(List.of(), loaded.errors().stream().map(Throwable::getMessage).toList());
        final ProfileCatalog catalog = loaded.catalog();
        assertTrue(catalog.buses().keySet().containsAll(Set.of("arinc429-high-speed", "arinc429-low-speed",
            "arinc629", "mil-std-1553b", "afdx", "arinc825-can", "can-fd", "ttp-c")), catalog.buses().keySet()
            .toString());
        assertTrue(catalog.sensors().keySet().containsAll(Set.of("mems-rate-gyro", "fog-rate-gyro",
            "mems-accelerometer", "aoa-vane", "pitot-static-air-data", "rvdt-position")), catalog.sensors().keySet()
            .toString());
        assertTrue(catalog.platforms().keySet().containsAll(Set.of("triplex-777-pfc", "quad-fcc-afdx")));
    }

    @Test
    void everyFileCountsAsValidOnItsOwn() throws Exception {
        final ProfileCatalog catalog = ProfileCatalog.load(RepoFiles.profiles());
        for (final String kind : List.of("buses", "sensors", "platforms")) {
            for (final Path file : RepoFiles.yamlFiles(RepoFiles.profiles().resolve(kind))) {
                catalog.validate(file);
            }
        }
    }

    @Test
    void everyShippedFileNamesItsJsonSchema() throws IOException {
        for (final Path file : RepoFiles.yamlFiles(RepoFiles.root().resolve("hw-profiles"))) {
            assertSchemaComment(file);
        }
        for (final Path file : RepoFiles.yamlFiles(RepoFiles.scenarios())) {
            assertSchemaComment(file);
        }
    }

    private static void assertSchemaComment(final Path file) throws IOException {
        final String first = Files.readAllLines(file).get(0);
        final String prefix = "# yaml-language-server: $schema=";
        assertTrue(first.startsWith(prefix), file + ": " + first);
        final Path schema = file.getParent().resolve(first.substring(prefix.length())).normalize();
        assertTrue(Files.isRegularFile(schema), file + " names missing schema " + schema);
    }

    @Test
    void unitsAreConvertedToCanonical() throws Exception {
        final ProfileCatalog catalog = ProfileCatalog.load(RepoFiles.profiles());
        final BusProfile a429 = catalog.buses().get("arinc429-high-speed");
        assertEquals(100_000.0, a429.bitRate());
        assertEquals(320e-6, a429.latencyMinSeconds(), 1e-12);
        assertEquals(0.020, a429.latencyMaxSeconds(), 1e-12);
        final BusProfile afdx = catalog.buses().get("afdx");
        assertEquals(1471 * 8, afdx.maxPayloadBits());
        assertEquals(List.of("A", "B"), afdx.redundancy().networks());
        assertEquals(RedundancyManagement.FIRST_VALID_WINS, afdx.redundancy().management());
        assertEquals(2, afdx.redundancy().sequenceAcceptWindow());
        assertEquals(500e-6, afdx.jitterSeconds(), 1e-12);

        final SensorProfile gyro = catalog.sensors().get("mems-rate-gyro");
        // ARW 0.09 deg/sqrt(h) = 0.0015 (deg/s)/sqrt(Hz); at 400 Hz one sample has sigma 0.0015 * 20 = 0.03 deg/s.
        assertEquals(0.03, gyro.noiseRms(), 1e-12);
        assertEquals(0.8 / 3600.0, gyro.biasInstability(), 1e-15);
        assertEquals(1.0e-5, gyro.totalFailureRatePerFlightHour(), 1e-12);
        final SensorProfile accel = catalog.sensors().get("mems-accelerometer");
        assertEquals(8 * 9.80665, accel.rangeMax(), 1e-9);
    }

    @Test
    void platformsResolveTheirReferences() throws Exception {
        final ProfileCatalog catalog = ProfileCatalog.load(RepoFiles.profiles());
        final PlatformProfile triplex = catalog.platform("triplex-777-pfc");
        assertEquals(List.of("L", "C", "R"), triplex.lanes());
        assertEquals(AgreementMode.OMH, triplex.agreement().mode());
        assertEquals(1, triplex.agreement().m());
        assertEquals(1, triplex.agreement().benign());
        assertEquals(new AgreementSettings.LaneReadmission(LaneReadmissionKind.AFTER_CLEAN_FRAMES, 100, 3),
            triplex.agreement().laneReadmission().orElseThrow());
        final SignalSpec pitch = triplex.signal("pitch_rate");
        assertEquals("fog-rate-gyro", pitch.sensorsByLane().get(triplex.laneIndex("C")).name());
        assertEquals(VoterKind.MID_VALUE_SELECT, pitch.channel().voter());

        final PlatformProfile quad = catalog.platform("quad-fcc-afdx");
        assertEquals(4, quad.lanes().size());
        assertEquals(AgreementMode.OM, quad.agreement().mode());
        assertEquals(1, quad.agreement().m());
        assertEquals(80, quad.agreement().laneReadmission().orElseThrow().cleanFrames());
        assertEquals("afdx", quad.bus("afdx").profile().name());
        assertFalse(quad.signals().isEmpty());
    }

    @Test
    void gilbertElliottMeanLossFollowsTheFormula() {
        final LossModel.GilbertElliott model = new LossModel.GilbertElliott(0.01, 0.1, 0.0, 1.0);
        // loss = (1-k) r/(p+r) + (1-h) p/(p+r) = 0.01 / 0.11
        assertEquals(0.01 / 0.11, model.meanLoss(), 1e-15);
    }
}
