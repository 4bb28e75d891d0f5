package org.bftvote.sim.execution;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.bftvote.sim.results.ExpectationCheck;
import org.bftvote.sim.results.ExpectationReport;
import org.bftvote.sim.results.ExpectationsYaml;
import org.bftvote.sim.results.FrameCsvWriter;
import org.bftvote.sim.results.HumanSummary;
import org.bftvote.sim.results.OutputFolder;
import org.bftvote.sim.results.PlotWriter;
import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.results.SummaryJsonWriter;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.PipelineYaml;
import org.bftvote.sim.run.RunDescriptor;
import org.bftvote.sim.run.Simulation;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.trace.TraceRecorder;
import org.bftvote.sim.trace.TraceReplay;
import org.bftvote.sim.yaml.ProfileException;

/**
 * The {@code run} command's simulation: makes the output directory ready ({@link OutputFolder}: older files are
 * refused unless the request forces their removal), writes the run's provenance ({@link RunProvenance}), builds a
 * {@link Simulation}, feeds every frame to the metrics, the
 * per-frame CSV and the plots, checks the scenario's expectations, writes {@code summary.json}, {@code frames.csv}
 * and two PNGs per signal into the output directory, and prints the human summary ending with where the plots and
 * the summary are. Progress goes to the error stream every tenth of a run of 100,000 frames or more. With
 * {@code --trace DIR} the run is also recorded as a trace ({@link TraceRecorder}, one more observer after the
 * others, finished after the last frame, closed in any case so a failed run leaves a truncated trace).
 */
public final class SimulationRunner implements ScenarioRunner {
    /** Creates the runner. */
    public SimulationRunner() {
        // stateless
    }

    @Override
    public RunOutcome run(final RunRequest request) throws ProfileException, IOException {
        final Path dir = OutputFolder.prepare(request.outputDir(), request.force());
        RunProvenance.of(request.scenario(), request.arguments()).write(dir);
        final CompletedRun done = execute(request.scenario(), dir, request.trace(), request.err());
        final PrintWriter out = request.out();
        out.print(HumanSummary.text(done.metrics(), done.verdict(), done.files()));
        final String shown = done.metrics().descriptor().signals().get(plottedSignal(done)).name();
        out.println("plots:   " + dir.resolve("signal-" + fileName(shown) + ".png") + " (and the other "
            + "signal-*.png, health-*.png)");
        out.println("summary: " + dir.resolve("summary.json"));
        if (request.trace() != null) {
            out.println("trace:   " + request.trace() + " (replay with: bftvote-sim replay " + request.trace()
                + " --expect " + dir.resolve(ExpectationsYaml.FILE_NAME) + ")");
        }
        out.flush();
        return done.verdict().passed() ? RunOutcome.PASSED : RunOutcome.EXPECTATIONS_NOT_MET;
    }

    /**
     * Runs a scenario and writes its files: {@code frames.csv}, the plots, {@code summary.json} (which lists them in
     * that order, as {@code replay} does), and, when a trace is recorded, the trace and
     * {@value ExpectationsYaml#FILE_NAME} (the scenario's expectations in the names {@code replay --expect} reads),
     * so that replaying the trace with them writes a byte-identical {@code summary.json}.
     *
     * @param scenario the scenario (seed and duration applied)
     * @param dir      output directory (created if missing)
     * @param trace    trace directory, {@code null} for none; must not exist or be empty
     * @param err      where progress goes (runs of 100,000 frames or more)
     * @return the metrics, the verdict and the files listed in the summary
     * @throws ProfileException if the platform asks for a configuration the library refuses
     * @throws IOException      if a file or the trace cannot be written
     */
    public static CompletedRun execute(final Scenario scenario, final Path dir, final Path trace,
        final PrintWriter err) throws ProfileException, IOException {
        final Simulation simulation = new Simulation(scenario);
        final RunDescriptor descriptor = simulation.descriptor();
        Files.createDirectories(dir);
        // One tolerance array for the live metrics and the trace header, so a replay judges validity alike.
        final double[] tolerance = new double[descriptor.signalCount()];
        final RunMetrics metrics = new RunMetrics(descriptor, tolerance, RunMetrics.DEFAULT_EXCLUSION_CAPACITY);
        final PlotWriter plots = new PlotWriter(descriptor);
        final FrameSample sample = new FrameSample(descriptor);
        final long total = descriptor.durationFrames();
        final LongConsumer progress = frame -> {
            err.println("frame " + frame + " of " + total + " (" + (100 * frame / total) + " %)");
            err.flush();
        };
        // The trace is opened first, so that a trace that cannot be made leaves no header-only frames.csv.
        try (TraceRecorder recorder = trace == null ? null : TraceRecorder.open(trace, descriptor, tolerance,
                PipelineYaml.of(simulation.cluster().pipeline(0).config(), signalNames(descriptor)));
             FrameCsvWriter csv = FrameCsvWriter.open(descriptor, dir.resolve(TraceReplay.FRAMES_CSV))) {
            if (recorder == null) {
                simulation.observers(List.of(metrics, csv, plots));
            } else {
                simulation.observers(List.of(metrics, csv, plots, recorder));
                simulation.messageTap(recorder);
            }
            simulation.runAll(sample, progress);
            if (recorder != null) {
                recorder.finish();
            }
        }
        final Map<String, Object> expected = ExpectationCheck.expectations(scenario.expectations());
        final ExpectationReport verdict = ExpectationCheck.evaluate(expected, metrics);
        // The order replay lists them in, so a replayed summary.json is byte-identical.
        final List<String> files = new ArrayList<>();
        files.add(TraceReplay.FRAMES_CSV);
        for (final Path p : plots.write(dir, metrics)) {
            files.add(p.getFileName().toString());
        }
        files.add(TraceReplay.SUMMARY_JSON);
        SummaryJsonWriter.write(dir.resolve(TraceReplay.SUMMARY_JSON), metrics, verdict, files);
        if (trace != null) {
            Files.writeString(dir.resolve(ExpectationsYaml.FILE_NAME), ExpectationsYaml.text(expected),
                StandardCharsets.UTF_8);
        }
        return new CompletedRun(metrics, verdict, List.copyOf(files));
    }

    private static List<String> signalNames(final RunDescriptor descriptor) {
        return descriptor.signals().stream().map(org.bftvote.sim.run.SignalInfo::name).toList();
    }

    private static String fileName(final String signal) {
        return signal.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The plot to point a reader at: the signal of the first sensor fault, else the first signal. */
    private static int plottedSignal(final CompletedRun done) {
        for (final org.bftvote.sim.run.InjectedFault f : done.metrics().descriptor().faults()) {
            if (f.signal() >= 0) {
                return f.signal();
            }
        }
        return 0;
    }
}
