package org.bftvote.sim.hil;

import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.bftvote.sim.results.JsonOut;
import org.bftvote.sim.results.RunMetrics;

/**
 * The timing, clock, datagram and process figures of a rig session with lane processes, as {@code hil.json} and as
 * the console lines printed before the run summary. The fields are described in {@code docs/guides/run-the-rig.md}.
 */
final class ProcessReport {
    /** Version of this layout of {@code hil.json}. */
    static final int SCHEMA_VERSION = 2;
    /** The percentiles each timing histogram reports, and their names in hil.json. */
    private static final double[] PERCENTILES = {50.0, 99.0, 99.9};
    private static final String[] PERCENTILE_NAMES = {"p50", "p99", "p99_9"};

    private ProcessReport() {
    }

    static String json(final ProcessOutcome o, final RunMetrics metrics, final String scenario, final String platform,
        final double frameRateHz, final java.util.Set<Integer> external) {
        final JsonOut j = new JsonOut().beginObject();
        j.name("schema_version").value(SCHEMA_VERSION);
        j.name("scenario").value(scenario).name("platform").value(platform);
        j.name("transport").value("processes").name("realtime").value(true).name("lanes").value(o.lanes);
        j.name("external_lanes").beginArray();
        for (final int l : external) {
            j.value(l);
        }
        j.endArray();
        ports(j, o);
        j.name("frame_rate_hz").value(frameRateHz).name("period_us").value(o.periodNs / 1000.0);
        j.name("rounds").value(o.rounds).name("round_window_us").value(o.windowNs / 1000.0);
        final long planned = o.schedule == null ? 0 : o.schedule.frames();
        j.name("frames").beginObject().name("planned").value(planned).name("run").value(o.framesFinalized)
            .name("stopped_early").value(o.framesFinalized < planned).endObject();
        j.name("latency_us");
        latency(j, o.latencyAll);
        j.name("latency_us_by_lane").beginArray();
        for (final LatencyStats s : o.latency == null ? new LatencyStats[0] : o.latency) {
            latency(j, s);
        }
        j.endArray();
        j.name("deadline_misses").value(o.latencyAll.deadlineMisses());
        agreement(j, o, metrics);
        clock(j, o);
        datagrams(j, o);
        processes(j, o);
        return j.endObject().toString();
    }

    private static void ports(final JsonOut j, final ProcessOutcome o) {
        j.name("address").value("127.0.0.1").name("rig_port").value(o.controlPort).name("bus_ports").beginArray();
        for (final int p : o.busPorts) {
            j.value(p);
        }
        j.endArray();
    }

    private static void latency(final JsonOut j, final LatencyStats s) {
        j.beginObject().name("frames").value(s.count()).name("p50").value(s.percentileUs(50.0))
            .name("p99").value(s.percentileUs(99.0)).name("p99_9").value(s.percentileUs(99.9))
            .name("max").value(s.maxUs()).name("deadline_misses").value(s.deadlineMisses()).endObject();
    }

    private static void agreement(final JsonOut j, final ProcessOutcome o, final RunMetrics metrics) {
        j.name("agreement").beginObject().name("frames_compared").value(o.framesFinalized)
            .name("frames_healthy_lanes_agree").value(o.frames.framesLanesAgree)
            .name("frames_healthy_lanes_disagree").value(o.framesFinalized - o.frames.framesLanesAgree)
            .name("first_disagreement_frame").value(o.frames.firstDisagreementFrame)
            .name("violation_frames_within_hypothesis").value(withinHypothesis(metrics))
            .name("frames_all_reporting_lanes_agree").value(o.frames.framesAllReportingAgree)
            .name("frames_fault_free").value(o.frames.framesFaultFree)
            .name("frames_fault_free_all_lanes_agree").value(o.frames.framesFaultFreeAgree)
            .name("frames_without_healthy_lane").value(o.frames.framesWithoutHealthyLane)
            .name("frames_matching_simulation").value(o.frames.framesMatchingSimulation).endObject();
        j.name("recovery").beginObject().name("recoveries").value(o.recoveries)
            .name("max_recovery_frames").value(o.maxRecoveryFrames).name("lanes_not_recovered")
            .value(o.lanesNotRecovered).name("max_recovery_frames_by_lane").beginArray();
        for (final long r : o.recoveryFrames == null ? new long[0] : o.recoveryFrames) {
            j.value(r);
        }
        j.endArray().endObject();
    }

