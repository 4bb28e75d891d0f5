package org.bftvote.sim.hil;

import java.util.Locale;

/**
 * What a lane process counts, in the order its REPORT datagram carries them. The first eight are the fates of the
 * datagrams it received: each received datagram lands in exactly one of them, so they add up to what the socket
 * delivered. {@link #KERNEL_DROPS} are datagrams the kernel dropped before the lane could read them (its socket's
 * receive buffer was full), read from {@code /proc/net/udp}; -1 where that file cannot be read.
 */
enum LaneCounter {
    /** Used: a message the library accepted, a clock request answered, a clock reply or sensor datagram used. */
    ACCEPTED,
    /** Well formed and from a known sender, but for a round already closed or a frame or clock round past. */
    LATE,
    /** Well formed and from a known sender, but for a frame further ahead than one (this lane is behind). */
    EARLY,
    /** A second copy of something already taken this round or frame. */
    DUPLICATE,
    /** Fails the layout, length or CRC checks, or content the library refuses (garbage and corruption). */
    MALFORMED,
    /** From an address or port that is neither a link to another lane nor the rig. */
    UNKNOWN_SENDER,
    /** From a lane this lane has excluded (the library ignores it). */
    FROM_EXCLUDED,
    /** Received while the frame thread's queue was full, so never looked at. */
    QUEUE_OVERFLOW,
    /** Held for a frame or round that never ran before the lane stopped. */
    UNUSED_AT_END,
    /** Dropped by the kernel for want of socket buffer before the lane read them (-1: not readable here). */
    KERNEL_DROPS,
    /** Datagrams this lane sent. */
    SENT,
    /** Frames run. */
    FRAMES_RUN,
    /** Frames skipped because the lane was behind its schedule by a whole frame or more. */
    FRAMES_SKIPPED,
    /** Frames whose outputs were ready after the next frame's scheduled start. */
    DEADLINE_MISSES,
    /** Rounds closed at their deadline with an expected message missing. */
    ROUNDS_EXPIRED,
    /** Frames run without a sensor datagram (every reading held, none fresh). */
    SENSOR_MISSING,
    /** Clock rounds resolved with a correction. */
    CLOCK_ROUNDS,
    /** Clock rounds with too few readings to correct. */
    CLOCK_ROUNDS_TOO_FEW,
    /** Bytes the frame thread allocated while the session ran (from the JVM's per-thread counter; -1 unknown). */
    FRAME_THREAD_ALLOCATED_BYTES,
    /** The real-time priority the lane's threads run at, 0 for the normal policy (not a count). */
    REALTIME_PRIORITY,
    /** TRACE datagrams the socket refused (tracing only). */
    TRACE_SEND_FAILED,
    /** CPU time the whole process used from its first frame to its last, ns (-1 where it cannot be read). */
    SESSION_CPU_NS,
    /** Host time from its first frame's start to its last frame's end, ns. */
    SESSION_WALL_NS;

    /** Number of counters. */
    static final int COUNT = values().length;
    /** The counters that partition the datagrams received. */
    static final LaneCounter[] FATES = {ACCEPTED, LATE, EARLY, DUPLICATE, MALFORMED, UNKNOWN_SENDER, FROM_EXCLUDED,
        QUEUE_OVERFLOW, UNUSED_AT_END};

    /** @return the name used in hil.json */
    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
