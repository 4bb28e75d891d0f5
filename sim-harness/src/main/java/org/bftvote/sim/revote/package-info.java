/**
 * Re-voting recordings through the library with a configuration of the user's choosing: a recording made by one
 * computer ({@link org.bftvote.sim.recording}) through one {@link org.bftvote.channel.ChannelManager} per signal
 * ({@link org.bftvote.sim.revote.RecordingRevote}), with its event log, per-frame CSV, plots and summary; what-if
 * comparisons of two configurations ({@link org.bftvote.sim.revote.ConfigDiff}), sweeps over a grid of settings run
 * in parallel ({@link org.bftvote.sim.revote.Sweep}), and PX4's selection on the same frames
 * ({@link org.bftvote.sim.revote.Px4Selection}). The harness decides nothing itself: it feeds the library and
 * reports what the library decided.
 *
 * <p>Layer: beside {@code execution}, above {@code trace}; only {@code cli} imports it.
 */
package org.bftvote.sim.revote;