    /** @return frames in which healthy lanes disagreed while the fault hypothesis held */
    static long withinHypothesis(final RunMetrics metrics) {
        return metrics.agreementViolationFrames() - metrics.agreementViolationsWhileExceeded();
    }

    private static void clock(final JsonOut j, final ProcessOutcome o) {
        j.name("clock").beginObject();
        j.name("skew_us");
        histogram(j, o.frames.clockSkew);
        j.name("frame_start_skew_us");
        histogram(j, o.frames.startSkew);
        j.name("calibration").beginObject().name("max_round_trip_us").value(o.calibratedRoundTripNs / 1000.0)
            .name("max_skew_us").value(o.calibratedSkewNs / 1000.0)
            .name("guard_factor").value(RigCalibration.GUARD_FACTOR)
            .name("round_window_us").value(o.windowNs / 1000.0)
            .name("guard_us").value((o.windowNs - o.calibratedRoundTripNs / 2 - o.calibratedSkewNs) / 1000.0)
            .endObject();
        j.name("lane_offset_us").beginArray();
        for (final double v : o.clockOffsetUs) {
            j.value(v);
        }
        j.endArray().name("lane_drift_ppm").beginArray();
        for (final double v : o.clockDriftPpm) {
            j.value(v);
        }
        j.endArray().endObject();
    }

    private static void histogram(final JsonOut j, final Histogram h) {
        final boolean empty = h == null || h.getTotalCount() == 0;
        j.beginObject().name("frames").value(empty ? 0 : h.getTotalCount());
        for (int i = 0; i < PERCENTILES.length; i++) {
            j.name(PERCENTILE_NAMES[i]).value(empty ? 0.0 : h.getValueAtPercentile(PERCENTILES[i]) / 1000.0);
        }
        j.name("max").value(empty ? 0.0 : h.getMaxValue() / 1000.0).endObject();
    }

    private static void datagrams(final JsonOut j, final ProcessOutcome o) {
        j.name("datagrams").beginObject().name("lanes").beginArray();
        for (int l = 0; l < o.lanes; l++) {
            final long[] r = o.reports[l];
            j.beginObject().name("lane").value(l).name("reported").value(r != null);
            if (r != null) {
                final long cpu = r[LaneCounter.SESSION_CPU_NS.ordinal()];
                final long wall = r[LaneCounter.SESSION_WALL_NS.ordinal()];
                j.name("cpu_percent").value(cpu < 0 || wall <= 0 ? -1.0 : 100.0 * cpu / wall);
                j.name("received").value(ProcessOutcome.received(r));
                for (final LaneCounter c : LaneCounter.values()) {
                    j.name(c.jsonName()).value(r[c.ordinal()]);
                }
            }
            final long sentTo = (o.relaySentTo == null ? 0 : o.relaySentTo[l]) + (o.rigSentTo == null ? 0
                : o.rigSentTo[l]) + o.garbageSent[l];
            j.name("garbage_sent_to_lane").value(o.garbageSent[l]).name("sent_to_lane").value(sentTo);
            if (r != null) {
                j.name("not_read_before_close").value(sentTo - ProcessOutcome.received(r)
                    - Math.max(0, r[LaneCounter.KERNEL_DROPS.ordinal()]));
            }
            j.endObject();
        }
        j.endArray().name("relay").beginObject();
        for (final RelayCounter c : RelayCounter.values()) {
            j.name(c.jsonName()).value(o.relay[c.ordinal()]);
        }
        j.endObject().name("rig_control").beginObject().name("received").value(o.controlReceived)
            .name("queue_overflow").value(o.controlOverflow).name("malformed").value(o.controlMalformed)
            .name("unknown_sender").value(o.controlUnknown).name("late_clock_replies").value(o.controlLate)
            .name("outputs_late").value(o.frames.outputsLate).name("outputs_malformed").value(o.frames.outputsMalformed)
            .name("lane_frames_without_sensor_samples").value(o.frames.sensorOutageLaneFrames)
            .endObject().endObject();
    }

