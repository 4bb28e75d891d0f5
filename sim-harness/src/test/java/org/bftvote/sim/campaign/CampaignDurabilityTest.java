package org.bftvote.sim.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.bftvote.sim.results.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign's files depend on nothing but the campaign: not on the thread count, not on being killed (kill -9 of
 * a separate process) and resumed, not on being split into shards run as separate processes and merged.
 */
class CampaignDurabilityTest {
    /** hard-over, 12 s runs (fault at 10 s, detected), random faults so that the runs differ. */
    private static final String[] CAMPAIGN = {"campaign", "hard-over", "--random-faults-scale", "20000",
        "--progress", "lines"};

    @TempDir
    Path temp;

    private static CampaignTest.Result campaign(final Path dir, final int runs, final String... more) {
        return CampaignTest.cli(arguments(dir, runs, more));
    }

    /** The campaign's arguments: seed 5 and 12 s runs unless {@code more} says otherwise. */
    private static String[] arguments(final Path dir, final int runs, final String... more) {
        final List<String> args = new ArrayList<>(List.of(CAMPAIGN));
        args.addAll(List.of("--runs", Integer.toString(runs), "--out", dir.toString()));
        final List<String> extra = List.of(more);
        if (!extra.contains("--seed")) {
            args.addAll(List.of("--seed", "5"));
        }
        if (!extra.contains("--duration")) {
            args.addAll(List.of("--duration", "12"));
        }
        args.addAll(extra);
        return args.toArray(new String[0]);
    }

