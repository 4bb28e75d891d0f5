package org.bftvote.sim.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.bftvote.sim.execution.RunProvenance;
import org.bftvote.sim.results.Provenance;
import org.bftvote.sim.scenario.Scenario;

/**
 * One SHA-256 for everything a scenario was read from: the input files its run provenance lists
 * ({@link RunProvenance}: the scenario, the platform and every sensor and bus profile), each as its role, SHA-256
 * and size, in that order. Paths do not count, so shards of one campaign run on other machines from other
 * directories agree as long as they read the same bytes. Setup time only.
 */
final class InputFingerprint {

    private InputFingerprint() {
    }

    /**
     * @param scenario a loaded scenario
     * @return the hex SHA-256 over one line {@code role sha256 bytes} per input file
     * @throws IOException if a file can no longer be read
     */
    static String of(final Scenario scenario) throws IOException {
        return of(RunProvenance.of(scenario, List.of()).inputs());
    }

    /**
     * @param inputs input files with their SHA-256
     * @return the hex SHA-256 over one line {@code role sha256 bytes} per input
     */
    static String of(final List<Provenance.Input> inputs) {
        final MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        for (final Provenance.Input in : inputs) {
            sha.update((in.role() + " " + in.sha256() + " " + in.bytes() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
