package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the receive path ({@link AgreementLane#onMessage}): the fuzzer picks the algorithm, the
 * round's state, the link and the bytes, starting from genuine messages (the corpus in
 * {@code src/test/resources/org/bftvote/agreement/ReceivePathFuzzTestInputs/}). Every message is either accepted or
 * dropped and counted under exactly one reason; nothing throws; the bytes allocated per message are recorded and
 * printed (0 expected; the allocation test {@code MalformedInputFuzzTest} asserts it without instrumentation).
 *
 * <p>In a plain test run each stored input runs once (regression). A fuzzing run:
 * {@code JAZZER_FUZZ=1 mvn -B -ntp -pl src test -Dtest=ReceivePathFuzzTest -Dfuzz.seconds=600}.
 */
@Tag("AGR-3")
class ReceivePathFuzzTest {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final AgreementConfig[] CONFIGS = {Lanes.om(4, 1, 4), Lanes.hybrid(6, 1, 1, 0, 1, 3),
        Lanes.om(7, 2, 2)};

    /** Inputs run before allocation is counted: the first calls load and initialise classes. */
    private static final int WARM_UP = 1_000;

    private static long messages;
    private static long counted;
    private static long allocatedBytes;
    private static long mostBytes;

    @FuzzTest(maxDuration = "10s")
    void everyMessageIsAcceptedOrDroppedUnderOneReason(final FuzzedDataProvider data) {
        final AgreementConfig config = CONFIGS[data.consumeInt(0, CONFIGS.length - 1)];
        final AgreementLane[] lanes = Lanes.lanes(config);
        final int n = config.lanes();
        final long[] readings = new long[config.signals() - 1];
        final byte[] status = new byte[readings.length];
        for (final AgreementLane lane : lanes) {
            lane.beginFrame(3, readings, status);
        }
        final AgreementLane receiver = lanes[0];
        final int sender = data.consumeInt(1, n - 1);
        final int round = data.consumeInt(1, config.rounds());
        final byte[] buffer = new byte[lanes[sender].maxMessageLength() + 64];
        int length = 0;
        if (data.consumeBoolean()) {
            // A genuine message of that round as the base, then the fuzzer's edits.
            for (int r = 1; r < round; r++) {
                lanes[sender].closeRound(r);
            }
            length = lanes[sender].encodeRound(round, 0, buffer, 0);
            final int edits = data.consumeInt(0, 8);
            for (int e = 0; e < edits && length > 0; e++) {
                buffer[data.consumeInt(0, length - 1)] = data.consumeByte();
            }
            length = data.consumeInt(0, length);
        } else {
            final byte[] raw = data.consumeBytes(buffer.length);
            System.arraycopy(raw, 0, buffer, 0, raw.length);
            length = raw.length;
        }
        for (int r = 1; r < round; r++) {
            receiver.closeRound(r);
        }
        final int link = data.consumeInt(-1, n);
        final long before = receiver.dropCounters().total();
        final long allocated = THREADS.getCurrentThreadAllocatedBytes();
        final int code = receiver.onMessage(link, buffer, 0, length);
        final long bytes = THREADS.getCurrentThreadAllocatedBytes() - allocated;
        if (++messages > WARM_UP) {
            counted++;
            allocatedBytes += bytes;
            mostBytes = Math.max(mostBytes, bytes);
        }
        if (code == AgreementLane.ACCEPTED) {
            assertEquals(before, receiver.dropCounters().total());
        } else {
            assertTrue(DropReason.ofCode(code) != null, "unknown return code " + code);
            assertEquals(before + 1, receiver.dropCounters().total());
        }
    }

    @AfterAll
    static void report() {
        System.out.printf("receive path fuzzing: %d messages; after the first %d: %d bytes allocated in onMessage "
            + "over %d messages (%.3f per message, at most %d in one)%n", messages, WARM_UP, allocatedBytes, counted,
            counted == 0 ? 0.0 : (double) allocatedBytes / counted, mostBytes);
    }
}
