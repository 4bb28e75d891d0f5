package org.bftvote.sim.execution;

import java.util.List;

import org.bftvote.sim.results.ExpectationReport;
import org.bftvote.sim.results.RunMetrics;

/**
 * A scenario run that completed and wrote its files.
 *
 * @param metrics the run's metrics
 * @param verdict the scenario's expectations checked against them
 * @param files   the files listed in {@code summary.json}, relative to the output directory, in listed order
 */
public record CompletedRun(RunMetrics metrics, ExpectationReport verdict, List<String> files) {
}