    private static void processes(final JsonOut j, final ProcessOutcome o) {
        j.name("processes").beginObject().name("restarts").beginArray();
        for (final int s : o.starts) {
            j.value(s);
        }
        j.endArray().name("exit_codes").beginArray();
        for (final int c : o.exitCodes == null ? new int[0] : o.exitCodes) {
            j.value(c);
        }
        j.endArray().name("rejoins").beginArray();
        for (final long[] r : o.rejoins) {
            j.beginObject().name("lane").value(r[0]).name("fault_ended_frame").value(r[1])
                .name("back_in_agreement_frame").value(r[2]).name("frames_to_agreement").value(r[2] - r[1])
                .name("readmitted_frame").value(r[3]).name("frames_to_readmission").value(r[3] < 0 ? -1 : r[3] - r[1])
                .endObject();
        }
        j.endArray().name("rejoining_flagged_lane_frames").value(o.flaggedRejoiningLaneFrames)
            .name("rejoining_silent_lane_frames").value(o.silentRejoiningLaneFrames)
            .name("lanes_not_back").beginArray();
        for (long m = o.notRejoined; m != 0; m &= m - 1) {
            j.value(Long.numberOfTrailingZeros(m));
        }
        j.endArray().name("rig_realtime_priority").value(o.rigRealtime).name("left_running").value(o.strays)
            .name("events").beginArray();
        for (final String e : o.events) {
            j.value(e);
        }
        j.endArray().endObject();
    }

    private static void skewLine(final StringBuilder sb, final String what, final Histogram h) {
        if (h != null && h.getTotalCount() > 0) {
            sb.append(String.format(Locale.ROOT, "%s: spread p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us%n",
                what, h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3));
        }
    }

    /** Writes the {@code rig} object of {@code summary.json}: the session's headline timing and datagram figures. */
    static void summarySection(final JsonOut j, final ProcessOutcome o, final RunMetrics metrics) {
        j.beginObject().name("transport").value("processes").name("round_window_us").value(o.windowNs / 1000.0);
        j.name("latency_us");
        histogram(j, o.latencyAll);
        j.name("deadline_misses").value(o.latencyAll.deadlineMisses());
        j.name("clock_skew_us");
        histogram(j, o.frames.clockSkew);
        j.name("frame_start_skew_us");
        histogram(j, o.frames.startSkew);
        j.name("violation_frames_within_hypothesis").value(withinHypothesis(metrics));
        j.name("recovery").beginObject().name("recoveries").value(o.recoveries).name("max_recovery_frames")
            .value(o.maxRecoveryFrames).name("lanes_not_recovered").value(o.lanesNotRecovered).endObject();
        j.name("datagrams").beginObject();
        long received = 0;
        for (final long[] r : o.reports) {
            received += r == null ? 0 : ProcessOutcome.received(r);
        }
        j.name("received").value(received);
        for (final LaneCounter c : LaneCounter.FATES) {
            j.name(c.jsonName()).value(sum(o, c));
        }
        j.name("kernel_drops").value(sum(o, LaneCounter.KERNEL_DROPS)).endObject();
        j.name("details").value("hil.json").endObject();
    }

    /** @return the counter summed over the lanes that reported; -1 if any of them could not give it */
    private static long sum(final ProcessOutcome o, final LaneCounter c) {
        long total = 0;
        for (final long[] r : o.reports) {
            if (r != null) {
                if (r[c.ordinal()] < 0) {
                    return -1;
                }
                total += r[c.ordinal()];
            }
        }
        return total;
    }

    private static void histogram(final JsonOut j, final LatencyStats s) {
        j.beginObject().name("frames").value(s.count()).name("p50").value(s.percentileUs(50.0))
            .name("p99").value(s.percentileUs(99.0)).name("p99_9").value(s.percentileUs(99.9))
            .name("max").value(s.maxUs()).endObject();
    }

