/**
 * Real-time and hardware-in-the-loop sessions: a scenario paced to the wall clock at a frame rate, its lanes either
 * in memory or each behind its own UDP socket on 127.0.0.1, with per-frame compute latency, deadline misses and
 * lane agreement reported. The harness reads the wall clock here; the library never does.
 *
 * <p>Layer: above {@code execution}, beside {@code campaign} and {@code demo}; only {@code cli} imports it.
 */
package org.bftvote.sim.hil;
