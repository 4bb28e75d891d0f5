/**
 * The {@code bftvote-sim} command line (picocli): {@code run}, {@code replay}, {@code campaign}, {@code hil},
 * {@code demo}, {@code profiles list|validate}, {@code scenarios list|validate}. Each command parses its arguments
 * and calls into its feature's package; {@link org.bftvote.sim.execution.ScenarioRunner} is the seam where the
 * simulation plugs into {@code run}; {@link org.bftvote.sim.cli.ExitCodes} lists the exit codes.
 *
 * <p>Layer: the top harness layer; nothing imports it.
 */
package org.bftvote.sim.cli;