    /** @return the console lines */
    static String text(final ProcessOutcome o, final RunMetrics metrics, final String scenario) {
        final StringBuilder sb = new StringBuilder();
        final long planned = o.schedule == null ? 0 : o.schedule.frames();
        sb.append(String.format(Locale.ROOT, "hil %s: %d lane processes, %.6g Hz, %d of %d frames, round window "
            + "%.0f us%n", scenario, o.lanes, 1e9 / o.periodNs, o.framesFinalized, planned, o.windowNs / 1000.0));
        sb.append(String.format(Locale.ROOT, "latency:  p50 %.0f us, p99 %.0f us, p99.9 %.0f us, max %.0f us, "
            + "%d deadline misses%n", o.latencyAll.percentileUs(50), o.latencyAll.percentileUs(99),
            o.latencyAll.percentileUs(99.9), o.latencyAll.maxUs(), o.latencyAll.deadlineMisses()));
        skewLine(sb, "clock:    healthy lanes' clocks at each frame start", o.frames.clockSkew);
        skewLine(sb, "starts:   healthy lanes' actual frame starts", o.frames.startSkew);
        sb.append(String.format(Locale.ROOT, "agree:    healthy lanes bit-identical in %d of %d frames (%d "
            + "disagreeing within the fault hypothesis); all reporting lanes in %d%n", o.frames.framesLanesAgree,
            o.framesFinalized, withinHypothesis(metrics), o.frames.framesAllReportingAgree));
        sb.append(String.format(Locale.ROOT, "faults:   %d frames without any fault (every lane healthy), all lanes "
            + "bit-identical in %d of them%n", o.frames.framesFaultFree, o.frames.framesFaultFreeAgree));
        if (o.recoveries > 0 || o.lanesNotRecovered > 0) {
            sb.append(String.format(Locale.ROOT, "recovery: %d lanes back in agreement, longest after %d frames; %d "
                + "not back%n", o.recoveries, o.maxRecoveryFrames, o.lanesNotRecovered));
        }
        for (int l = 0; l < o.lanes; l++) {
            final long[] r = o.reports[l];
            if (r != null) {
                final long cpu = r[LaneCounter.SESSION_CPU_NS.ordinal()];
                final long wall = r[LaneCounter.SESSION_WALL_NS.ordinal()];
                sb.append(String.format(Locale.ROOT, "lane %d:   CPU %.1f %%, received %d (accepted %d, late %d, "
                    + "duplicate %d, malformed %d, unknown sender %d, from excluded %d), kernel drops %d%n", l,
                    cpu < 0 || wall <= 0 ? -1.0 : 100.0 * cpu / wall,
                    ProcessOutcome.received(r), r[LaneCounter.ACCEPTED.ordinal()], r[LaneCounter.LATE.ordinal()],
                    r[LaneCounter.DUPLICATE.ordinal()], r[LaneCounter.MALFORMED.ordinal()],
                    r[LaneCounter.UNKNOWN_SENDER.ordinal()], r[LaneCounter.FROM_EXCLUDED.ordinal()],
                    r[LaneCounter.KERNEL_DROPS.ordinal()]));
            }
        }
        for (final String e : o.events) {
            sb.append("event:    ").append(e).append(System.lineSeparator());
        }
        for (final long[] r : o.rejoins) {
            sb.append(String.format(Locale.ROOT, "rejoin:   lane %d back in agreement at frame %d, %d frames after its "
                + "process fault ended; %s%n", r[0], r[2], r[2] - r[1], r[3] < 0 ? "not readmitted by the last frame"
                : "readmitted at frame " + r[3] + ", " + (r[3] - r[1]) + " frames after"));
        }
        if (!o.rejoins.isEmpty() || o.notRejoined != 0) {
            sb.append(String.format(Locale.ROOT, "rejoin:   before back in agreement, %d lane-frames flagged "
                + "(DIVERGED/SYNCING), %d with different values unflagged%n", o.flaggedRejoiningLaneFrames,
                o.silentRejoiningLaneFrames));
        }
        for (long m = o.notRejoined; m != 0; m &= m - 1) {
            sb.append(String.format(Locale.ROOT, "rejoin:   lane %d NOT back by the last frame%n",
                Long.numberOfTrailingZeros(m)));
        }
        return sb.toString();
    }
}
