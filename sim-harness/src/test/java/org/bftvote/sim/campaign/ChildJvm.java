package org.bftvote.sim.campaign;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.profile.RepoFiles;

/**
 * Starts {@code bftvote-sim} in a separate JVM (this test JVM's runtime and class path), as a user or a cluster
 * scheduler would start it, with the repository's profiles and scenarios.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * @param log  file receiving the child's standard output and error
     * @param args the command's arguments
     * @return the started process
     * @throws IOException if it cannot be started
     */
    static Process start(final Path log, final String... args) throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.bftvote.sim.cli.BftvoteSim");
        command.addAll(List.of(args));
        command.addAll(List.of("--profiles", RepoFiles.profiles().toString(), "--scenarios",
            RepoFiles.root().resolve("sim-harness/scenarios").toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
