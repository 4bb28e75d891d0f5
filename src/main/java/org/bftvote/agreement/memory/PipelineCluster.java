package org.bftvote.agreement.memory;

import java.util.function.IntFunction;

import org.bftvote.Require;
import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.agreement.PipelineListener;

/**
 * n {@link LanePipeline}s built from one {@link PipelineConfig}, their rounds run in memory by a {@link LaneCluster}:
 * the whole system of lanes in one thread, for tests, the simulation harness and benchmarks.
 *
 * <pre>{@code
 * PipelineCluster system = new PipelineCluster(config, interceptor);
 * system.runFrame(frame, readings, validMasks, freshMasks);   // readings[i] = lane i's K readings
 * system.pipeline(i).output(k).value();
 * }</pre>
 *
 * <h2>Lane computers that stop and restart</h2>
 * Every lane begins the cluster's frame unless it was {@linkplain #stall stalled} (it runs no frame, sends and hears
 * nothing, and comes back with its own frame count, behind) or {@linkplain #restart restarted} (a new pipeline that
 * counts frames from 0). Such a lane begins each frame with its own count, the one its pipeline gives
 * ({@link LanePipeline#nextFrame()}), until that is the cluster's frame again: as a host would, the cluster never
 * tells a lane the frame number.
 *
 * <p>Footprint: the pipelines and the cluster's buffers, built here; a frame allocates nothing (a restart builds a
 * pipeline). Not thread safe.
 */
public final class PipelineCluster {
    private final PipelineConfig config;
    private final IntFunction<PipelineListener> listeners;
    private final LanePipeline[] pipelines;
    private final LaneCluster cluster;
    /** Frames each lane still stays stopped. */
    private final long[] stalledFor;
    /** Per lane: the frame it begins next while it is not in step with the cluster's count. */
    private final long[] ownFrame;
    private long ownCount;

    /**
     * @param config      configuration shared by every lane
     * @param interceptor what happens to messages between encoding and delivery
     */
    public PipelineCluster(final PipelineConfig config, final MessageInterceptor interceptor) {
        this(config, interceptor, lane -> PipelineListener.NONE);
    }

    /**
     * @param config      configuration shared by every lane
     * @param interceptor what happens to messages between encoding and delivery
     * @param listeners   lane number to the listener of that lane's pipeline (asked again when a lane restarts)
     */
    public PipelineCluster(final PipelineConfig config, final MessageInterceptor interceptor,
                           final IntFunction<PipelineListener> listeners) {
        this.config = Require.notNull("config", config);
        this.listeners = Require.notNull("listeners", listeners);
        final int n = config.agreement().lanes();
        this.pipelines = new LanePipeline[n];
        final AgreementLane[] lanes = new AgreementLane[n];
        for (int i = 0; i < n; i++) {
            pipelines[i] = new LanePipeline(config, i, listeners.apply(i));
            lanes[i] = pipelines[i].lane();
        }
        this.cluster = new LaneCluster(lanes, interceptor);
        this.stalledFor = new long[n];
        this.ownFrame = new long[n];
    }

    /**
     * Runs one frame on every lane, every valid reading counted as fresh: begin with its readings, all rounds in
     * memory, complete.
     *
     * @param frame      frame number
     * @param readings   readings[i] = lane i's K readings
     * @param validMasks validMasks[i] = lane i's validity bits
     */
    public void runFrame(final long frame, final double[][] readings, final long[] validMasks) {
        runFrame(frame, readings, validMasks, validMasks);
    }

    /**
     * Runs one frame on every lane that is not stopped, with its sensors' freshness: begin with its readings and
     * fresh mask (the cluster's frame number, or the lane's own while it is out of step), all rounds in memory,
     * complete.
     *
     * @param frame      frame number
     * @param readings   readings[i] = lane i's K readings
     * @param validMasks validMasks[i] = lane i's validity bits
     * @param freshMasks freshMasks[i] = lane i's fresh bits (bit k: a new sample of signal k this frame)
     */
    public void runFrame(final long frame, final double[][] readings, final long[] validMasks,
                         final long[] freshMasks) {
        long running = 0;
        for (int i = 0; i < pipelines.length; i++) {
            if (stalledFor[i] > 0) {
                stalledFor[i]--;
                continue;
            }
            running |= 1L << i;
            final long begin = (ownCount >>> i & 1L) != 0 ? ownFrame[i] : frame;
            pipelines[i].beginFrame(begin, readings[i], validMasks[i], freshMasks[i]);
        }
        cluster.exchange(running);
        for (int i = 0; i < pipelines.length; i++) {
            if ((running >>> i & 1L) != 0) {
                pipelines[i].completeFrame();
                follow(i, frame);
            }
        }
    }

    /** A lane in step keeps the cluster's count; one whose pipeline says otherwise keeps its own. */
    private void follow(final int lane, final long frame) {
        final long next = pipelines[lane].nextFrame();
        if (next == frame + 1) {
            ownCount &= ~(1L << lane);
        } else {
            ownCount |= 1L << lane;
            ownFrame[lane] = next;
        }
    }

    /**
     * Stops a lane computer for a number of frames (a stalled process, a lane held in reset): it runs no frame,
     * sends nothing and hears nothing; then it resumes with the frame count it had, behind the others.
     *
     * @param lane   a lane
     * @param frames frames it stays stopped, from the next {@link #runFrame} on
     * @param now    the cluster's next frame (the one the lane would have begun)
     */
    public void stall(final int lane, final long frames, final long now) {
        Require.inRange("lane", lane, 0, pipelines.length - 1);
        if ((ownCount >>> lane & 1L) == 0) {
            ownFrame[lane] = now;
            ownCount |= 1L << lane;
        }
        stalledFor[lane] = Math.max(0, frames);
    }

    /**
     * Restarts a lane computer: a new pipeline in its place (its listener asked again), counting frames from 0 as a
     * restarted host that does not know the frame number would, from the next {@link #runFrame} on.
     *
     * @param lane a lane
     * @return the new pipeline
     */
    public LanePipeline restart(final int lane) {
        Require.inRange("lane", lane, 0, pipelines.length - 1);
        pipelines[lane] = new LanePipeline(config, lane, listeners.apply(lane));
        cluster.replace(pipelines[lane].lane());
        ownFrame[lane] = 0;
        ownCount |= 1L << lane;
        return pipelines[lane];
    }

    /**
     * @param lane a lane, 0 to n - 1
     * @return true if it is stopped (it will not run the next frame)
     * @throws IndexOutOfBoundsException naming the lane and the range
     */
    public boolean isStalled(final int lane) {
        return stalledFor[Require.index("lane", lane, pipelines.length, "lanes")] > 0;
    }

    /** @return number of lanes */
    public int lanes() {
        return pipelines.length;
    }

    /**
     * @param lane a lane, 0 to n - 1
     * @return its pipeline (a new one after a restart)
     * @throws IndexOutOfBoundsException naming the lane and the range
     */
    public LanePipeline pipeline(final int lane) {
        return pipelines[Require.index("lane", lane, pipelines.length, "lanes")];
    }

    /** @return the in-memory transport (message and byte counts of the last frame) */
    public LaneCluster cluster() {
        return cluster;
    }
}
