package org.bftvote.agreement.memory;

import org.bftvote.Require;
import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.PipelineConfig;

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
 * <p>Footprint: the pipelines and the cluster's buffers, built here; a frame allocates nothing. Not thread safe.
 */
public final class PipelineCluster {
    private final LanePipeline[] pipelines;
    private final LaneCluster cluster;

    /**
     * @param config      configuration shared by every lane
     * @param interceptor what happens to messages between encoding and delivery
     */
    public PipelineCluster(final PipelineConfig config, final MessageInterceptor interceptor) {
        Require.notNull("config", config);
        final int n = config.agreement().lanes();
        this.pipelines = new LanePipeline[n];
        final AgreementLane[] lanes = new AgreementLane[n];
        for (int i = 0; i < n; i++) {
            pipelines[i] = new LanePipeline(config, i);
            lanes[i] = pipelines[i].lane();
        }
        this.cluster = new LaneCluster(lanes, interceptor);
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
     * Runs one frame on every lane with its sensors' freshness: begin with its readings and fresh mask, all rounds
     * in memory, complete.
     *
     * @param frame      frame number
     * @param readings   readings[i] = lane i's K readings
     * @param validMasks validMasks[i] = lane i's validity bits
     * @param freshMasks freshMasks[i] = lane i's fresh bits (bit k: a new sample of signal k this frame)
     */
    public void runFrame(final long frame, final double[][] readings, final long[] validMasks,
                         final long[] freshMasks) {
        for (int i = 0; i < pipelines.length; i++) {
            pipelines[i].beginFrame(frame, readings[i], validMasks[i], freshMasks[i]);
        }
        cluster.exchange();
        for (int i = 0; i < pipelines.length; i++) {
            pipelines[i].completeFrame();
        }
    }

    /** @return number of lanes */
    public int lanes() {
        return pipelines.length;
    }

    /**
     * @param lane a lane
     * @return its pipeline
     */
    public LanePipeline pipeline(final int lane) {
        return pipelines[lane];
    }

    /** @return the in-memory transport (message and byte counts of the last frame) */
    public LaneCluster cluster() {
        return cluster;
    }
}
