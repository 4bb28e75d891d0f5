package org.bftvote.sim.campaign;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.bftvote.sim.execution.RunProvenance;
import org.bftvote.sim.results.Provenance;

/**
 * The {@code provenance.json} of a campaign directory (tool version, commit, command line, the scenario's input
 * files with their SHA-256, the plan as configuration). It stands beside {@code campaign.csv} and
 * {@code campaign.json} rather than inside them, because it names the command that ran (a shard, a resume, a merge)
 * while those two files are the same whichever did.
 */
final class CampaignProvenance {

    private CampaignProvenance() {
    }

    /**
     * @param command   {@code campaign} or {@code campaign merge}
     * @param plan      the campaign
     * @param arguments the command line after {@code bftvote-sim}
     * @param dir       where {@value Provenance#FILE_NAME} goes
     * @throws IOException if an input cannot be read or the file cannot be written
     */
    static void write(final String command, final CampaignPlan plan, final List<String> arguments, final Path dir)
        throws IOException {
        final Provenance.Builder b = Provenance.builder(command).arguments(arguments);
        for (final Provenance.Input in : RunProvenance.of(plan.scenario(), List.of()).inputs()) {
            b.input(in.role(), Path.of(in.path()));
        }
        final StringBuilder configuration = new StringBuilder();
        plan.fields().forEach((k, v) -> configuration.append(k).append(": ").append(v).append('\n'));
        AtomicFiles.writeString(dir.resolve(Provenance.FILE_NAME), b.configuration(configuration.toString()).build()
            .toJson());
    }
}
