package org.bftvote.sim.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options by which a process of a rig session ({@code lane}, {@code relay}) reaches the rig that started it, and
 * runs beside it: the rig's host and control port, the real-time priority, and whether to end with the rig.
 */
public final class RigConnection {
    @Option(names = "--host", paramLabel = "ADDR", description = "The rig's host (default: 127.0.0.1).")
    private String host = "127.0.0.1";

    @Option(names = "--rig", required = true, paramLabel = "PORT", description = "The rig's control port.")
    private int rigPort;

    @Option(names = "--rt-priority", paramLabel = "N", description = "Run this process's frame threads under the "
        + "real-time FIFO policy at priority N, 1 to 99 (needs the privilege; default 0: the normal policy).")
    private int rtPriority;

    @Option(names = "--exit-with-stdin", description = "Exit when standard input closes (the rig that started this "
        + "process holds it open; if the rig dies, this process ends too).")
    private boolean exitWithStdin;

    /** Creates the options with their defaults; picocli sets them. */
    public RigConnection() {
        // fields set by picocli
    }

    /**
     * Refuses a control port outside 1..65535 or a priority outside 0..99, as bad usage of {@code spec}'s command.
     *
     * @param spec the command the options belong to
     */
    void check(final CommandSpec spec) {
        if (rigPort < 1 || rigPort > 65_535) {
            throw new ParameterException(spec.commandLine(), "--rig must be a port in 1..65535, got " + rigPort);
        }
        if (rtPriority < 0 || rtPriority > 99) {
            throw new ParameterException(spec.commandLine(), "--rt-priority must be in 0..99, got " + rtPriority);
        }
    }

    /**
     * @return the rig's host, resolved
     * @throws IOException if the host name cannot be resolved
     */
    InetAddress address() throws IOException {
        return InetAddress.getByName(host);
    }

    /**
     * @return the rig's control socket address
     * @throws IOException if the host name cannot be resolved
     */
    InetSocketAddress rig() throws IOException {
        return new InetSocketAddress(address(), rigPort);
    }

    /** @return the real-time priority, 0 for the normal policy */
    int rtPriority() {
        return rtPriority;
    }

    /** @return whether to exit when standard input closes */
    boolean exitWithStdin() {
        return exitWithStdin;
    }
}
