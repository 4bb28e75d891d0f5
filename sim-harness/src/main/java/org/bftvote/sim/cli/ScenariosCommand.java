package org.bftvote.sim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.scenario.ScenarioCatalog;
import org.bftvote.sim.scenario.ScenarioLoader;
import org.bftvote.sim.yaml.ProfileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bftvote-sim scenarios list|validate}.
 */
@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "Lists or validates scenarios.",
    subcommands = {ScenariosCommand.ListScenarios.class, ScenariosCommand.ValidateScenarios.class})
public final class ScenariosCommand {

    /**
     * Creates the command.
     */
    public ScenariosCommand() {
        // subcommands do the work
    }

    /** {@code scenarios list}: name, platform and description of each scenario. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the scenarios.")
    static final class ListScenarios implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Locations locations;

        @Override
        public Integer call() throws ProfileException {
            final ProfileCatalog catalog = ProfileCatalog.load(locations.profiles());
            final ScenarioCatalog scenarios = new ScenarioCatalog(locations.scenarios());
            final ScenarioLoader loader = new ScenarioLoader(catalog);
            final PrintWriter out = spec.commandLine().getOut();
            final List<ProfileException> errors = new ArrayList<>();
            for (final String name : scenarios.names()) {
                try {
                    final Scenario scenario = loader.load(scenarios.resolve(name));
                    final String marker = name.equals(ScenarioCatalog.DEFAULT_SCENARIO) ? " (default)" : "";
                    out.printf("%-38s %-16s %s%s%n", name, scenario.platform().name(), scenario.description(),
                        marker);
                } catch (final ProfileException e) {
                    errors.add(e);
                }
            }
            out.flush();
            return ProfilesCommand.report(errors, spec);
        }
    }

    /** {@code scenarios validate [SCENARIO...]}: checks the given scenarios, or all when none is given. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validates the given scenarios (names or files), or every scenario when none is given.")
    static final class ValidateScenarios implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Locations locations;

        @Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "Scenario names or YAML files.")
        private List<String> names = List.of();

        @Override
        public Integer call() throws ProfileException {
            final ProfileCatalog catalog = ProfileCatalog.load(locations.profiles());
            final ScenarioCatalog scenarios = new ScenarioCatalog(locations.scenarios());
            final ScenarioLoader loader = new ScenarioLoader(catalog);
            final List<String> toCheck = names.isEmpty() ? scenarios.names() : names;
            final List<ProfileException> errors = new ArrayList<>();
            final PrintWriter out = spec.commandLine().getOut();
            for (final String name : toCheck) {
                try {
                    final Path file = scenarios.resolve(name);
                    loader.load(file);
                    out.printf("ok: %s%n", name);
                } catch (final ProfileException e) {
                    errors.add(e);
                }
            }
            out.flush();
            return ProfilesCommand.report(errors, spec);
        }
    }
}
