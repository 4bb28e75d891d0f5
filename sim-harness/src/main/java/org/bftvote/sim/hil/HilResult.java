package org.bftvote.sim.hil;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bftvote.sim.results.JsonOut;

/**
 * What a session measured, and its {@code hil.json} and console forms. Filled by the session that ran.
 */
final class HilResult {
    String scenario;
    String platform;
    String transport;
    boolean realtime;
    int lanes;
    List<Integer> externalLanes = List.of();
    int portBase = -1;
    double frameRateHz;
    long framesPlanned;
    long framesRun;
    int rounds;
    long periodNs;
    long roundBudgetNs;
    final LatencyStats total = new LatencyStats();
    final List<LatencyStats> perLane = new ArrayList<>();
    long roundDeadlineExpiries;
    long framesCompared;
    long framesLanesAgree;
    long framesMatchingSimulation = -1;
    long firstDisagreementFrame = -1;
    long messagesSent;
    long messagesAccepted;
    long messagesDropped;
    boolean stoppedEarly;

    /** @return whether the lanes agreed in every compared frame and every planned frame ran */
    boolean lanesAgreedThroughout() {
        return !stoppedEarly && framesCompared == framesPlanned && framesLanesAgree == framesCompared;
    }

    String json() {
        final JsonOut j = new JsonOut().beginObject();
        j.name("schema_version").value(1);
        j.name("scenario").value(scenario).name("platform").value(platform);
        j.name("transport").value(transport).name("realtime").value(realtime);
        j.name("lanes").value(lanes);
        j.name("external_lanes").beginArray();
        for (final int l : externalLanes) {
            j.value(l);
        }
        j.endArray();
        if (portBase >= 0) {
            j.name("address").value("127.0.0.1").name("port_base").value(portBase);
        }
        j.name("frame_rate_hz").value(frameRateHz).name("period_us").value(periodNs / 1000.0);
        j.name("rounds").value(rounds).name("round_budget_us").value(roundBudgetNs / 1000.0);
        j.name("frames").beginObject().name("planned").value(framesPlanned).name("run").value(framesRun)
            .name("stopped_early").value(stoppedEarly).endObject();
        j.name("latency_us");
        latency(j, total);
        if (perLane.size() > 1) {
            j.name("latency_us_by_lane").beginArray();
            for (final LatencyStats s : perLane) {
                latency(j, s);
            }
            j.endArray();
        }
        j.name("deadline_misses").value(total.deadlineMisses());
        j.name("round_deadline_expiries").value(roundDeadlineExpiries);
        j.name("agreement").beginObject().name("frames_compared").value(framesCompared)
            .name("frames_lanes_agree").value(framesLanesAgree)
            .name("frames_lanes_disagree").value(framesCompared - framesLanesAgree)
            .name("first_disagreement_frame").value(firstDisagreementFrame);
        if (framesMatchingSimulation >= 0) {
            j.name("frames_matching_simulation").value(framesMatchingSimulation);
        }
        j.endObject();
        if (messagesSent > 0) {
            j.name("messages").beginObject().name("sent").value(messagesSent).name("accepted")
                .value(messagesAccepted).name("dropped").value(messagesDropped).endObject();
        }
        return j.endObject().toString();
    }

    private static void latency(final JsonOut j, final LatencyStats s) {
        j.beginObject().name("frames").value(s.count()).name("p50").value(s.percentileUs(50.0))
            .name("p99").value(s.percentileUs(99.0)).name("p99_9").value(s.percentileUs(99.9))
            .name("max").value(s.maxUs()).name("deadline_misses").value(s.deadlineMisses()).endObject();
    }

    String text() {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "hil %s on %s: %d lanes over %s%s, %.6g Hz, %d of %d frames%s%n",
            scenario, platform, lanes, transport, realtime ? " (real time)" : "", frameRateHz, framesRun,
            framesPlanned, stoppedEarly ? " (STOPPED EARLY)" : ""));
        if (portBase >= 0) {
            sb.append(String.format(Locale.ROOT, "ports:    127.0.0.1:%d..%d%s%n", portBase, portBase + lanes - 1,
                externalLanes.isEmpty() ? "" : ", external lanes " + externalLanes));
        }
        sb.append(String.format(Locale.ROOT, "latency:  p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us "
            + "(%d lane-frames; period %.1f us)%n", total.percentileUs(50.0), total.percentileUs(99.0),
            total.percentileUs(99.9), total.maxUs(), total.count(), periodNs / 1000.0));
        sb.append(String.format(Locale.ROOT, "deadline: %d frame deadline misses, %d rounds closed with messages "
            + "missing%n", total.deadlineMisses(), roundDeadlineExpiries));
        sb.append(String.format(Locale.ROOT, "agree:    lanes bit-identical in %d of %d frames%s%s%n",
            framesLanesAgree, framesCompared, framesMatchingSimulation >= 0
                ? "; equal to the in-memory simulation in " + framesMatchingSimulation : "",
            firstDisagreementFrame >= 0 ? " (first disagreement at frame " + firstDisagreementFrame + ")" : ""));
        if (messagesSent > 0) {
            sb.append(String.format(Locale.ROOT, "messages: %d sent, %d accepted, %d dropped%n", messagesSent,
                messagesAccepted, messagesDropped));
        }
        return sb.toString();
    }
}
