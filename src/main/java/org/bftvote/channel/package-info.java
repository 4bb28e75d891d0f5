/**
 * Redundancy management of one redundant signal: per-channel input checks (source validity, NaN, range, rate,
 * stale, frozen), a vote over the healthy channels, miscompare monitoring against the median with persistence
 * counters, latching and optional reintegration of failed channels, and step-by-step degradation from quad to
 * none with fail-safe output.
 *
 * <p>Entry point: {@link org.bftvote.channel.ChannelManager}, configured by
 * {@link org.bftvote.channel.ChannelConfig}. {@link org.bftvote.channel.PersistenceCounters} is usable on its own.
 *
 * <p>Footprint: every array is sized by the channel count when a manager is built; a frame allocates nothing,
 * logs nothing and is deterministic. Transitions are reported to a
 * {@link org.bftvote.channel.ChannelEventListener}; {@link org.bftvote.channel.Slf4jChannelEventListener} is the
 * only code in the library that logs.
 */
package org.bftvote.channel;
