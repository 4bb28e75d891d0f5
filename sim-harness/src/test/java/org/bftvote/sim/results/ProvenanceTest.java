package org.bftvote.sim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provenance: SHA-256 of inputs as sha256sum computes them, the same bytes for the same inputs, a parsable file. */
class ProvenanceTest {
    @TempDir
    Path tmp;

    @Test
    void sha256OfAKnownInput() throws Exception {
        final Path file = Files.writeString(tmp.resolve("abc.txt"), "abc");
        // FIPS 180-2, appendix B.1.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Provenance.sha256(file));
    }

    @Test
    void theRealLogsHashAsTheirPublishedSums() throws Exception {
        final Path logs = org.bftvote.sim.profile.RepoFiles.root().resolve("src/test/resources/real-logs");
        assertEquals("6b9422607ab9cd83ab6cda2349c00096d2bdeb068bfc15b21daebc1d73de594c",
            Provenance.sha256(logs.resolve("carbonix_cubeorange_MAG_3x10Hz.csv")));
    }

    @Test
    void theFileListsToolInputsAndConfigurationAndIsDeterministic() throws Exception {
        final Path input = Files.writeString(tmp.resolve("in.csv"), "t,a\n1,2\n");
        final Provenance.Builder b = Provenance.builder("replay-log").version("1.2.3").commit(null)
            .arguments(List.of("replay-log", "in.csv")).input("recording", input).configuration("a: 1\n");
        final Path one = Files.createDirectories(tmp.resolve("one"));
        final Path two = Files.createDirectories(tmp.resolve("two"));
        b.build().write(one);
        b.build().write(two);
        final String text = Files.readString(one.resolve(Provenance.FILE_NAME), StandardCharsets.UTF_8);
        assertEquals(text, Files.readString(two.resolve(Provenance.FILE_NAME), StandardCharsets.UTF_8));
        final Map<?, ?> json = (Map<?, ?>) Json.parse(text);
        assertEquals("bftvote-sim", json.get("tool"));
        assertEquals("1.2.3", json.get("version"));
        assertEquals(Json.NULL, json.get("commit"));
        assertEquals("a: 1\n", json.get("configuration"));
        final Map<?, ?> in = (Map<?, ?>) ((List<?>) json.get("inputs")).get(0);
        assertEquals("recording", in.get("role"));
        assertEquals(8L, in.get("bytes"));
        assertEquals(Provenance.sha256(input), in.get("sha256"));
    }

    @Test
    void theCommitOfThisCheckoutIsFoundAndANonRepositoryHasNone() {
        final String commit = Provenance.commitOf(org.bftvote.sim.profile.RepoFiles.root());
        if (commit != null) { // a source tree without git metadata has no commit to report
            assertTrue(commit.matches("[0-9a-f]{40}(-dirty)?"), commit);
        }
        assertNull(Provenance.commitOf(tmp));
    }
}
