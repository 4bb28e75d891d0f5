package org.bftvote.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import org.bftvote.Bftvote;
import org.bftvote.sim.execution.ScenarioRunner;
import org.bftvote.sim.execution.SimulationRunner;
import org.bftvote.sim.results.OutputFolder;
import org.bftvote.sim.results.Provenance;
import org.bftvote.sim.yaml.IoReasons;
import org.bftvote.sim.yaml.ProfileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine;

/**
 * The {@code bftvote-sim} command: runs simulation scenarios and lists and validates hardware profiles and
 * scenarios.
 *
 * <p>Exit codes: see {@link ExitCodes}. An invalid profile or scenario prints its {@link ProfileException} message
 * (file, line, field, what was expected) on standard error, never a stack trace.
 */
@Command(name = "bftvote-sim", mixinStandardHelpOptions = true, versionProvider = BftvoteSim.Version.class,
    description = "Simulates redundant flight-control lanes running the bftvote library.",
    subcommands = {ProfilesCommand.class, ScenariosCommand.class, ReplayCommand.class, ReplayLogCommand.class,
        DemoCommand.class, CampaignCommand.class, ReliabilityCommand.class, HilCommand.class, LaneCommand.class,
        RelayCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:a run's expectations were not met",
        "2:bad usage, or an invalid profile, scenario or argument", "3:run failed (I/O or internal error)"})
public final class BftvoteSim {

    /**
     * Creates the top-level command.
     */
    public BftvoteSim() {
        // options and subcommands are set up by picocli
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(final String[] args) {
        // The one place that chooses the simulation runner.
        System.exit(commandLine(new SimulationRunner()).execute(args));
    }

    /**
     * Builds the command line with a given runner for {@code run}, and the exception handling that turns invalid
     * input into exit code 2 with a one-line message.
     *
     * @param runner the runner {@code run} uses
     * @return the command line, ready to {@code execute}
     */
    public static CommandLine commandLine(final ScenarioRunner runner) {
        final CommandLine commandLine = new CommandLine(new BftvoteSim());
        commandLine.addSubcommand("run", new RunCommand(runner));
        commandLine.setExecutionExceptionHandler(BftvoteSim::handle);
        commandLine.setParameterExceptionHandler(BftvoteSim::badArguments);
        return commandLine;
    }

    /** A bad argument: one line that says what is wrong and where the help is, not the whole usage text. */
    private static int badArguments(final CommandLine.ParameterException ex, final String[] args) {
        final PrintWriter err = ex.getCommandLine().getErr();
        err.println(ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
            + " --help')");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    private static int handle(final Exception ex, final CommandLine commandLine,
        final CommandLine.ParseResult parseResult) {
        final PrintWriter err = commandLine.getErr();
        if (ex instanceof ProfileException || ex instanceof OutputFolder.RefusedException) {
            err.println(ex.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            err.println("error: " + IoReasons.describe(ex));
            err.flush();
            return ExitCodes.FAILED;
        }
        // A defect: say so in one line; the class names only when there is nothing else to say.
        err.println("internal error (a defect in bftvote-sim, please report it with the command line): "
            + (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName()));
        err.flush();
        return ExitCodes.FAILED;
    }

    /** The harness's version ({@link Provenance#toolVersion()}) and the library's. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Provenance.TOOL + " " + Provenance.toolVersion(),
                "bftvote-core " + Bftvote.version()};
        }
    }
}
