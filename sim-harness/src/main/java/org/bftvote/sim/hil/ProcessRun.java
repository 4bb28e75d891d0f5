package org.bftvote.sim.hil;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.results.ExpectationCheck;
import org.bftvote.sim.results.ExpectationReport;
import org.bftvote.sim.results.FrameCsvWriter;
import org.bftvote.sim.results.HumanSummary;
import org.bftvote.sim.results.PlotWriter;
import org.bftvote.sim.run.RunDescriptor;
import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.results.SummaryJsonWriter;
import org.bftvote.sim.run.LibraryMapping;
import org.bftvote.sim.run.PipelineYaml;
import org.bftvote.sim.run.SignalInfo;
import org.bftvote.sim.run.Simulation;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.trace.TraceRecorder;
import org.bftvote.sim.trace.TraceReplay;
import org.bftvote.sim.execution.RunProvenance;
import org.bftvote.sim.yaml.ProfileException;

/**
 * A rig session with lane processes, and its results written like the {@code run} command's: the lanes' real
 * outputs go through the same metrics, per-frame CSV and plots; {@code summary.json} has the same schema and
 * {@code hil.json} adds the timing, clock, datagram and process figures ({@link ProcessReport}).
 */
public final class ProcessRun {
    private ProcessRun() {
    }

    /**
     * Runs the session and writes {@code frames.csv}, the plots, {@code summary.json} and {@code hil.json} into the
     * settings' output directory.
     *
     * @param scenario  the scenario (seed and duration applied)
     * @param settings  how to run it
     * @param arguments the command line, for the provenance
     * @param out       where the report goes
     * @return the session's figures; {@link Result#passed()} says whether every frame ran, the expectations held
     *         and healthy lanes never disagreed within the fault hypothesis
     * @throws ProfileException if the platform is refused by the library
     * @throws IOException      if a socket, a process or a file fails
     */
    public static Result execute(final Scenario scenario, final RigSettings settings, final List<String> arguments,
        final PrintWriter out) throws ProfileException, IOException {
        final Simulation simulation = new Simulation(scenario);
        final RunDescriptor descriptor = simulation.descriptor();
        final Path dir = settings.outDirectory();
        Files.createDirectories(dir);
        RunProvenance.of(scenario, arguments).write(dir);
        final RunMetrics metrics = new RunMetrics(descriptor, new double[descriptor.signalCount()],
            RunMetrics.DEFAULT_EXCLUSION_CAPACITY);
        final PlotWriter plots = new PlotWriter(descriptor);
        final ProcessOutcome outcome;
        final ProcessSession session = new ProcessSession(settings, simulation,
            LibraryMapping.pipeline(scenario.platform()));
        try (FrameCsvWriter csv = FrameCsvWriter.open(descriptor, dir.resolve(TraceReplay.FRAMES_CSV))) {
            if (settings.trace() == null) {
                outcome = session.run(List.of(metrics, csv, plots), null);
            } else {
                try (TraceRecorder recorder = TraceRecorder.open(settings.trace(), descriptor,
                    new double[descriptor.signalCount()], PipelineYaml.of(LibraryMapping.pipeline(scenario.platform()),
                        descriptor.signals().stream().map(SignalInfo::name).toList()))) {
                    outcome = session.run(List.of(metrics, csv, plots, recorder), recorder);
                    recorder.finish();
                }
            }
        }
        final ExpectationReport verdict = ExpectationCheck.evaluate(
            ExpectationCheck.expectations(scenario.expectations()), metrics);
        final List<String> files = new ArrayList<>();
        files.add(TraceReplay.FRAMES_CSV);
        for (final Path p : plots.write(dir, metrics)) {
            files.add(p.getFileName().toString());
        }
        files.add(TraceReplay.SUMMARY_JSON);
        final ProcessOutcome done = outcome;
        Files.writeString(dir.resolve(TraceReplay.SUMMARY_JSON), SummaryJsonWriter.toJson(metrics, verdict, files,
            null, j -> ProcessReport.summarySection(j, done, metrics)), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("hil.json"), ProcessReport.json(outcome, metrics, scenario.name(),
            scenario.platform().name(), settings.frameRateHz(), settings.external()), StandardCharsets.UTF_8);
        out.print(ProcessReport.text(outcome, metrics, scenario.name()));
        out.print(HumanSummary.text(metrics, verdict, files));
        out.println("summary:  " + dir.resolve(TraceReplay.SUMMARY_JSON));
        out.println("report:   " + dir.resolve("hil.json"));
        out.println("lanes:    " + dir.resolve("lanes") + " (each lane process's log)");
        out.flush();
        final long planned = descriptor.durationFrames();
        return new Result(outcome.framesFinalized == planned && verdict.passed()
            && ProcessReport.withinHypothesis(metrics) == 0, outcome, metrics);
    }

    /** What a session gave: its verdict, and for the package its figures. */
    public static final class Result {
        private final boolean passed;
        private final ProcessOutcome outcome;
        private final RunMetrics metrics;

        Result(final boolean passed, final ProcessOutcome outcome, final RunMetrics metrics) {
            this.passed = passed;
            this.outcome = outcome;
            this.metrics = metrics;
        }

        /**
         * @return whether every frame ran, the scenario's expectations held and the healthy lanes never disagreed
         *         while the fault hypothesis held
         */
        public boolean passed() {
            return passed;
        }

        ProcessOutcome outcome() {
            return outcome;
        }

        RunMetrics metrics() {
            return metrics;
        }
    }
}
