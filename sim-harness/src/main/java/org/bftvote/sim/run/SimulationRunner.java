package org.bftvote.sim.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bftvote.sim.cli.RunOutcome;
import org.bftvote.sim.cli.RunRequest;
import org.bftvote.sim.cli.ScenarioRunner;
import org.bftvote.sim.results.ExpectationCheck;
import org.bftvote.sim.results.ExpectationReport;
import org.bftvote.sim.results.FrameCsvWriter;
import org.bftvote.sim.results.FrameSample;
import org.bftvote.sim.results.HumanSummary;
import org.bftvote.sim.results.PlotWriter;
import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.results.SummaryJsonWriter;
import org.bftvote.sim.scenario.Expectations;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.yaml.ProfileException;

/**
 * The {@code run} command's simulation: builds a {@link Simulation}, feeds every frame to the metrics, the
 * per-frame CSV and the plots, checks the scenario's expectations, writes {@code summary.json}, {@code frames.csv}
 * and two PNGs per signal into the output directory, and prints the human summary ending with where the plots and
 * the summary are. Progress goes to the error stream every tenth of a run of 100,000 frames or more.
 */
public final class SimulationRunner implements ScenarioRunner {

    /** Creates the runner. */
    public SimulationRunner() {
        // stateless
    }

    @Override
    public RunOutcome run(final RunRequest request) throws ProfileException, IOException {
        final Scenario scenario = request.scenario();
        final Simulation simulation = new Simulation(scenario);
        final Path dir = request.outputDir();
        Files.createDirectories(dir);
        final RunMetrics metrics = new RunMetrics(simulation.descriptor());
        final PlotWriter plots = new PlotWriter(simulation.descriptor());
        final FrameSample sample = new FrameSample(simulation.descriptor());
        final PrintWriter err = request.err();
        final long total = simulation.descriptor().durationFrames();
        try (FrameCsvWriter csv = FrameCsvWriter.open(simulation.descriptor(), dir.resolve("frames.csv"))) {
            simulation.observers(List.of(metrics, csv, plots));
            simulation.runAll(sample, frame -> {
                err.println("frame " + frame + " of " + total + " (" + (100 * frame / total) + " %)");
                err.flush();
            });
        }
        final ExpectationReport verdict = ExpectationCheck.evaluate(expectations(scenario.expectations()), metrics);
        final List<String> files = new ArrayList<>();
        files.add("summary.json");
        files.add("frames.csv");
        for (final Path p : plots.write(dir, metrics)) {
            files.add(p.getFileName().toString());
        }
        SummaryJsonWriter.write(dir.resolve("summary.json"), metrics, verdict, files);
        final PrintWriter out = request.out();
        out.print(HumanSummary.text(metrics, verdict, files));
        final String firstSignal = simulation.descriptor().signals().get(0).name();
        out.println("plots:   " + dir.resolve("signal-" + fileName(firstSignal) + ".png") + " (and the other "
            + "signal-*.png, health-*.png)");
        out.println("summary: " + dir.resolve("summary.json"));
        out.flush();
        return verdict.passed() ? RunOutcome.PASSED : RunOutcome.EXPECTATIONS_NOT_MET;
    }

    /**
     * @param e a scenario's expectations
     * @return the same as the name → value map {@link ExpectationCheck} reads
     */
    public static Map<String, Object> expectations(final Expectations e) {
        final Map<String, Object> map = new LinkedHashMap<>();
        e.maxAgreementViolations().ifPresent(v -> map.put("max_agreement_violations", v));
        e.maxFalseExclusions().ifPresent(v -> map.put("max_false_exclusions", v));
        e.minAvailability().ifPresent(v -> map.put("min_availability", v));
        if (!e.maxOutputErrorRms().isEmpty()) {
            map.put("max_output_error_rms", new LinkedHashMap<>(e.maxOutputErrorRms()));
        }
        if (!e.detections().isEmpty()) {
            final Map<String, Double> within = new LinkedHashMap<>();
            for (final Expectations.Detection d : e.detections()) {
                within.put(d.faultId(), d.withinSeconds());
            }
            map.put("fault_detected_within_s", within);
        }
        e.hypothesisExceeded().ifPresent(v -> map.put("hypothesis_exceeded", v));
        e.agreementLost().ifPresent(v -> map.put("agreement_lost", v));
        return map;
    }

    private static String fileName(final String signal) {
        return signal.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
