/**
 * The scenario runner: a deterministic discrete-time simulation that runs a scenario on its platform with the
 * library's {@link org.bftvote.agreement.LanePipeline}s exchanging real encoded messages in memory, the emulated
 * world ({@link org.bftvote.sim.emulation}) acting on those messages, an oracle of faulty units and fault hypothesis,
 * and observers ({@link org.bftvote.sim.run.FrameObserver}) fed one {@link org.bftvote.sim.run.FrameSample} per frame.
 *
 * <p>{@link org.bftvote.sim.run.LibraryMapping} and {@link org.bftvote.sim.run.EmulationMapping} translate the
 * profile records; {@link org.bftvote.sim.run.Simulation} owns a run. A frame allocates nothing once built.
 *
 * <p>Layer: above {@code emulation}; imports only the layers below it, never {@code results}, {@code trace} or above.
 */
package org.bftvote.sim.run;
