/**
 * In-memory transport for {@link org.bftvote.agreement.AgreementLane}s: runs every round of a frame for a set of
 * lanes inside one thread, with a {@link org.bftvote.agreement.memory.MessageInterceptor} between encoding and
 * delivery so tests and the simulation harness can drop, delay, corrupt or replace any message.
 *
 * <p>Footprint: a cluster owns one message buffer per ordered pair of lanes, each
 * {@link org.bftvote.agreement.AgreementLane#maxMessageLength()} bytes, allocated when it is built. Running a frame
 * allocates nothing. Not thread safe.
 */
package org.bftvote.agreement.memory;
