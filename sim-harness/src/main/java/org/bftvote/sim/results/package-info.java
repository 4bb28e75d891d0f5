/**
 * Results of one simulation run: the per-frame record a runner fills ({@link org.bftvote.sim.run.FrameSample}),
 * the metrics accumulator ({@link org.bftvote.sim.results.RunMetrics}), expectations
 * ({@link org.bftvote.sim.results.ExpectationCheck}), and the output files: per-frame CSV, summary JSON, PNG plots
 * and a short text for the console.
 *
 * <p>The seam with a runner: build a {@link org.bftvote.sim.run.RunDescriptor}, create one
 * {@link org.bftvote.sim.run.FrameSample} from it, and for every frame report exclusions through
 * {@link org.bftvote.sim.run.FrameObserver#onExclusion} and then hand the filled sample to
 * {@link org.bftvote.sim.run.FrameObserver#onFrame} of every consumer (metrics, CSV, plots). After the last
 * frame: check expectations, write the summary JSON and the plots, print {@link org.bftvote.sim.results.HumanSummary}.
 *
 * <p>Footprint: {@link org.bftvote.sim.results.RunMetrics} allocates everything at construction and nothing per
 * frame. The file writers and the plot series allocate (they produce output), the plot series within a fixed cap.
 *
 * <p>Layer: above {@code run}; imports only the layers below it, never {@code trace} or above.
 */
package org.bftvote.sim.results;
