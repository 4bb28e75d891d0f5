package org.bftvote.sim.results;

import java.util.List;

import org.bftvote.sim.run.InjectedFault;
import org.bftvote.sim.run.RunDescriptor;
import org.bftvote.sim.run.SignalInfo;

/** A short text about a finished run for the console: what ran, the key metrics, expectations, where files are. */
public final class HumanSummary {
    private HumanSummary() {
    }

    /**
     * @param metrics      the finished run
     * @param expectations checked expectations
     * @param files        output files, as they should be shown
     * @return lines separated by {@code \n}, ending with one
     */
    public static String text(final RunMetrics metrics, final ExpectationReport expectations,
        final List<String> files) {
        final RunDescriptor d = metrics.descriptor();
        final StringBuilder sb = new StringBuilder(1024);
        line(sb, "scenario " + d.scenario() + " on " + d.platform() + ", seed " + d.seed() + ", "
            + metrics.framesRun() + "/" + d.durationFrames() + " frames at " + Numbers.text(d.frameRateHz()) + " Hz ("
            + Numbers.text(metrics.framesRun() / d.frameRateHz()) + " s), " + d.lanes() + " lanes");
        line(sb, "fault hypothesis: " + d.faultHypothesis() + (metrics.hypothesisExceeded()
            ? " - EXCEEDED from frame " + metrics.firstExceededFrame() + " (" + metrics.exceededFrames()
                + " frames, agreement violated in " + metrics.agreementViolationsWhileExceeded() + " of them)"
            : " - held"));
        line(sb, "agreement violations: " + metrics.agreementViolationFrames() + " frames; validity violations: "
            + metrics.validityViolationFrames() + " frames; false exclusions: " + metrics.falseExclusions()
            + " (of " + metrics.exclusions() + " exclusions)");
        line(sb, recovery(metrics));
        for (int s = 0; s < d.signalCount(); s++) {
            final SignalInfo info = d.signals().get(s);
            line(sb, "  " + info.name() + ": error RMS " + Numbers.text(metrics.errorRms(s)) + " max "
                + Numbers.text(metrics.errorMax(s)) + (info.unit().isEmpty() ? "" : " " + info.unit())
                + ", availability " + Numbers.text(100.0 * metrics.availability(s)) + " %, agreement violations "
                + metrics.agreementViolations(s));
        }
        for (final FaultOutcome o : metrics.faultOutcomes()) {
            final InjectedFault f = o.fault();
            final String what = switch (o.status()) {
                case DETECTED -> "detected after " + Numbers.text(o.latencySeconds()) + " s (" + o.latencyFrames()
                    + " frames)";
                case UNDETECTED -> "UNDETECTED";
                case NOT_STARTED -> "not started (onset after the last frame)";
                case NO_UNIT -> "a bus fault, no unit to isolate (its effect: the message counts)";
            };
            line(sb, "  fault " + f.id() + " " + f.kind() + " on " + f.target() + " at "
                + Numbers.text(d.timeOf(f.onsetFrame())) + " s: " + what);
        }
        if (expectations.results().isEmpty()) {
            line(sb, "expectations: none");
        } else {
            line(sb, "expectations: " + (expectations.passed() ? "PASSED" : "FAILED"));
            for (final ExpectationResult r : expectations.results()) {
                line(sb, "  " + r.line());
            }
        }
        if (!files.isEmpty()) {
            line(sb, "files: " + String.join(", ", files));
        }
        return sb.toString();
    }

    /**
     * @param m a finished run
     * @return its recovery line: divergence and how much of it went unflagged, the longest recovery against the
     *         bound, how fast every healthy lane flagged, and which lanes were readmitted
     */
    static String recovery(final RunMetrics m) {
        final StringBuilder sb = new StringBuilder("recovery: divergence ")
            .append(frames(m.agreementViolationFrames())).append(" in ").append(m.divergenceEpisodes())
            .append(" episodes, ")
            .append(m.undetectedDivergenceFrames()).append(" unflagged; longest recovery ")
            .append(frames(m.maxRecoveryFrames())).append(" (bound ").append(m.descriptor().recoveryBoundFrames())
            .append(')');
        if (m.episodesFlaggedEverywhere() > 0) {
            sb.append("; flagged by every healthy lane in ").append(m.episodesFlaggedEverywhere()).append(" of ")
                .append(m.divergenceEpisodes()).append(" episodes, within ").append(frames(m.maxFlagLatencyFrames()));
        }
        String separator = "; readmitted: ";
        for (int l = 0; l < m.descriptor().lanes(); l++) {
            if (m.laneReadmissions(l) > 0) {
                sb.append(separator).append("lane ").append(l).append(" x").append(m.laneReadmissions(l));
                separator = ", ";
            }
        }
        return sb.toString();
    }

    private static String frames(final long count) {
        return count + (count == 1 ? " frame" : " frames");
    }

    private static void line(final StringBuilder sb, final String text) {
        sb.append(text).append('\n');
    }
}
