/**
 * Simulation harness around lanes running the bftvote library.
 *
 * <p>Layers, each importing only those before it: {@code yaml} → {@code profile} → {@code scenario} →
 * {@code emulation} → {@code run} → {@code results} → {@code trace} → {@code execution} → {@code campaign},
 * {@code hil}, {@code demo} (side by side) → {@code cli}; {@code baseline} (the PX4 port) beside {@code yaml},
 * {@code recording} (external recordings read into frames) beside {@code profile}, {@code revote} (re-voting
 * recordings) beside {@code execution}. The architecture test enforces the order.
 */
package org.bftvote.sim;
