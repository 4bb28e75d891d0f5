package org.bftvote.sim.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bftvote.sim.scenario.RandomFaults;
import org.bftvote.sim.scenario.Scenario;

/**
 * What a campaign is: the scenario (its inputs' SHA-256 included), base seed, number of runs, random-fault
 * setting, plots, and which shard of it this process runs. Written to {@value #FILE_NAME} in the campaign directory
 * before the first run, so that {@code --resume} continues only the same campaign and {@code campaign merge}
 * combines only shards of one campaign:
 * <pre>
 * bftvote campaign plan 1
 * scenario hard-over
 * platform triplex-777-pfc
 * inputs_sha256 3f9c...
 * base_seed 7
 * runs 30
 * duration_s 15.0
 * random_faults_scale off
 * plots false
 * shard 0/1
 * </pre>
 *
 * @param scenario     the scenario every run uses (duration and random-fault setting applied)
 * @param baseSeed     the seed the runs' seeds derive from ({@link CampaignSeeds})
 * @param runs         the whole campaign's number of runs, &gt;= 1
 * @param shard        the slice this process runs
 * @param plots        whether each run also writes its per-frame CSV and plots
 * @param inputsSha256 the SHA-256 of the files the scenario was read from
 */
public record CampaignPlan(Scenario scenario, long baseSeed, int runs, Shard shard, boolean plots,
                           String inputsSha256) {
    /** The plan's file in the campaign directory. */
    public static final String FILE_NAME = "campaign-plan.txt";
    private static final String HEADER = "bftvote campaign plan 1";
    private static final String SHARD = "shard";

    /**
     * @param scenario     see the record description
     * @param baseSeed     see the record description
     * @param runs         see the record description
     * @param shard        see the record description
     * @param plots        see the record description
     * @param inputsSha256 see the record description
     * @throws IllegalArgumentException when runs is below 1 or there are more shards than runs
     */
    public CampaignPlan {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be >= 1, got " + runs);
        }
        if (shard.count() > runs) {
            throw new IllegalArgumentException("--shard " + shard + ": " + shard.count() + " shards of " + runs
                + " runs would leave some empty; use at most " + runs + " shards");
        }
    }

    /**
     * Plans a campaign from a loaded scenario.
     *
     * @param scenario     the scenario, duration applied
     * @param baseSeed     the base seed
     * @param runs         the number of runs
     * @param randomFaults random faults for every run, or {@code null} to keep the scenario's setting
     * @param shard        the slice to run
     * @param plots        whether each run writes its frames and plots
     * @return the plan
     * @throws IOException              if the scenario's files can no longer be read for their SHA-256
     * @throws IllegalArgumentException on a run count or shard out of range
     */
    public static CampaignPlan of(final Scenario scenario, final long baseSeed, final int runs,
        final RandomFaults randomFaults, final Shard shard, final boolean plots) throws IOException {
        final Scenario effective = randomFaults == null ? scenario : new Scenario(scenario.name(), scenario.file(),
            scenario.description(), scenario.platform(), scenario.durationSeconds(), scenario.seed(),
            scenario.truthBySignal(), scenario.faults(), randomFaults, scenario.expectations());
        return new CampaignPlan(effective, baseSeed, runs, shard, plots, InputFingerprint.of(effective));
    }

    /** @return the first run number of this process's slice */
    public long firstRun() {
        return shard.firstRun(runs);
    }

    /** @return one past the last run number of this process's slice */
    public long endRun() {
        return shard.endRun(runs);
    }

    /**
     * @param index a run number
     * @return its seed
     */
    public long seed(final long index) {
        return CampaignSeeds.seed(baseSeed, index);
    }

    /** @return the plan's fields in file order, values as written (without the header line) */
    public Map<String, String> fields() {
        final Map<String, String> f = new LinkedHashMap<>();
        f.put("scenario", scenario.name());
        f.put("platform", scenario.platform().name());
        f.put("inputs_sha256", inputsSha256);
        f.put("base_seed", Long.toString(baseSeed));
        f.put("runs", Integer.toString(runs));
        f.put("duration_s", Double.toString(scenario.durationSeconds()));
        f.put("random_faults_scale", scenario.randomFaults().enabled()
            ? Double.toString(scenario.randomFaults().scale()) : "off");
        f.put("plots", Boolean.toString(plots));
        f.put(SHARD, shard.toString());
        return f;
    }

    /**
     * Writes the plan atomically.
     *
     * @param dir the campaign directory
     * @throws IOException if it cannot be written
     */
    public void write(final Path dir) throws IOException {
        final StringBuilder sb = new StringBuilder(HEADER).append('\n');
        fields().forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        AtomicFiles.writeString(dir.resolve(FILE_NAME), sb.toString());
    }

    /**
     * Reads the fields of a plan file.
     *
     * @param file the plan file
     * @return its fields in file order
     * @throws CampaignFileException if it is damaged or of another version
     * @throws IOException           if it cannot be read
     */
    public static Map<String, String> read(final Path file) throws IOException {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        final KeyedLines in = new KeyedLines(file, lines);
        if (!HEADER.substring("bftvote ".length()).equals(in.text("bftvote"))) {
            throw in.damaged("is not a campaign plan of this version (expected '" + HEADER + "')");
        }
        final Map<String, String> fields = new LinkedHashMap<>();
        for (final String key : new ArrayList<>(List.of("scenario", "platform", "inputs_sha256", "base_seed", "runs",
            "duration_s", "random_faults_scale", "plots", SHARD))) {
            fields.put(key, in.text(key));
        }
        return fields;
    }

    /**
     * Compares a stored plan with this one.
     *
     * @param stored    fields read by {@link #read}
     * @param withShard whether the shard must match too (resume) or may differ (merge)
     * @return the first difference as "field: X there, Y here", or {@code null} when they are the same campaign
     */
    public String difference(final Map<String, String> stored, final boolean withShard) {
        for (final Map.Entry<String, String> e : fields().entrySet()) {
            if (!withShard && SHARD.equals(e.getKey())) {
                continue;
            }
            final String there = stored.get(e.getKey());
            if (!e.getValue().equals(there)) {
                return e.getKey() + " " + there + " there, " + e.getValue() + " here";
            }
        }
        return null;
    }
}
