/**
 * Run traces: a run recorded frame by frame into a Chronicle queue ({@link org.bftvote.sim.trace.TraceRecorder}),
 * read back with the damage named ({@link org.bftvote.sim.trace.TraceReader}), and replayed into the same result
 * files as the live run ({@link org.bftvote.sim.trace.TraceReplay}).
 *
 * <p>Layer: above {@code results}; imports only the layers below it.
 */
package org.bftvote.sim.trace;
