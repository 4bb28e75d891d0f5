package org.bftvote.sim.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.bftvote.sim.demo.TriplexDemo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bftvote-sim demo}: one managed triplex signal (a hard-over, then a frozen channel), printed frame by frame.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Prints one managed triplex signal frame by frame: a hard-over, then a frozen channel.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", paramLabel = "N", description = "Noise seed (default: ${DEFAULT-VALUE}).")
    private long seed = 42L;

    /** Creates the command. */
    public DemoCommand() {
        // options are set by picocli
    }

    @Override
    public Integer call() {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new TriplexDemo(stream, seed).run();
        }
        spec.commandLine().getOut().print(bytes.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
