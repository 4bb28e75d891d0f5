package org.bftvote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The library reports the version the build gave it. */
class BftvoteVersionTest {
    @Test
    void versionIsTheProjectVersion() {
        // Surefire passes the POM's version (see src/pom.xml); the resource was filtered from the same property.
        assertEquals(System.getProperty("bftvote.expectedVersion"), Bftvote.version());
    }
}
