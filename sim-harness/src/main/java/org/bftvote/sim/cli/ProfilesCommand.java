package org.bftvote.sim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.bftvote.sim.profile.BusProfile;
import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.SensorProfile;
import org.bftvote.sim.run.LibraryMapping;
import org.bftvote.sim.yaml.ProfileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bftvote-sim profiles list|validate}.
 */
@Command(name = "profiles", mixinStandardHelpOptions = true, description = "Lists or validates hardware profiles.",
    subcommands = {ProfilesCommand.ListProfiles.class, ProfilesCommand.ValidateProfiles.class})
public final class ProfilesCommand {

    /**
     * Creates the command.
     */
    public ProfilesCommand() {
        // subcommands do the work
    }

    /** {@code profiles list}: one line per valid profile; problems go to standard error. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the hardware profiles.")
    static final class ListProfiles implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Locations locations;

        @Override
        public Integer call() {
            final ProfileCatalog.Loaded loaded = ProfileCatalog.loadAll(locations.profiles());
            final PrintWriter out = spec.commandLine().getOut();
            for (final BusProfile bus : loaded.catalog().buses().values()) {
                out.printf("%-9s %-24s %s%n", "bus", bus.name(), bus.description());
            }
            for (final SensorProfile sensor : loaded.catalog().sensors().values()) {
                out.printf("%-9s %-24s %s%n", "sensor", sensor.name(), sensor.description());
            }
            for (final PlatformProfile platform : loaded.catalog().platforms().values()) {
                out.printf("%-9s %-24s %s%n", "platform", platform.name(), platform.description());
            }
            out.flush();
            return report(loaded.errors(), spec);
        }
    }

    /** {@code profiles validate [FILE...]}: checks the given files, or every profile when none is given. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validates the given profile files, or every profile when none is given.")
    static final class ValidateProfiles implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Locations locations;

        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Profile YAML files to validate.")
        private List<Path> files = List.of();

        @Override
        public Integer call() {
            final ProfileCatalog.Loaded loaded = ProfileCatalog.loadAll(locations.profiles());
            final PrintWriter out = spec.commandLine().getOut();
            if (files.isEmpty()) {
                final ProfileCatalog catalog = loaded.catalog();
                final List<ProfileException> errors = new ArrayList<>(loaded.errors());
                int platforms = 0;
                for (final PlatformProfile platform : catalog.platforms().values()) {
                    try {
                        LibraryMapping.pipeline(platform);       // what run would refuse, refused here too
                        platforms++;
                    } catch (final ProfileException e) {
                        errors.add(e);
                    }
                }
                out.printf("%d bus, %d sensor and %d platform profile(s) valid in %s%n", catalog.buses().size(),
                    catalog.sensors().size(), platforms, locations.profiles());
                out.flush();
                return report(errors, spec);
            }
            int failures = 0;
            for (final Path file : files) {
                try {
                    final String kind = loaded.catalog().validate(file);
                    if (kind.equals("platform")) {
                        LibraryMapping.pipeline(loaded.catalog().readPlatform(file));
                    }
                    out.printf("ok: %s (%s)%n", file, kind);
                } catch (final ProfileException e) {
                    spec.commandLine().getErr().println(e.getMessage());
                    failures++;
                }
            }
            out.flush();
            spec.commandLine().getErr().flush();
            return failures == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        }
    }

    static int report(final List<ProfileException> errors, final CommandSpec spec) {
        final PrintWriter err = spec.commandLine().getErr();
        for (final ProfileException error : errors) {
            err.println(error.getMessage());
        }
        err.flush();
        return errors.isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
}
