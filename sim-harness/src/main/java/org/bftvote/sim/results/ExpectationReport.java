package org.bftvote.sim.results;

import java.util.List;

/**
 * The outcome of every expectation of a run, in a fixed order (see {@link ExpectationCheck}).
 *
 * @param results one entry per checked expectation (empty when the scenario states none)
 */
public record ExpectationReport(List<ExpectationResult> results) {
    /**
     * @param results checked expectations; copied
     */
    public ExpectationReport {
        results = List.copyOf(results);
    }

    /** @return whether every expectation held (true when there are none) */
    public boolean passed() {
        for (final ExpectationResult r : results) {
            if (!r.passed()) {
                return false;
            }
        }
        return true;
    }

    /** @return the process exit code the run command uses: 0 when {@link #passed()}, else 1 */
    public int exitCode() {
        return passed() ? 0 : 1;
    }
}
