package org.bftvote.sim.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.bftvote.sim.run.InjectedFault;
import org.bftvote.sim.run.RunDescriptor;
import org.bftvote.sim.run.SignalInfo;

/**
 * Writes the summary of a run as JSON following {@code schema/summary.schema.json} (a resource of this module,
 * where every field is described). Keys come in a fixed order, numbers as {@link Double#toString(double)} (not
 * finite: {@code null}), "none" as {@code null}, no timestamps or absolute paths: the same run gives the same
 * bytes.
 */
public final class SummaryJsonWriter {
    /** Version of the summary layout, written as {@code schema_version}; raised on any incompatible change. */
    public static final int SCHEMA_VERSION = 3;
    /** Most exclusion events listed in the summary; the counts always cover all. */
    public static final int MAX_LISTED_EXCLUSIONS = 1000;

    private SummaryJsonWriter() {
    }

    /**
     * @param metrics      the finished run
     * @param expectations the checked expectations
     * @param files        output files of the run, as given (relative names keep the summary portable)
     * @return the summary JSON text, ending with a line break
     */
    public static String toJson(final RunMetrics metrics, final ExpectationReport expectations,
        final List<String> files) {
        return toJson(metrics, expectations, files, null);
    }

    /**
     * @param metrics      the finished run
     * @param expectations the checked expectations
     * @param files        output files of the run, as given
     * @param integrity    how whole the replayed recording was; {@code null} (or complete) writes no
     *                     {@code record_integrity}, so a whole replay's summary equals the live one
     * @return the summary JSON text, ending with a line break
     */
    public static String toJson(final RunMetrics metrics, final ExpectationReport expectations,
        final List<String> files, final RecordIntegrity integrity) {
        return toJson(metrics, expectations, files, integrity, null);
    }

    /** Writes one more object of the summary: a session's own figures (the rig's timing). */
    @FunctionalInterface
    public interface Section {
        /** @param json positioned where the section's object goes; write exactly one object */
        void appendTo(JsonOut json);
    }

    /**
     * @param metrics      the finished run
     * @param expectations the checked expectations
     * @param files        output files of the run, as given
     * @param integrity    how whole the replayed recording was, {@code null} for a live run
     * @param rig          a rig session's timing and datagram figures, written as {@code rig} before
     *                     {@code files}; {@code null} for none
     * @return the summary JSON text, ending with a line break
     */
    public static String toJson(final RunMetrics metrics, final ExpectationReport expectations,
        final List<String> files, final RecordIntegrity integrity, final Section rig) {
        final RunDescriptor d = metrics.descriptor();
        final JsonOut j = new JsonOut().beginObject();
        j.name("schema_version").value(SCHEMA_VERSION);
        j.name("scenario").value(d.scenario());
        j.name("platform").value(d.platform());
        j.name("seed").value(d.seed());
        j.name("frame_rate_hz").value(d.frameRateHz());
        j.name("lanes").value(d.lanes());
        j.name("fault_hypothesis").value(d.faultHypothesis());
        j.name("frames").beginObject()
            .name("planned").value(d.durationFrames())
            .name("run").value(metrics.framesRun())
            .name("first").frameOrNull(metrics.firstFrame())
            .name("last").frameOrNull(metrics.lastFrame())
            .name("duration_s").value(metrics.framesRun() / d.frameRateHz())
            .endObject();
        if (integrity != null && !integrity.complete()) {
            integrity.appendTo(j);
        }
        signals(j, metrics);
        j.name("agreement").beginObject()
            .name("violation_frames").value(metrics.agreementViolationFrames())
            .name("lost").value(metrics.agreementLost())
            .endObject();
        j.name("validity").beginObject()
            .name("violation_frames").value(metrics.validityViolationFrames())
            .endObject();
        faults(j, metrics);
        exclusions(j, metrics);
        j.name("messages").beginObject();
        for (int o = 0; o < d.messageOutcomes().size(); o++) {
            j.name(d.messageOutcomes().get(o)).value(metrics.messages(o));
        }
        j.endObject();
        recovery(j, metrics);
        j.name("expectations").beginObject()
            .name("passed").value(expectations.passed())
            .name("results").beginArray();
        for (final ExpectationResult r : expectations.results()) {
            j.beginObject().name("name").value(r.name()).name("expected").value(r.expected())
                .name("actual").value(r.actual()).name("passed").value(r.passed()).endObject();
        }
        j.endArray().endObject();
        if (rig != null) {
            j.name("rig");
            rig.appendTo(j);
        }
        j.name("files").beginArray();
        for (final String f : files) {
            j.value(f);
        }
        j.endArray();
        return j.endObject().toString();
    }

