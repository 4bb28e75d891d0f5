package org.bftvote.sim.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bftvote.sim.yaml.IoReasons;
import org.bftvote.sim.yaml.ProfileException;
import org.bftvote.sim.yaml.YMap;
import org.bftvote.sim.yaml.YamlFiles;

/**
 * Every hardware profile of one directory, validated and with references resolved.
 *
 * <p>The directory holds {@code buses/*.yaml}, {@code sensors/*.yaml} and {@code platforms/*.yaml}; buses and
 * sensors are loaded first (in file-name order) so platforms can refer to them by name. Maps are sorted by name.
 *
 * @param directory the profiles directory
 * @param buses     bus profiles by name
 * @param sensors   sensor profiles by name
 * @param platforms platform profiles by name
 */
public record ProfileCatalog(Path directory, SortedMap<String, BusProfile> buses,
                             SortedMap<String, SensorProfile> sensors, SortedMap<String, PlatformProfile> platforms) {

    /** Subdirectory of bus profiles. */
    public static final String BUSES = "buses";
    /** Subdirectory of sensor profiles. */
    public static final String SENSORS = "sensors";
    /** Subdirectory of platform profiles. */
    public static final String PLATFORMS = "platforms";

    /**
     * Makes the maps unmodifiable.
     *
     * @param directory see the record description
     * @param buses     see the record description
     * @param sensors   see the record description
     * @param platforms see the record description
     */
    public ProfileCatalog {
        buses = Collections.unmodifiableSortedMap(new TreeMap<>(buses));
        sensors = Collections.unmodifiableSortedMap(new TreeMap<>(sensors));
        platforms = Collections.unmodifiableSortedMap(new TreeMap<>(platforms));
    }

    /**
     * Loads a directory, failing on the first problem.
     *
     * @param directory the profiles directory
     * @return the catalog
     * @throws ProfileException on the first invalid file
     */
    public static ProfileCatalog load(final Path directory) throws ProfileException {
        final Loaded loaded = loadAll(directory);
        if (!loaded.errors().isEmpty()) {
            throw loaded.errors().get(0);
        }
        return loaded.catalog();
    }

    /**
     * Loads every file of a directory, collecting all problems instead of stopping at the first. Files with
     * problems are left out of the catalog.
     *
     * @param directory the profiles directory
     * @return the catalog of the valid files and the problems found
     */
    public static Loaded loadAll(final Path directory) {
        final List<ProfileException> errors = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            errors.add(new ProfileException(ProfileFiles.display(directory), 1, "",
                "profiles directory not found (give one with --profiles DIR)"));
            return new Loaded(new ProfileCatalog(directory, new TreeMap<>(), new TreeMap<>(), new TreeMap<>()), errors);
        }
        // Names of files that exist but failed, so references to them are not reported as unknown names.
        final Set<String> broken = new HashSet<>();
        final TreeMap<String, BusProfile> buses = new TreeMap<>();
        for (final Path file : yamlFiles(directory.resolve(BUSES), errors)) {
            try {
                final BusProfile bus = BusProfileReader.read(file);
                buses.put(bus.name(), bus);
            } catch (final ProfileException e) {
                broken.add(ProfileFiles.stem(file));
                errors.add(e);
            }
        }
        final TreeMap<String, SensorProfile> sensors = new TreeMap<>();
        for (final Path file : yamlFiles(directory.resolve(SENSORS), errors)) {
            try {
                final SensorProfile sensor = SensorProfileReader.read(file);
                sensors.put(sensor.name(), sensor);
            } catch (final ProfileException e) {
                broken.add(ProfileFiles.stem(file));
                errors.add(e);
            }
        }
        final TreeMap<String, PlatformProfile> platforms = new TreeMap<>();
        for (final Path file : yamlFiles(directory.resolve(PLATFORMS), errors)) {
            try {
                final PlatformProfile platform = PlatformProfileReader.read(
                    YamlFiles.readMapping(file, ProfileFiles.display(file)), file, buses, sensors, broken);
                platforms.put(platform.name(), platform);
            } catch (final ProfileException e) {
                errors.add(e);
            }
        }
        return new Loaded(new ProfileCatalog(directory, buses, sensors, platforms), errors);
    }

    /**
     * Validates one file of any profile kind against this catalog (platforms resolve references here).
     *
     * @param file the file
     * @return the profile's kind, {@code "bus"}, {@code "sensor"} or {@code "platform"}
     * @throws ProfileException if the file is invalid
     */
    public String validate(final Path file) throws ProfileException {
        final YMap root = YamlFiles.readMapping(file, ProfileFiles.display(file));
        final String kind = root.required("kind").asString();
        switch (kind) {
            case "bus" -> BusProfileReader.read(root, file);
            case "sensor" -> SensorProfileReader.read(root, file);
            case "platform" -> readPlatform(file);
            default -> throw root.required("kind").error("'" + kind
                + "' is not a profile kind (expected one of: bus, sensor, platform)");
        }
        return kind;
    }

    /**
     * Reads a platform file against this catalog's buses and sensors.
     *
     * @param file the platform file
     * @return the platform
     * @throws ProfileException if the file is invalid, naming file, line and field
     */
    public PlatformProfile readPlatform(final Path file) throws ProfileException {
        return PlatformProfileReader.read(YamlFiles.readMapping(file, ProfileFiles.display(file)), file, buses,
            sensors, Set.of());
    }

    /**
     * Finds a platform by name.
     *
     * @param name the platform name
     * @return the platform, or null
     */
    public PlatformProfile platform(final String name) {
        return platforms.get(name);
    }

    /**
     * Lists the YAML files of one subdirectory in file-name order.
     *
     * @param directory the subdirectory
     * @param errors    where a listing failure is recorded
     * @return the files, empty when the directory is missing
     */
    static List<Path> yamlFiles(final Path directory, final List<ProfileException> errors) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (final IOException e) {
            errors.add(new ProfileException(ProfileFiles.display(directory), 1, "", "cannot list: "
                + IoReasons.reason(e)));
            return List.of();
        }
    }

    /**
     * The result of loading a whole directory while collecting problems.
     *
     * @param catalog the valid profiles
     * @param errors  the problems, in load order
     */
    public record Loaded(ProfileCatalog catalog, List<ProfileException> errors) {

        /**
         * Copies the error list.
         *
         * @param catalog see the record description
         * @param errors  see the record description
         */
        public Loaded {
            errors = List.copyOf(errors);
        }
    }
}
