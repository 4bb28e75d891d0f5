package org.bftvote.sim.trace;

import java.util.List;

import org.bftvote.sim.results.ExpectationReport;
import org.bftvote.sim.results.RunMetrics;

/**
 * What a replay produced.
 *
 * @param trace   frames and exclusions read, and whether the trace was truncated
 * @param metrics the metrics recomputed from the trace
 * @param report  the expectations checked against them (empty when none were given)
 * @param files   the files written, relative to the output directory, in the order the summary lists them
 * @param text    the human summary, preceded by a truncation notice when the trace was truncated
 */
public record ReplayResult(TraceSummary trace, RunMetrics metrics, ExpectationReport report, List<String> files,
                           String text) {
    /**
     * @param trace   see the record description
     * @param metrics see the record description
     * @param report  see the record description
     * @param files   see the record description (copied)
     * @param text    see the record description
     */
    public ReplayResult {
        files = List.copyOf(files);
    }
}
