package org.bftvote.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.yaml.ProfileException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the YAML loaders: a profile (bus, sensor or platform, beside the shipped ones) and a
 * scenario (against the shipped profiles), starting from the shipped files (the corpus in
 * {@code src/test/resources/org/bftvote/sim/scenario/YamlLoadersFuzzTestInputs/}). Every document either loads or
 * is refused with a {@link ProfileException}; any other exception is a crash.
 *
 * <p>A fuzzed profile is written as {@code zz-fuzzed.yaml} into the directory its {@code kind:} line names (sensors
 * when it names none), a fuzzed scenario as {@code fuzzed.yaml}; a loader refuses a document whose {@code name:} is
 * not its file name, so the seeds are the shipped files renamed to those names, and each of them loads whole
 * ({@link #everySeedLoads()}): the fuzzer starts from documents that reach every field's check, not from documents
 * refused at their name.
 *
 * <p>In a plain test run each stored input runs once (regression). A fuzzing run, one method at a time:
 * {@code JAZZER_FUZZ=1 mvn -B -ntp -pl sim-harness -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest='YamlLoadersFuzzTest#scenarioLoadsOrIsRefused' -Dfuzz.seconds=600}.
 */
@Tag("INP-1")
class YamlLoadersFuzzTest {
    private static final Pattern KIND = Pattern.compile("^kind:\\s*(bus|sensor|platform)\\s*$", Pattern.MULTILINE);
    /** A file the fuzzer stored: its SHA-1 as its name. Every other file in the corpus is a seed. */
    private static final Pattern GENERATED = Pattern.compile("[0-9a-f]{40}");
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
    void profileLoadsOrIsRefused(final byte[] input) throws IOException {
        try {
            loadProfile(input);
        } catch (final ProfileException expected) {
            // refused with a message naming file, line and field: the contract
        }
    }

    @FuzzTest(maxDuration = "10s")
    void scenarioLoadsOrIsRefused(final byte[] input) throws IOException {
        try {
            loadScenario(input);
        } catch (final ProfileException expected) {
            // refused with a message naming file, line and field: the contract
        }
    }

    @Test
    void everySeedLoads() throws IOException, URISyntaxException {
        final List<Path> profileSeeds = seeds("profileLoadsOrIsRefused");
        final List<Path> scenarioSeeds = seeds("scenarioLoadsOrIsRefused");
        assertFalse(profileSeeds.isEmpty() || scenarioSeeds.isEmpty(), "no seeds found");
        for (final Path seed : profileSeeds) {
            final byte[] input = Files.readAllBytes(seed);
            assertDoesNotThrow(() -> loadProfile(input), seed.getFileName() + " is refused");
        }
        for (final Path seed : scenarioSeeds) {
            final byte[] input = Files.readAllBytes(seed);
            assertDoesNotThrow(() -> loadScenario(input), seed.getFileName() + " is refused");
        }
    }

    /** Loads the shipped profiles with the input beside them as {@code zz-fuzzed.yaml}. */
    private static void loadProfile(final byte[] input) throws IOException, ProfileException {
        final Path file = profiles.resolve(directoryOf(input)).resolve("zz-fuzzed.yaml");
        Files.write(file, input);
        try {
            ProfileCatalog.load(profiles);
        } finally {
            Files.delete(file);
        }
    }

    private static void loadScenario(final byte[] input) throws IOException, ProfileException {
        final Path file = scenarioDir.resolve("fuzzed.yaml");
        Files.write(file, input);
        new ScenarioLoader(catalog).load(file);
    }

    /** @return the profile directory the document's {@code kind:} line names, sensors when it names none */
    private static String directoryOf(final byte[] input) {
        final Matcher kind = KIND.matcher(new String(input, StandardCharsets.ISO_8859_1));
        if (!kind.find()) {
            return ProfileCatalog.SENSORS;
        }
        return switch (kind.group(1)) {
            case "bus" -> ProfileCatalog.BUSES;
            case "platform" -> ProfileCatalog.PLATFORMS;
            default -> ProfileCatalog.SENSORS;
        };
    }

    /** @return the seeds of one method's corpus: every stored file the fuzzer did not name */
    private static List<Path> seeds(final String method) throws IOException, URISyntaxException {
        final Path dir = Path.of(YamlLoadersFuzzTest.class.getResource("YamlLoadersFuzzTestInputs/" + method).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !GENERATED.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
    }

    /** @return the text of a corpus entry, for building the corpus by hand */
    static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
