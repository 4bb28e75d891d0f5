package org.bftvote.sim.run;

import java.util.List;

import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.sim.emulation.LaneFault;
import org.bftvote.sim.emulation.LaneFaultMode;

/**
 * The lane computers a scenario stops, applied to the lanes themselves: a stalled lane
 * ({@link LaneFaultMode#STALL}) runs no frame from its fault's onset to its end and then resumes with its own frame
 * count, behind the others ({@link PipelineCluster#stall}); a rebooting lane ({@link LaneFaultMode#REBOOT}) is
 * silent as long and then restarts as a new pipeline that counts frames from 0 ({@link PipelineCluster#restart}).
 * Neither is told the frame number: each finds it from the others' messages, as a real lane would.
 *
 * <p>Per frame allocation-free, except a restart, which builds the new pipeline. Not thread safe.
 */
final class LaneComputers {
    private final LaneFault[] stops;
    private final PipelineCluster cluster;
    private final long allLanes;
    private long running;

    /**
     * @param faults  the scenario's lane faults; those that stop a lane are kept
     * @param cluster the lanes
     */
    LaneComputers(final List<LaneFault> faults, final PipelineCluster cluster) {
        this.stops = faults.stream().filter(f -> f.kind().stopsLane()).toArray(LaneFault[]::new);
        this.cluster = cluster;
        this.allLanes = allLanes(cluster.lanes());
        this.running = allLanes;
    }

    /**
     * Before frame {@code f} runs: stops the lanes whose outage begins, restarts the rebooting lanes whose outage
     * ends, and notes which lanes run the frame.
     *
     * @param f the frame about to run
     */
    void beforeFrame(final long f) {
        for (final LaneFault stop : stops) {
            if (f == stop.onsetFrame()) {
                cluster.stall(stop.lane(), stop.endFrame() - stop.onsetFrame(), f);
            } else if (f == stop.endFrame() && stop.kind() == LaneFaultMode.REBOOT) {
                cluster.restart(stop.lane());
            }
        }
        long mask = 0L;
        for (int l = 0; l < cluster.lanes(); l++) {
            if (!cluster.isStalled(l)) {
                mask |= 1L << l;
            }
        }
        running = mask;
    }

    /** @return lanes that run the current frame (bit l = lane l) */
    long running() {
        return running;
    }

    /** @return lanes that do not run the current frame: stopped (bit l = lane l) */
    long stopped() {
        return ~running & allLanes;
    }

    private static long allLanes(final int lanes) {
        return lanes >= Long.SIZE ? -1L : (1L << lanes) - 1;
    }
}
