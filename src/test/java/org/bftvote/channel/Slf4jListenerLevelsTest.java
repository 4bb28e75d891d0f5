package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The SLF4J listener logs a loss of redundancy or output at WARN and a recovery at INFO (read here from the test
 * logging binding, which writes to the error stream).
 */
class Slf4jListenerLevelsTest {
    private static final String NAME = "org.bftvote.channel.test.levels";

    private static String logged(final Runnable events) {
        final PrintStream saved = System.err;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            events.run();
        } finally {
            System.setErr(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLossIsAWarningAndARecoveryIsInformation() {
        final Slf4jChannelEventListener listener = new Slf4jChannelEventListener(NAME);
        final String log = logged(() -> {
            listener.onRedundancyChanged(1, 2, RedundancyLevel.TRIPLEX, RedundancyLevel.DUPLEX);
            listener.onRedundancyChanged(1, 3, RedundancyLevel.DUPLEX, RedundancyLevel.TRIPLEX);
            listener.onOutputStatusChanged(1, 4, OutputStatus.NORMAL, OutputStatus.DEGRADED);
            listener.onOutputStatusChanged(1, 5, OutputStatus.DEGRADED, OutputStatus.NORMAL);
        });
        assertTrue(log.contains("WARN " + NAME + " - signal 1 frame 2: redundancy TRIPLEX -> DUPLEX"), log);
        assertTrue(log.contains("INFO " + NAME + " - signal 1 frame 3: redundancy DUPLEX -> TRIPLEX"), log);
        assertTrue(log.contains("WARN " + NAME + " - signal 1 frame 4: output NORMAL -> DEGRADED"), log);
        assertTrue(log.contains("INFO " + NAME + " - signal 1 frame 5: output DEGRADED -> NORMAL"), log);
    }
}
