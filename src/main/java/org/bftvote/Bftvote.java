package org.bftvote;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Facts about the library itself.
 *
 * <p>{@link #version()} reads a resource the build writes ({@code org/bftvote/version.properties}), so it works the
 * same on the class path, on the module path and inside a shaded jar, where a manifest may be missing or belong to
 * another artifact. Not for the frame path: the first call reads the resource.
 */
public final class Bftvote {
    /** What {@link #version()} returns when the library was not built by Maven (classes compiled by hand). */
    public static final String UNKNOWN_VERSION = "unknown";

    private static final String VERSION = readVersion();

    private Bftvote() {
    }

    /**
     * @return the library's version, for example {@code 0.1.0-SNAPSHOT}, or {@link #UNKNOWN_VERSION}
     */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        final Properties properties = new Properties();
        try (InputStream in = Bftvote.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return UNKNOWN_VERSION;
            }
            properties.load(in);
        } catch (final IOException e) {
            return UNKNOWN_VERSION;
        }
        final String version = properties.getProperty("version", UNKNOWN_VERSION).trim();
        // An unfiltered resource (built outside Maven) still holds the placeholder.
        return version.isEmpty() || version.startsWith("${") ? UNKNOWN_VERSION : version;
    }
}
