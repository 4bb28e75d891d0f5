package org.bftvote.sim.hil;

import java.util.List;

import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.Simulation;

/**
 * The whole simulation (lanes in memory) stepped frame by frame; with real time on, frame {@code f} starts no
 * earlier than its scheduled wall-clock time and its latency is measured from that time, so a frame that starts
 * late because the one before overran shows it. Without real time the frames run back to back and the latency is
 * the step's own time. Agreement: in each frame the outputs (raw bits and status) of every lane the oracle holds
 * healthy are compared bit for bit.
 */
final class MemorySession {

    private MemorySession() {
    }

    static HilResult run(final Simulation simulation, final double frameRateHz, final boolean realtime,
        final List<? extends FrameObserver> observers) {
        final HilResult result = new HilResult();
        final FrameSample sample = new FrameSample(simulation.descriptor());
        final long frames = simulation.descriptor().durationFrames();
        final WallClock clock = new WallClock(System.nanoTime() + 1_000_000L, frameRateHz, 1);
        simulation.observers(observers);
        for (long f = 0; f < frames; f++) {
            final long scheduled = clock.frameStart(f);
            if (realtime) {
                WallClock.sleepUntil(scheduled);
            }
            final long begin = realtime ? scheduled : System.nanoTime();
            simulation.step(sample);
            final long end = System.nanoTime();
            result.total.record(end - begin, realtime && end > clock.frameDeadline(f));
            result.framesCompared++;
            if (healthyLanesAgree(sample)) {
                result.framesLanesAgree++;
            } else if (result.firstDisagreementFrame < 0) {
                result.firstDisagreementFrame = f;
            }
            result.framesRun++;
        }
        result.transport = "memory";
        result.realtime = realtime;
        result.periodNs = clock.periodNs();
        result.roundBudgetNs = 0;
        result.perLane.add(result.total);
        return result;
    }

    private static boolean healthyLanesAgree(final FrameSample sample) {
        final long healthy = sample.oracleHealthyLanes();
        if (healthy == 0L) {
            return true;
        }
        final int reference = Long.numberOfTrailingZeros(healthy);
        for (int l = reference + 1; l < sample.lanes(); l++) {
            if ((healthy & (1L << l)) == 0) {
                continue;
            }
            for (int s = 0; s < sample.signals(); s++) {
                if (sample.status(l, s) != sample.status(reference, s) || Double.doubleToRawLongBits(
                    sample.output(l, s)) != Double.doubleToRawLongBits(sample.output(reference, s))) {
                    return false;
                }
            }
        }
        return true;
    }
}
