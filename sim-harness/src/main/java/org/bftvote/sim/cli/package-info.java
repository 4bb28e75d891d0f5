/**
 * The {@code bftvote-sim} command line (picocli): {@code run}, {@code profiles list|validate},
 * {@code scenarios list|validate}. {@link org.bftvote.sim.cli.ScenarioRunner} is the seam where the simulation plugs
 * in; {@link org.bftvote.sim.cli.ExitCodes} lists the exit codes.
 */
package org.bftvote.sim.cli;
