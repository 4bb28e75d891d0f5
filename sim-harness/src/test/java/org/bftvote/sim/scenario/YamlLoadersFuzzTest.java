package org.bftvote.sim.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.yaml.ProfileException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the YAML loaders: a profile (bus, sensor or platform, beside the shipped ones) and a
 * scenario (against the shipped profiles), starting from the shipped files (the corpus in
 * {@code src/test/resources/org/bftvote/sim/scenario/YamlLoadersFuzzTestInputs/}). Every document either loads or
 * is refused with a {@link ProfileException}; any other exception is a crash.
 *
 * <p>In a plain test run each stored input runs once (regression). A fuzzing run, one method at a time:
 * {@code JAZZER_FUZZ=1 mvn -B -ntp -pl sim-harness -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest='YamlLoadersFuzzTest#scenarioLoadsOrIsRefused' -Djazzer.max_duration=10m}.
 */
@Tag("INP-1")
class YamlLoadersFuzzTest {
    private static final String[] KINDS = {ProfileCatalog.BUSES, ProfileCatalog.SENSORS, ProfileCatalog.PLATFORMS};
    private static Path profiles;
    private static Path scenarioDir;
    private static ProfileCatalog catalog;

    @BeforeAll
    static void copyProfiles() throws IOException, ProfileException {
        profiles = Files.createTempDirectory("bftvote-fuzz-profiles");
        RepoFiles.copyTree(RepoFiles.profiles(), profiles);
        scenarioDir = Files.createTempDirectory("bftvote-fuzz-scenario");
        catalog = ProfileCatalog.load(RepoFiles.profiles());
    }

    @FuzzTest(maxDuration = "10s")
    void profileLoadsOrIsRefused(final FuzzedDataProvider data) throws IOException {
        final Path file = profiles.resolve(KINDS[data.consumeInt(0, KINDS.length - 1)]).resolve("zz-fuzzed.yaml");
        Files.write(file, data.consumeRemainingAsBytes());
        try {
            ProfileCatalog.load(profiles);
        } catch (final ProfileException expected) {
            // refused with a message naming file, line and field: the contract
        } finally {
            Files.delete(file);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void scenarioLoadsOrIsRefused(final byte[] input) throws IOException {
        final Path file = scenarioDir.resolve("fuzzed.yaml");
        Files.write(file, input);
        try {
            new ScenarioLoader(catalog).load(file);
        } catch (final ProfileException expected) {
            // refused with a message naming file, line and field: the contract
        }
    }

    /** @return the text of a corpus entry, for building the corpus by hand */
    static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
