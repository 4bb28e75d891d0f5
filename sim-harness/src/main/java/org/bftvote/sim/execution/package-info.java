/**
 * A scenario run end to end: the {@link org.bftvote.sim.run.Simulation}, the result files it feeds
 * ({@link org.bftvote.sim.results}) and, on request, its trace ({@link org.bftvote.sim.trace});
 * {@link org.bftvote.sim.execution.SimulationRunner} is the {@code run} command's
 * {@link org.bftvote.sim.execution.ScenarioRunner}, the seam the command line calls.
 *
 * <p>Layer: above {@code results} and {@code trace}, below {@code campaign}, {@code hil} and {@code cli}.
 */
package org.bftvote.sim.execution;
