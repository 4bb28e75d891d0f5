/**
 * Emulation models of the simulation harness: seeded random streams, truth signals, sensors with failure modes,
 * buses at message level, lane fault decisions and the fault ledger the oracle reads.
 *
 * <p>Every model is parameterised by an immutable spec record of this package and draws every random choice from
 * a {@link org.bftvote.sim.emulation.SimRandom} handed to it, so a run is bit-identical for one scenario seed.
 * Per-frame methods allocate nothing and do O(1) work per sample or message (O(number of configured failures) at
 * most); every model is single-threaded and not thread safe.
 *
 * <p>Layer: above {@code scenario}; imports only the layers below it ({@code yaml}, {@code profile}, {@code scenario}).
 */
package org.bftvote.sim.emulation;
