/**
 * The {@code demo} command's walk-through: a triplex voted through the library with one sensor failing, printed
 * frame by frame.
 *
 * <p>Layer: beside {@code campaign} and {@code hil}; only {@code cli} imports it.
 */
package org.bftvote.sim.demo;
