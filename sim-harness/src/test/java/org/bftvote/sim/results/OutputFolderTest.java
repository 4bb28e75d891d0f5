package org.bftvote.sim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output-folder guard: new and empty folders are used, older files refused, cleared only with force. */
class OutputFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingFolderIsCreatedAndAnEmptyOneUsed() throws Exception {
        final Path dir = tmp.resolve("a/b");
        assertEquals(dir, OutputFolder.prepare(dir, false));
        assertTrue(Files.isDirectory(dir));
        assertEquals(dir, OutputFolder.prepare(dir, false));
    }

    @Test
    void olderFilesAreRefusedByNameAndKeptWithoutForce() throws Exception {
        final Path dir = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(dir.resolve("summary.json"), "{}");
        Files.writeString(dir.resolve("signal-aoa.png"), "x");
        final OutputFolder.RefusedException e = assertThrows(OutputFolder.RefusedException.class,
            () -> OutputFolder.prepare(dir, false));
        assertEquals("output " + dir + ": holds 2 older files (signal-aoa.png, summary.json); add --force to clear "
            + "it first, or choose another folder with --out", e.getMessage());
        assertTrue(Files.exists(dir.resolve("summary.json")));
    }

    @Test
    void forceClearsFilesAndSubfolders() throws Exception {
        final Path dir = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(dir.resolve("old.png"), "x");
        Files.createDirectories(dir.resolve("runs/run-0"));
        Files.writeString(dir.resolve("runs/run-0/summary.json"), "{}");
        OutputFolder.prepare(dir, true);
        try (var list = Files.list(dir)) {
            assertEquals(0, list.count());
        }
    }

    @Test
    void forceNeverClearsARepositoryOrAFile() throws Exception {
        final Path repo = Files.createDirectories(tmp.resolve("repo/.git"));
        assertThrows(OutputFolder.RefusedException.class, () -> OutputFolder.prepare(repo.getParent(), true));
        assertTrue(Files.exists(repo));
        final Path file = Files.writeString(tmp.resolve("file"), "x");
        final OutputFolder.RefusedException e = assertThrows(OutputFolder.RefusedException.class,
            () -> OutputFolder.prepare(file, true));
        assertTrue(e.getMessage().endsWith("exists and is not a folder"), e.getMessage());
        assertFalse(Files.isDirectory(file));
    }
}
