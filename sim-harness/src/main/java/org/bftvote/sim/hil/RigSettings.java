package org.bftvote.sim.hil;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How a rig session with lane processes is run, as the {@code hil --lanes-over processes} options give it.
 *
 * @param profiles        the hardware profiles directory the lanes load their platform from
 * @param outDirectory    where the lanes' logs and the reports go
 * @param frameRateHz     wall-clock frame rate
 * @param portBase        first fixed port (lane i at base + i, the rig at base + n, lane j's bus port at base + n + 1
 *                        + j), or 0 for ports from an ephemeral bind
 * @param external        lanes the rig does not start (a board or another program serves them)
 * @param clockOffsetUs   each started lane's oscillator is off by a seeded amount within ±this, µs
 * @param clockDriftPpm   and runs fast or slow by a seeded rate within ±this, ppm
 * @param processFaults   stalls and kills
 * @param garbage         garbage datagrams sent to the lanes during the session
 * @param roundWindowNs   the round window, or 0 to derive it from the measured transfer times and skew
 * @param javaOptions     JVM options for the lane processes
 * @param sessionId       the session's name, carried by every lane process's command line
 * @param rtPriority      real-time FIFO priority of the lanes' threads (the relay's one above, the rig's sensor
 *                        source one below), 0 for none ({@link Realtime})
 * @param trace           where to record the session as a trace (every lane's received messages and readings), or
 *                        null for none
 */
public record RigSettings(Path profiles, Path outDirectory, double frameRateHz, int portBase, Set<Integer> external,
                   double clockOffsetUs, double clockDriftPpm, List<ProcessFault> processFaults, long garbage,
                   long roundWindowNs, List<String> javaOptions, String sessionId,
                          int rtPriority, Path trace) {
    /** JVM options of a lane process: a small heap and the serial collector (a frame allocates nothing anyway). */
    public static final List<String> LANE_JAVA_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms48m", "-Xmx48m", "-Xss512k",
        "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1");

    /**
     * Copies the collections.
     *
     * @param profiles      see the record description
     * @param outDirectory  see the record description
     * @param frameRateHz   see the record description
     * @param portBase      see the record description
     * @param external      see the record description
     * @param clockOffsetUs see the record description
     * @param clockDriftPpm see the record description
     * @param processFaults see the record description
     * @param garbage       see the record description
     * @param roundWindowNs see the record description
     * @param javaOptions   see the record description
     * @param sessionId     see the record description
     * @param rtPriority    see the record description
     * @param trace         see the record description
     */
    public RigSettings {
        external = Set.copyOf(external);
        processFaults = List.copyOf(processFaults);
        javaOptions = List.copyOf(javaOptions);
    }
}
