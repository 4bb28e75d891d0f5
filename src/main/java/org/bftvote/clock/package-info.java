/**
 * Fault-tolerant clock synchronisation between lanes: each lane measures the other lanes' clocks against its own
 * and corrects its clock by the fault-tolerant midpoint of the readings (Welch &amp; Lynch, "A new fault-tolerant
 * algorithm for clock synchronization", Information and Computation 77(1), 1988), so that the lanes' frame starts
 * stay aligned however up to f lanes misreport their clocks.
 *
 * <p>Layer: uses {@code org.bftvote.vote} (the fault-tolerant midpoint voter) and nothing above it; the agreement
 * and channel packages do not use it. Like the rest of the library it reads no clock and owns no transport: the host
 * passes in the timestamps it measured, in the shape of Aeron Cluster's {@code Election}.
 *
 * <p>Footprint: a few arrays of n entries, allocated when built. Nothing here allocates, logs or throws after
 * construction.
 */
package org.bftvote.clock;
