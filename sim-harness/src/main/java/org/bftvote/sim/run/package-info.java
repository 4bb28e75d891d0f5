/**
 * The scenario runner: a deterministic discrete-time simulation that runs a scenario on its platform with the
 * library's {@link org.bftvote.agreement.LanePipeline}s exchanging real encoded messages in memory, the emulated
 * world ({@link org.bftvote.sim.emulation}) acting on those messages, an oracle of faulty units and fault hypothesis,
 * and the results layer ({@link org.bftvote.sim.results}) fed frame by frame.
 *
 * <p>{@link org.bftvote.sim.run.LibraryMapping} and {@link org.bftvote.sim.run.EmulationMapping} translate the
 * profile records; {@link org.bftvote.sim.run.Simulation} owns a run; {@link org.bftvote.sim.run.SimulationRunner}
 * is the {@code run} command's {@link org.bftvote.sim.cli.ScenarioRunner}. A frame allocates nothing once built.
 */
package org.bftvote.sim.run;