    /** The recovery and hypothesis objects: how the healthy lanes fared beyond the fault hypothesis and after. */
    private static void recovery(final JsonOut j, final RunMetrics m) {
        j.name("recovery").beginObject()
            .name("divergence_frames").value(m.agreementViolationFrames())
            .name("undetected_divergence_frames").value(m.undetectedDivergenceFrames())
            .name("max_recovery_frames").value(m.maxRecoveryFrames())
            .name("recovery_bound_frames").value(m.descriptor().recoveryBoundFrames())
            .name("divergence_episodes").value(m.divergenceEpisodes())
            .name("episodes_flagged_everywhere").value(m.episodesFlaggedEverywhere())
            .name("max_flag_latency_frames").frameOrNull(m.maxFlagLatencyFrames())
            .name("episodes").beginArray();
        for (int e = 0; e < m.episodesKept(); e++) {
            j.beginObject()
                .name("first_frame").value(m.episodeFirstFrame(e))
                .name("flagged_everywhere_frame").frameOrNull(m.episodeFlaggedFrame(e))
                .name("identical_again_frame").frameOrNull(m.episodeIdenticalAgainFrame(e))
                .endObject();
        }
        j.endArray().name("lane_readmissions").beginArray();
        for (int l = 0; l < m.descriptor().lanes(); l++) {
            j.value(m.laneReadmissions(l));
        }
        j.endArray().endObject();
        j.name("hypothesis").beginObject()
            .name("exceeded").value(m.hypothesisExceeded())
            .name("first_exceeded_frame").frameOrNull(m.firstExceededFrame())
            .name("exceeded_frames").value(m.exceededFrames())
            .name("agreement_violation_frames_while_exceeded").value(m.agreementViolationsWhileExceeded())
            .endObject();
    }

    private static void signals(final JsonOut j, final RunMetrics m) {
        final List<SignalInfo> signals = m.descriptor().signals();
        j.name("signals").beginArray();
        for (int s = 0; s < signals.size(); s++) {
            j.beginObject()
                .name("name").value(signals.get(s).name())
                .name("unit").value(signals.get(s).unit())
                .name("agreement_violation_frames").value(m.agreementViolations(s))
                .name("validity_violation_frames").value(m.validityViolations(s))
                .name("validity_tolerance").value(m.validityTolerance(s))
                .name("output_error_frames").value(m.errorFrames(s))
                .name("output_error_rms").value(m.errorRms(s))
                .name("output_error_max").value(m.errorMax(s))
                .name("available_frames").value(m.availableFrames(s))
                .name("availability").value(m.availability(s))
                .endObject();
        }
        j.endArray();
    }

    private static void faults(final JsonOut j, final RunMetrics m) {
        final RunDescriptor d = m.descriptor();
        final List<FaultOutcome> outcomes = m.faultOutcomes();
        j.name("faults").beginArray();
        for (final FaultOutcome o : outcomes) {
            final InjectedFault f = o.fault();
            j.beginObject()
                .name("id").value(f.id())
                .name("target").value(f.target())
                .name("kind").value(f.kind())
                .name("lane").value(f.lane())
                .name("signal").value(f.signal() == InjectedFault.ALL_SIGNALS ? null
                    : d.signals().get(f.signal()).name())
                .name("onset_frame").value(f.onsetFrame())
                .name("onset_s").value(d.timeOf(f.onsetFrame()))
                .name("status").value(o.status().name().toLowerCase(Locale.ROOT))
                .name("detection_frame").frameOrNull(o.detectionFrame())
                .name("latency_frames").frameOrNull(o.latencyFrames())
                .name("latency_s").value(o.latencySeconds())
                .name("first_exclusion_frame_by_lane").beginArray();
            for (final long frame : o.firstExclusionFrame()) {
                j.frameOrNull(frame);
            }
            j.endArray().endObject();
        }
        j.endArray();
        j.name("undetected_faults").beginArray();
        for (final FaultOutcome o : outcomes) {
            if (o.status() == FaultOutcome.Status.UNDETECTED) {
                j.value(o.fault().id());
            }
        }
        j.endArray();
    }

    private static void exclusions(final JsonOut j, final RunMetrics m) {
        final ExclusionLog log = m.exclusionLog();
        final int listed = Math.min(log.size(), MAX_LISTED_EXCLUSIONS);
        j.name("exclusions").beginObject()
            .name("total").value(m.exclusions())
            .name("false").value(m.falseExclusions())
            .name("unprocessed").value(m.unprocessedExclusions())
            .name("listed").value(listed)
            .name("events").beginArray();
        for (int i = 0; i < listed; i++) {
            j.beginObject()
                .name("frame").value(log.frame(i))
                .name("observing_lane").value(log.observingLane(i))
                .name("signal").value(log.signal(i) == InjectedFault.ALL_SIGNALS ? null
                    : m.descriptor().signals().get(log.signal(i)).name())
                .name("channel").value(log.channel(i))
                .name("reason").value(log.reason(i))
                .name("false").value(log.isFalse(i))
                .endObject();
        }
        j.endArray().endObject();
    }

    /**
     * Writes {@link #toJson} to a file (UTF-8), replacing it.
     *
     * @param file         target file
     * @param metrics      the finished run
     * @param expectations the checked expectations
     * @param files        output files of the run
     * @throws IOException if the file cannot be written
     */
    public static void write(final Path file, final RunMetrics metrics, final ExpectationReport expectations,
        final List<String> files) throws IOException {
        write(file, metrics, expectations, files, null);
    }

    /**
     * Writes {@link #toJson(RunMetrics, ExpectationReport, List, RecordIntegrity)} to a file (UTF-8), replacing it.
     *
     * @param file         target file
     * @param metrics      the finished run
     * @param expectations the checked expectations
     * @param files        output files of the run
     * @param integrity    how whole the replayed recording was, {@code null} for a live run
     * @throws IOException if the file cannot be written
     */
    public static void write(final Path file, final RunMetrics metrics, final ExpectationReport expectations,
        final List<String> files, final RecordIntegrity integrity) throws IOException {
        Files.writeString(file, toJson(metrics, expectations, files, integrity), StandardCharsets.UTF_8);
    }
}
