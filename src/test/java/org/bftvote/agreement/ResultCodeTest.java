package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every code a host gets back has a name and a meaning (API-1): the frame steps' codes through {@link ResultCode},
 * the drop codes through {@link DropReason}, one line each from {@link ResultCode#describe(int)}.
 */
@Tag("API-1")
class ResultCodeTest {
    @Test
    void everyNegativeCodeConstantOfTheLaneIsNamedUnderItsOwnName() throws IllegalAccessException {
        final Set<ResultCode> seen = new HashSet<>();
        for (final Field field : AgreementLane.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class
                && field.getInt(null) < 0) {
                final ResultCode result = ResultCode.ofCode(field.getInt(null));
                assertNotNull(result, field.getName() + " = " + field.getInt(null) + " has no ResultCode");
                assertEquals(field.getName(), result.name());
                seen.add(result);
            }
        }
        seen.add(ResultCode.OK);
        assertEquals(Set.of(ResultCode.values()), seen, "a ResultCode without an AgreementLane constant");
    }

    @Test
    void frameStepCodesAndDropCodesNeverOverlap() {
        for (final ResultCode result : ResultCode.values()) {
            assertNull(DropReason.ofCode(result.code()), result + " is also a drop code");
        }
        for (final DropReason reason : DropReason.values()) {
            assertNull(ResultCode.ofCode(reason.code()), reason + " is also a frame-step code");
        }
    }

    @Test
    void describeNamesEveryCodeAHostCanGet() {
        assertEquals("OK (0): done", ResultCode.describe(AgreementLane.OK));
        assertTrue(ResultCode.describe(-106).startsWith("ROUNDS_NOT_CLOSED (-106): not every round was closed"),
            ResultCode.describe(-106));
        assertEquals("BAD_CRC (-4): message dropped: it fails its CRC-32C",
            ResultCode.describe(DropReason.BAD_CRC.code()));
        for (final DropReason reason : DropReason.values()) {
            assertEquals(reason.description(), ResultCode.describe(reason.code()));
            assertTrue(reason.description().startsWith(reason.name() + " (" + reason.code() + "): "));
        }
        assertEquals("48: a message length in bytes (encodeRound), not a status", ResultCode.describe(48));
        assertEquals("-105: not a code this version of the library returns", ResultCode.describe(-105));
        assertEquals("-19: not a code this version of the library returns",
            ResultCode.describe(-1 - DropReason.COUNT));
    }

    @Test
    void aHostThatSkipsTheRoundsIsToldSoByName() {
        final LanePipeline pipeline = new LanePipeline(LanePipelineEndToEndTest.config(4, 1, 2), 0);
        assertEquals(AgreementLane.OK, pipeline.beginFrame(0, new double[] {1.0, 2.0}, 0b11L));
        final int status = pipeline.completeFrame();
        assertEquals(ResultCode.ROUNDS_NOT_CLOSED, ResultCode.ofCode(status));
        assertTrue(ResultCode.describe(status).contains("the host skipped the exchange"), ResultCode.describe(status));
        assertEquals(ResultCode.BAD_ARGUMENT, ResultCode.ofCode(pipeline.beginFrame(1, new double[1], 0b1L)),
            "readings shorter than K");
    }

    @Test
    void dropCountersShowWhatWasDroppedByName() {
        final AgreementConfig config = AgreementConfig.builder(4, 1, 2).build();
        final AgreementLane lane = new AgreementLane(config, 0);
        final AgreementLane peer = new AgreementLane(config, 1);
        assertEquals("DropCounters{total=0}", lane.dropCounters().toString());
        lane.beginFrame(0, new long[] {1L}, new byte[] {EntryStatus.VALUE});
        peer.beginFrame(0, new long[] {2L}, new byte[] {EntryStatus.VALUE});
        final byte[] message = new byte[peer.maxMessageLength()];
        final int length = peer.encodeRound(1, 0, message, 0);
        assertEquals(DropReason.TRUNCATED.code(), lane.onMessage(1, message, 0, 3));
        assertEquals(DropReason.UNKNOWN_LINK.code(), lane.onMessage(0, message, 0, length));
        assertEquals(AgreementLane.ACCEPTED, lane.onMessage(1, message, 0, length));
        assertEquals(DropReason.DUPLICATE_MESSAGE.code(), lane.onMessage(1, message, 0, length));
        assertEquals("DropCounters{total=3, TRUNCATED=1, UNKNOWN_LINK=1, DUPLICATE_MESSAGE=1}",
            lane.dropCounters().toString());
    }
}
