package org.bftvote.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bftvote.sim.campaign.CampaignFileException;
import org.bftvote.sim.campaign.CampaignMerge;
import org.bftvote.sim.campaign.CampaignPlan;
import org.bftvote.sim.campaign.CampaignReport;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.scenario.ScenarioCatalog;
import org.bftvote.sim.scenario.ScenarioLoader;
import org.bftvote.sim.yaml.ProfileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bftvote-sim campaign merge DIR... --out DIR [--force] [--scenario S]}: combines the shard directories of one
 * campaign into the {@code campaign.csv} and {@code campaign.json} the unsharded campaign writes
 * ({@link CampaignMerge}). The scenario is the one the shards' plan names (or {@code --scenario}), loaded here; its
 * inputs must hash as they did for the shards. Exit codes as for {@code campaign}.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Combines the shard directories of one campaign into the unsharded campaign.csv and campaign.json.")
public final class CampaignMergeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "The shards' output directories, every shard once.")
    private List<Path> shardDirs;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the merged files go.")
    private Path out;

    @Option(names = "--force", description = "Clear --out first when it holds older files.")
    private boolean force;

    @Option(names = "--scenario", paramLabel = "SCENARIO",
        description = "Scenario name or file (default: the name in the shards' plan).")
    private String scenarioName;

    /** Creates the command; picocli sets its arguments. */
    public CampaignMergeCommand() {
        // arguments are injected by picocli
    }

    @Override
    public Integer call() throws ProfileException, IOException {
        final PrintWriter err = spec.commandLine().getErr();
        final CampaignReport report;
        try {
            final Path firstPlan = shardDirs.get(0).resolve(CampaignPlan.FILE_NAME);
            if (!Files.isRegularFile(firstPlan)) {
                throw new ParameterException(spec.commandLine(), shardDirs.get(0) + " holds no "
                    + CampaignPlan.FILE_NAME + ": not a campaign directory");
            }
            final Map<String, String> plan = CampaignPlan.read(firstPlan);
            final ProfileCatalog catalog = ProfileCatalog.load(locations.profiles());
            final Path file = new ScenarioCatalog(locations.scenarios())
                .resolve(scenarioName != null ? scenarioName : plan.get("scenario"));
            final Scenario scenario = new ScenarioLoader(catalog).load(file);
            report = CampaignMerge.merge(scenario, shardDirs, out, force,
                spec.commandLine().getParseResult().originalArgs());
        } catch (final CampaignFileException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        final PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(report.table());
        stdout.println("results: " + out.resolve("campaign.csv") + ", " + out.resolve("campaign.json"));
        stdout.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.EXPECTATIONS_NOT_MET;
    }
}
