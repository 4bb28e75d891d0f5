package org.bftvote.sim.profile;

/**
 * One avionics bus type with its timing, loss, error and redundancy figures, all in canonical units (seconds,
 * bit/s, bits). Loaded from {@code hw-profiles/buses/NAME.yaml}.
 *
 * @param name                 profile name, equal to the file name without {@code .yaml}
 * @param file                 the file it was loaded from, as shown in messages
 * @param standard             the standard the bus follows, e.g. {@code "ARINC 429"}
 * @param description          one line saying what the profile models
 * @param bitRate              line bit rate, bit/s
 * @param maxPayloadBits       largest payload one frame or word carries, bits
 * @param overheadBits         bits on the wire per frame besides the payload (headers, check bits, gaps), bits
 * @param latencyMinSeconds    shortest transfer latency, seconds
 * @param latencyMaxSeconds    longest transfer latency, seconds
 * @param jitterSeconds        bound on the variation of latency between consecutive frames, seconds
 * @param loss                 frame loss on each network
 * @param errors               bit errors and detection
 * @param redundancy           redundant networks and their management
 * @param scheduling           medium access
 */
public record BusProfile(String name, String file, String standard, String description, double bitRate,
                         int maxPayloadBits, int overheadBits, double latencyMinSeconds, double latencyMaxSeconds,
                         double jitterSeconds, LossModel loss, ErrorModel errors, Redundancy redundancy,
                         Scheduling scheduling) {
}
