package org.bftvote.sim.results;

/**
 * One checked expectation.
 *
 * @param name     expectation name, for one signal or fault suffixed {@code .name} (for example
 *                 {@code fault_detected_within_s.F1})
 * @param expected the expected value as text, for example {@code "<= 0"}
 * @param actual   what the run produced, as text
 * @param passed   whether it held
 */
public record ExpectationResult(String name, String expected, String actual, boolean passed) {
    /**
     * @return one line for people: {@code PASS name: actual (expected ...)}
     */
    public String line() {
        return (passed ? "PASS " : "FAIL ") + name + ": " + actual + " (expected " + expected + ")";
    }
}
