package org.bftvote.sim.revote;

import java.util.Locale;

import org.bftvote.channel.OutputStatus;
import org.bftvote.sim.recording.RecordedFrames;

/**
 * The console text of a re-voted recording: what was read, then per signal whether anything was excluded and when,
 * each known fault's detection, false exclusions, and how close the channels not known to be faulty came to the
 * threshold; with a PX4 comparison, how often PX4 output a known-faulty channel.
 */
final class RecordingText {
    private RecordingText() {
    }

    static String of(final RevoteRun run, final Px4Selection px4) {
        final RecordedFrames rec = run.recording();
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "recording %s (%s): %d records, %d frames over %.3f s; %s%n",
            rec.source().file(), rec.source().format(), rec.source().records(), rec.frames(),
            rec.frames() == 0 ? 0.0 : rec.timeS(rec.frames() - 1), rec.source().alignment()));
        for (int s = 0; s < rec.signals(); s++) {
            signal(sb, run, s, px4);
        }
        return sb.toString();
    }

    private static void signal(final StringBuilder sb, final RevoteRun run, final int s, final Px4Selection px4) {
        final RecordedFrames rec = run.recording();
        final SignalOutcome o = run.outcomes().get(s);
        sb.append(String.format(Locale.ROOT, "%s [%s], %d channels, threshold %s: NORMAL %d, DEGRADED %d, "
            + "NO_MAJORITY %d, INVALID %d frames%n", o.name(), rec.unit(s), o.channels(), o.threshold(),
            o.statusFrames(OutputStatus.NORMAL), o.statusFrames(OutputStatus.DEGRADED),
            o.statusFrames(OutputStatus.NO_MAJORITY), o.statusFrames(OutputStatus.INVALID)));
        boolean any = false;
        for (int c = 0; c < o.channels(); c++) {
            if (o.firstExclusion(c) != SignalOutcome.NEVER) {
                any = true;
                sb.append(String.format(Locale.ROOT, "  channel %d excluded at %.3f s (frame %d): %s%n", c,
                    rec.timeS(o.firstExclusion(c)), o.firstExclusion(c), o.exclusionReason(c)));
            }
        }
        if (!any) {
            sb.append("  no channel excluded\n");
        }
        for (final SignalOutcome.Detection d : o.detections()) {
            sb.append(d.detectionFrame() == SignalOutcome.NEVER
                ? String.format(Locale.ROOT, "  known fault on channel %d: NOT DETECTED%n", d.channel())
                : String.format(Locale.ROOT, "  known fault on channel %d: detected after %.3f s%n", d.channel(),
                    d.latencyS()));
        }
        sb.append(String.format(Locale.ROOT, "  false exclusions %d; largest deviation of a channel not known "
            + "faulty from the median %s (margin to the threshold %s)%n", o.falseExclusions(),
            o.healthyDeviationMax(), o.threshold() - o.healthyDeviationMax()));
        if (px4 != null) {
            sb.append(String.format(Locale.ROOT, "  PX4 selection output a known-faulty channel in %d frames%n",
                px4.faultyFrames(s)));
        }
    }
}