    /**
     * Every file a campaign leaves, relative path to bytes; temporary files excluded, and the provenance, which names
     * the command line (thread count, output directory) by design.
     */
    private static TreeMap<String, byte[]> files(final Path dir) throws IOException {
        final TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (final Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                if (!p.getFileName().toString().startsWith(".")
                    && !p.getFileName().toString().equals(Provenance.FILE_NAME)) {
                    out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    private static void assertSameFiles(final Path expected, final Path actual) throws IOException {
        final TreeMap<String, byte[]> a = files(expected);
        final TreeMap<String, byte[]> b = files(actual);
        assertEquals(a.keySet(), b.keySet());
        for (final String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }
    }

    @Test
    void theThreadCountChangesNoFile() throws IOException {
        final CampaignTest.Result one = campaign(temp.resolve("t1"), 8, "--threads", "1");
        final CampaignTest.Result three = campaign(temp.resolve("t3"), 8, "--threads", "3");
        assertEquals(one.exitCode(), three.exitCode(), three.err());
        assertSameFiles(temp.resolve("t1"), temp.resolve("t3"));
        assertEquals(one.out().replace(temp.resolve("t1").toString(), "DIR"),
            three.out().replace(temp.resolve("t3").toString(), "DIR"));
        assertEquals(8, Files.readAllLines(temp.resolve("t3/campaign.csv")).size() - 1);
        final String provenance = Files.readString(temp.resolve("t3").resolve(Provenance.FILE_NAME))
            .replaceAll("\\s+", " ");
        assertTrue(provenance.contains("\"command\": \"campaign\"") && provenance.contains("\"--threads\", \"3\"")
            && provenance.contains("base_seed: 5"), provenance);
    }

    @Test
    void killedWithSigkillAndResumedGivesTheFilesOfAnUninterruptedCampaign() throws Exception {
        final int runs = 16;
        final Path killed = temp.resolve("killed");
        final Process child = ChildJvm.start(temp.resolve("child.log"),
            arguments(killed, runs, "--duration", "30", "--threads", "1"));
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (results(killed) < 3 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        final long before = results(killed);
        assertTrue(before >= 3 && before < runs, "killed after " + before + " of " + runs + " runs: "
            + Files.readString(temp.resolve("child.log")));
        assertFalse(Files.exists(killed.resolve("campaign.csv")), "a killed campaign has no aggregate yet");

        final CampaignTest.Result refused = campaign(killed, runs, "--duration", "30");
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("already holds a campaign; add --resume to continue it, --force"),
            refused.err());
        final CampaignTest.Result resumed = campaign(killed, runs, "--duration", "30", "--resume");
        assertTrue(resumed.err().contains("resuming: " + before + " of " + runs), resumed.err());
        assertEquals(runs - before, resumed.err().lines().filter(l -> l.startsWith("run ")).count(), resumed.err());

        final Path whole = temp.resolve("whole");
        final CampaignTest.Result uninterrupted = campaign(whole, runs, "--duration", "30");
        assertEquals(uninterrupted.exitCode(), resumed.exitCode(), resumed.err());
        assertSameFiles(whole, killed);
    }

    @Test
    void shardsRunAsSeparateProcessesMergeIntoTheUnshardedFiles() throws Exception {
        final int runs = 7;
        final Process[] shards = new Process[3];
        for (int s = 0; s < shards.length; s++) {
            shards[s] = ChildJvm.start(temp.resolve("shard" + s + ".log"),
                arguments(temp.resolve("shard" + s), runs, "--threads", "1", "--shard", s + "/3", "--duration", "6"));
        }
        for (int s = 0; s < shards.length; s++) {
            assertTrue(shards[s].waitFor(180, TimeUnit.SECONDS), "shard " + s + " did not finish");
            final String log = Files.readString(temp.resolve("shard" + s + ".log"));
            assertTrue(shards[s].exitValue() <= 1, log);
            assertTrue(log.contains("shard " + s + "/3"), log);
        }
        final Path merged = temp.resolve("merged");
        final CampaignTest.Result merge = CampaignTest.cli("campaign", "merge", temp.resolve("shard2").toString(),
            temp.resolve("shard0").toString(), temp.resolve("shard1").toString(), "--out", merged.toString());
        final Path whole = temp.resolve("whole");
        final CampaignTest.Result unsharded = campaign(whole, runs, "--duration", "6");
        assertEquals(unsharded.exitCode(), merge.exitCode(), merge.err());
        for (final String name : List.of("campaign.csv", "campaign.json")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(name)), Files.readAllBytes(merged.resolve(name)), name);
        }
        assertEquals(unsharded.out().replace(whole.toString(), "DIR"), merge.out().replace(merged.toString(), "DIR"));
    }

    @Test
    void mergeRefusesAMissingOrDoubledShardAndAnotherCampaign() {
        final int runs = 4;
        campaign(temp.resolve("s0"), runs, "--shard", "0/2");
        campaign(temp.resolve("s1"), runs, "--shard", "1/2");
        campaign(temp.resolve("other"), runs, "--shard", "1/2", "--seed", "6");
        final CampaignTest.Result missing = CampaignTest.cli("campaign", "merge", temp.resolve("s0").toString(),
            "--out", temp.resolve("m").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("shard 1/2 is missing"), missing.err());
        final CampaignTest.Result doubled = CampaignTest.cli("campaign", "merge", temp.resolve("s0").toString(),
            temp.resolve("s0").toString(), "--out", temp.resolve("m").toString());
        assertTrue(doubled.err().contains("is shard 0/2, and so is"), doubled.err());
        final CampaignTest.Result other = CampaignTest.cli("campaign", "merge", temp.resolve("s0").toString(),
            temp.resolve("other").toString(), "--out", temp.resolve("m").toString());
        assertEquals(2, other.exitCode());
        assertTrue(other.err().contains("base_seed 6 there, 5 here"), other.err());
    }

    @Test
    void resumeRefusesAnotherCampaignAndRerunsADamagedResult() throws IOException {
        final Path dir = temp.resolve("c");
        campaign(dir, 3);
        final CampaignTest.Result other = campaign(dir, 4, "--resume");
        assertEquals(2, other.exitCode());
        assertTrue(other.err().contains("holds another campaign (runs 3 there, 4 here)"), other.err());

        final byte[] csv = Files.readAllBytes(dir.resolve("campaign.csv"));
        final Path result = Campaign.resultFile(dir, 1, CampaignSeeds.seed(5, 1));
        final String text = Files.readString(result);
        // Cut where a line ends (before the per-signal figures), so the reason does not depend on the figures' widths.
        Files.writeString(result, text.substring(0, text.indexOf("signals ")), StandardCharsets.UTF_8);
        final CampaignTest.Result resumed = campaign(dir, 3, "--resume");
        assertTrue(resumed.err().contains("run 1 will run again: its result is unusable (" + result), resumed.err());
        assertTrue(resumed.err().contains("(the file is cut short)") || resumed.err().contains("expected '"),
            resumed.err());
        assertArrayEquals(csv, Files.readAllBytes(dir.resolve("campaign.csv")));
    }

    @Test
    void forceStartsAgainAndOtherFilesAreRefused() throws IOException {
        final Path dir = temp.resolve("f");
        campaign(dir, 2);
        final CampaignTest.Result forced = campaign(dir, 3, "--force");
        assertTrue(forced.exitCode() <= 1, forced.err());
        assertEquals(4, Files.readAllLines(dir.resolve("campaign.csv")).size());
        final Path other = temp.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("notes.txt"), "mine");
        final CampaignTest.Result refused = campaign(other, 2);
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("holds 1 older file (notes.txt); add --force"), refused.err());
        final CampaignTest.Result both = campaign(other, 2, "--force", "--resume");
        assertEquals(2, both.exitCode());
        assertTrue(Files.exists(other.resolve("notes.txt")));
    }

    @Test
    void aHugeRunCountNeedsNoMemoryPerRun() throws IOException {
        // Two billion runs in two billion shards: the last shard runs only run 1,999,999,999. Seeds are computed
        // directly and nothing is sized by the run count, so this takes one run's time and memory.
        final Path dir = temp.resolve("huge");
        final CampaignTest.Result r = campaign(dir, 2_000_000_000, "--shard", "1999999999/2000000000",
            "--duration", "1");
        assertTrue(r.exitCode() <= 1, r.err());
        final List<String> rows = Files.readAllLines(dir.resolve("campaign.csv"));
        assertEquals(2, rows.size());
        assertTrue(rows.get(1).startsWith("1999999999," + CampaignSeeds.seed(5, 1_999_999_999L) + ","), rows.get(1));
        assertTrue(Files.readString(dir.resolve("campaign.json")).contains("\"campaign_runs\": 2000000000"));
    }

    @Test
    void aCampaignWhoseFilesWouldNotFitTheDiskIsRefusedWithTheEstimate() {
        // 2e9 runs of at least 16 kB each are 32.8 TB, more than any build machine has free; with --plots, 100,000
        // runs of 1,000 s each write 7.3 TB of frames.csv alone.
        final Path dir = temp.resolve("too-big");
        final CampaignTest.Result all = campaign(dir, 2_000_000_000, "--duration", "1");
        assertEquals(2, all.exitCode(), all.err());
        assertTrue(all.err().startsWith("--runs: 2000000000 runs would write about 32.8 TB (16.4 kB a run: "
            + "summary.json, result.txt and their directory), more than the "), all.err());
        assertTrue(all.err().contains(" free in ") && all.err().contains("--shard i/N"), all.err());
        final CampaignTest.Result plotted = campaign(dir, 100_000, "--duration", "1000", "--plots");
        assertEquals(2, plotted.exitCode(), plotted.err());
        assertTrue(plotted.err().contains("a run: summary.json, result.txt, frames.csv and the plots)"),
            plotted.err());
        assertFalse(Files.exists(dir), "nothing written");
    }

    @Test
    void badShardsAndThreadsAreUsageErrors() {
        for (final String[] bad : List.of(new String[] {"--shard", "3/3"}, new String[] {"--shard", "a/3"},
            new String[] {"--shard", "1/5"}, new String[] {"--threads", "0"}, new String[] {"--progress", "fancy"})) {
            final CampaignTest.Result r = campaign(temp.resolve("bad"), 4, bad);
            assertEquals(2, r.exitCode(), String.join(" ", bad) + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertTrue(campaign(temp.resolve("bad"), 4, "--shard", "1/5").err()
            .contains("5 shards of 4 runs would leave some empty"));
        assertTrue(campaign(temp.resolve("bad"), 4, "--shard", "3/3").err()
            .contains("the shard index must be 0 to 2 for 3 shards, got 3"));
    }

    private static long results(final Path dir) throws IOException {
        final Path runs = dir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        // Polled while the campaign runs: it renames each run's temporary files into place meanwhile, so a walk that
        // stats every entry can find one gone. Listing the run directories and asking for each finished file cannot.
        try (Stream<Path> runDirs = Files.list(runs)) {
            return runDirs.filter(run -> Files.exists(run.resolve(RunResultFile.FILE_NAME))).count();
        }
    }
}
