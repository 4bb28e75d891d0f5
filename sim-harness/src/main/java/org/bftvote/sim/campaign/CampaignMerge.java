package org.bftvote.sim.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bftvote.sim.results.OutputFolder;
import org.bftvote.sim.scenario.RandomFaults;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.yaml.ProfileException;

/**
 * {@code campaign merge}: combines the directories of a sharded campaign's shards into the {@code campaign.csv}
 * and {@code campaign.json} the same campaign run unsharded writes, byte for byte. It checks that the directories
 * hold every shard of one campaign exactly once (same scenario inputs, base seed, runs, duration, random faults and
 * plots; shards {@code 0/N} to {@code N-1/N}) and that every run has its result, then aggregates the runs' results
 * in run order from the shard that ran each. The runs' own directories stay where the shards wrote them.
 */
public final class CampaignMerge {

    private CampaignMerge() {
    }

    /**
     * @param scenario the campaign's scenario as loaded now (its inputs must hash as the shards' did)
     * @param shardDirs the shards' directories, in any order
     * @param out       where the merged files go (created if missing; see {@link OutputFolder})
     * @param force     whether to clear {@code out} when it holds files
     * @param arguments the command line after {@code bftvote-sim}, for the provenance
     * @return the merged aggregate, whose files are written
     * @throws CampaignFileException if a directory is not a shard of this campaign, a shard is missing or doubled,
     *                               or a run has no result
     * @throws ProfileException      if the platform asks for a configuration the library refuses
     * @throws IOException           if a file cannot be read or written
     */
    public static CampaignReport merge(final Scenario scenario, final List<Path> shardDirs, final Path out,
        final boolean force, final List<String> arguments) throws ProfileException, IOException {
        if (shardDirs.isEmpty()) {
            throw new IllegalArgumentException("campaign merge needs at least one shard directory");
        }
        final List<Map<String, String>> stored = new ArrayList<>();
        for (final Path dir : shardDirs) {
            final Path planFile = dir.resolve(CampaignPlan.FILE_NAME);
            if (!Files.isRegularFile(planFile)) {
                throw new CampaignFileException(dir, 0, "holds no " + CampaignPlan.FILE_NAME + ": not a campaign "
                    + "directory");
            }
            stored.add(CampaignPlan.read(planFile));
        }
        final CampaignPlan whole = wholePlan(scenario, stored.get(0), shardDirs.get(0));
        final Path[] byShard = shardsInOrder(whole, shardDirs, stored);
        final int count = byShard.length;
        OutputFolder.prepare(out, force);
        CampaignProvenance.write("campaign merge", whole, arguments, out);
        return CampaignOutput.write(out, whole, Campaign.faultIds(whole.scenario()),
            index -> byShard[shardOf(index, whole.runs(), count)]);
    }

    private static CampaignPlan wholePlan(final Scenario loaded, final Map<String, String> first, final Path dir)
        throws IOException {
        final Path planFile = dir.resolve(CampaignPlan.FILE_NAME);
        final long baseSeed;
        final int runs;
        final double duration;
        try {
            baseSeed = Long.parseLong(first.get("base_seed"));
            runs = Integer.parseInt(first.get("runs"));
            duration = Double.parseDouble(first.get("duration_s"));
        } catch (final NumberFormatException e) {
            throw new CampaignFileException(planFile, 0, "base_seed, runs or duration_s is not a number (damaged)");
        }
        final String scale = first.get("random_faults_scale");
        final RandomFaults randomFaults;
        try {
            randomFaults = "off".equals(scale) ? loaded.randomFaults()
                : new RandomFaults(true, Double.parseDouble(scale));
        } catch (final NumberFormatException e) {
            throw new CampaignFileException(planFile, 0, "random_faults_scale must be off or a number (damaged)");
        }
        final Scenario scenario = loaded.withRun(loaded.seed(), duration);
        final CampaignPlan plan = CampaignPlan.of(scenario, baseSeed, runs, randomFaults, Shard.WHOLE,
            Boolean.parseBoolean(first.get("plots")));
        final String difference = plan.difference(first, false);
        if (difference != null) {
            throw new CampaignFileException(planFile, 0, "is not a shard of a campaign of the scenario as loaded here ("
                + difference + ")");
        }
        return plan;
    }

    private static Path[] shardsInOrder(final CampaignPlan whole, final List<Path> dirs,
        final List<Map<String, String>> stored) throws CampaignFileException {
        Path[] byShard = null;
        for (int d = 0; d < dirs.size(); d++) {
            final Path planFile = dirs.get(d).resolve(CampaignPlan.FILE_NAME);
            final String difference = whole.difference(stored.get(d), false);
            if (difference != null) {
                throw new CampaignFileException(planFile, 0, "is a shard of another campaign than "
                    + dirs.get(0) + " (" + difference + ")");
            }
            final Shard shard;
            try {
                shard = Shard.parse(stored.get(d).get("shard"));
            } catch (final IllegalArgumentException e) {
                throw new CampaignFileException(planFile, 0, e.getMessage());
            }
            if (byShard == null) {
                byShard = new Path[shard.count()];
            }
            if (shard.count() != byShard.length) {
                throw new CampaignFileException(planFile, 0, "is shard " + shard + " but " + dirs.get(0) + " is one of "
                    + byShard.length + " shards");
            }
            if (byShard[shard.index()] != null) {
                throw new CampaignFileException(planFile, 0, "is shard " + shard + ", and so is "
                    + byShard[shard.index()] + ": give each shard once");
            }
            byShard[shard.index()] = dirs.get(d);
        }
        for (int s = 0; s < byShard.length; s++) {
            if (byShard[s] == null) {
                throw new CampaignFileException(dirs.get(0), 0, "shard " + s + "/" + byShard.length + " is missing "
                    + "among the directories given: every shard's directory is needed");
            }
        }
        return byShard;
    }

    /** The shard whose slice holds run {@code index}: index·count/runs, moved until its slice holds the run. */
    private static int shardOf(final long index, final long runs, final int count) {
        int s = (int) Math.min(count - 1, index * count / runs);
        while (new Shard(s, count).firstRun(runs) > index) {
            s--;
        }
        while (new Shard(s, count).endRun(runs) <= index) {
            s++;
        }
        return s;
    }
}
