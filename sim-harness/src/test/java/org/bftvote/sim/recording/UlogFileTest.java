package org.bftvote.sim.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native ULog reader against pyulog (every value of the sensor topics of {@code sample_log_small.ulg}, as
 * pyulog 3cf1779 reads them, bit for bit), against a few values decoded by hand from PX4's format description, and
 * on damaged files.
 */
class UlogFileTest {
    private static final Path FIXTURES = org.bftvote.sim.profile.RepoFiles.root()
        .resolve("sim-harness/src/test/resources/ulog");
    private static final Path SMALL = FIXTURES.resolve("sample_log_small.ulg");
    private static final Set<String> TOPICS = Set.of("sensor_accel", "sensor_gyro", "sensor_mag", "sensor_baro",
        "vehicle_imu", "sensor_selection");

    @TempDir
    Path tmp;

    @Test
    void everyValueEqualsWhatPyulogReads() throws Exception {
        final UlogFile ulog = UlogFile.read(SMALL, TOPICS);
        final Map<String, UlogFile.Dataset> byKey = new HashMap<>();
        ulog.datasets().forEach(d -> byKey.put(d.topic() + "#" + d.multiId(), d));
        int checked = 0;
        for (final String line : Files.readAllLines(FIXTURES.resolve("sample_log_small.pyulog.csv"),
            StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.startsWith("topic,")) {
                continue;
            }
            final String[] f = line.split(",");
            final UlogFile.Dataset d = byKey.get(f[0] + "#" + f[1]);
            final int field = d.fieldNames().indexOf(f[3]);
            assertTrue(field >= 0, "field " + f[3] + " of " + f[0] + " in " + d.fieldNames());
            final double actual = d.value(field, Integer.parseInt(f[2]));
            if ("nan".equals(f[4])) {
                // pyulog's text of a NaN carries no payload: compare that it is one
                assertTrue(Double.isNaN(actual), line);
            } else {
                assertEquals(Double.doubleToRawLongBits(Double.parseDouble(f[4].replace("inf", "Infinity"))),
                    Double.doubleToRawLongBits(actual), line);
            }
            checked++;
        }
        assertEquals(994, checked);
        // pyulog's instance counts: accel 3 x 6, gyro 3 x 6, mag 2 x 6, baro 2 x 6, vehicle_imu 3 x 12
        assertEquals(List.of(6, 6, 6), counts(ulog, "sensor_accel"));
        assertEquals(List.of(6, 6), counts(ulog, "sensor_mag"));
        assertEquals(List.of(12, 12, 12), counts(ulog, "vehicle_imu"));
        assertFalse(ulog.truncated(), ulog.note());
    }

    private static List<Integer> counts(final UlogFile ulog, final String topic) {
        return ulog.instances(topic).stream().map(UlogFile.Dataset::count).toList();
    }

    @Test
    void valuesDecodedByHandFromTheFormatDescription() throws Exception {
        // Header: magic 55 4c 6f 67 01 12 35, version 1, uint64 start timestamp at byte 8: 20309082 us.
        final byte[] bytes = Files.readAllBytes(SMALL);
        assertEquals(1, bytes[7]);
        assertEquals(20_309_082L, java.nio.ByteBuffer.wrap(bytes, 8, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
            .getLong());
        final UlogFile ulog = UlogFile.read(SMALL, Set.of("sensor_accel"));
        assertEquals(20_309_082L, ulog.startTimestampUs());
        // 'F' at byte 19529: "sensor_accel:uint64_t timestamp;uint64_t timestamp_sample;uint32_t device_id;float x;
        // float y;float z;float temperature;uint32_t error_count;uint8_t[3] clip_counter;uint8_t[5] _padding0;":
        // 48 bytes, the trailing 5 of padding not written. The first 'D' of instance 0 (msg_id 50, added at byte
        // 62121) is at byte 183326: size 45 = 2 (msg_id) + 43; x is bytes 0f a0 2e 3f = 0x3f2ea00f.
        final UlogFile.Dataset accel = ulog.instances("sensor_accel").get(0);
        assertEquals(48, accel.format().size());
        assertEquals(43, accel.format().minSize());
        assertEquals(List.of("timestamp", "timestamp_sample", "device_id", "x", "y", "z", "temperature",
            "error_count", "clip_counter[0]", "clip_counter[1]", "clip_counter[2]"), accel.fieldNames());
        assertEquals(21_312_085L, accel.timestampUs(0));
        assertEquals(2_424_842.0, accel.value(accel.fieldNames().indexOf("device_id"), 0));
        assertEquals(Float.intBitsToFloat(0x3f2ea00f), accel.value(accel.fieldNames().indexOf("x"), 0));
        assertEquals(ByteBufferCheck.floatAt(bytes, 183_326 + 3 + 2 + 20), accel.value(3, 0));
    }

    /** Reads a little-endian float at an offset, as the format describes. */
    private static final class ByteBufferCheck {
        static double floatAt(final byte[] b, final int at) {
            return java.nio.ByteBuffer.wrap(b, at, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getFloat();
        }
    }

    @Test
    void aTruncatedFileIsReadToItsLastCompleteMessageAndSaysWhere() throws Exception {
        final byte[] whole = Files.readAllBytes(SMALL);
        final int cut = 200_000;
        final Path file = Files.write(tmp.resolve("cut.ulg"), Arrays.copyOf(whole, cut));
        final UlogFile ulog = UlogFile.read(file, TOPICS);
        assertTrue(ulog.truncated());
        assertTrue(ulog.note().startsWith("the file ends inside a message at byte "), ulog.note());
        assertTrue(ulog.note().endsWith("read to the last complete message"), ulog.note());
        final UlogFile full = UlogFile.read(SMALL, TOPICS);
        final UlogFile.Dataset first = ulog.instances("sensor_accel").get(0);
        assertTrue(first.count() >= 1 && first.count() < 6, "some samples read: " + first.count());
        for (int i = 0; i < first.count(); i++) {
            assertEquals(full.instances("sensor_accel").get(0).value(3, i), first.value(3, i));
        }
    }

    @Test
    void notULogOrAnUndefinedTypeNamesTheByte() throws Exception {
        final Path text = Files.writeString(tmp.resolve("x.ulg"), "t_ms,a\n1,2\n3,4\n5,6\n7,8\n");
        final RecordingException e = assertThrows(RecordingException.class, () -> UlogFile.read(text, null));
        assertEquals(text + ": byte 0: field 'header': not a ULog file (it does not start with the ULog magic bytes "
            + "55 4c 6f 67 01 12 35)", e.getMessage());
        final byte[] bytes = Files.readAllBytes(SMALL);
        // Overwrite the type of the message at 62121 (an 'A') with 0 and its size with 0: damage, read up to it.
        bytes[62121] = 0;
        bytes[62122] = 0;
        bytes[62123] = 0;
        final Path damaged = Files.write(tmp.resolve("damaged.ulg"), bytes);
        final UlogFile ulog = UlogFile.read(damaged, TOPICS);
        assertTrue(ulog.truncated());
        assertEquals("damaged at byte 62121: a message of type 0 and 0 bytes cannot be one; read up to it",
            ulog.note());
        assertTrue(ulog.datasets().isEmpty(), "the subscriptions come after the damage");
    }

    /** A ULog header (magic, version 1, start time 0) and then {@code messages}, as they are. */
    private Path ulog(final String name, final byte... messages) throws Exception {
        final byte[] file = Arrays.copyOf(new byte[] {'U', 'L', 'o', 'g', 0x01, 0x12, 0x35, 1}, 16 + messages.length);
        System.arraycopy(messages, 0, file, 16, messages.length);
        return Files.write(tmp.resolve(name), file);
    }

    @Test
    void aSubscriptionTooShortForItsIdsIsNamedAndADataMessageTooShortIsSkipped() throws Exception {
        // A subscription ('A') of 1 byte: no room for its multi id and message id, let alone a topic.
        final Path shortSubscription = ulog("short-a.ulg", (byte) 1, (byte) 0, (byte) 'A', (byte) 7);
        final RecordingException e = assertThrows(RecordingException.class,
            () -> UlogFile.read(shortSubscription, null));
        assertEquals(shortSubscription + ": byte 16: field 'subscription': a message of 1 byte; a subscription has 3 "
            + "(multi id, message id) before its topic", e.getMessage());
        // A data message ('D') of 0 and of 1 byte, the last at the very end of the file: no room for its message id.
        final UlogFile ulog = UlogFile.read(ulog("short-d.ulg", (byte) 0, (byte) 0, (byte) 'D',
            (byte) 1, (byte) 0, (byte) 'D', (byte) 9), null);
        assertFalse(ulog.truncated());
        assertEquals(2, ulog.messages());
        assertEquals(2, ulog.skipped());
        assertTrue(ulog.datasets().isEmpty());
    }

    @Test
    void aFormatWithAMalformedArrayLengthOrThatCannotFitAMessageIsRefusedNamingIt() {
        for (final String field : new String[] {"uint8_t[3 a", "uint8_t[] a", "uint8_t[0] a", "uint8_t[x] a",
            "uint8_t[65536] a", "uint8_t[-2] a", "uint8_t[3]] a"}) {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UlogFormat.flatten("t", Map.of("t", field + ";")), field);
            assertEquals("field '" + field + "' of format 't' has an array length that is not a count from 1 to 65535",
                e.getMessage());
        }
        assertEquals(65535, UlogFormat.flatten("t", Map.of("t", "uint8_t[65535] a;")).size());
        // Two arrays that each fit, nested into one that does not; empty types nested so that nothing grows but the
        // count of elements; a type that contains itself.
        assertEquals("format 'b' is longer than the 65535 bytes a ULog message holds", assertThrows(
            IllegalArgumentException.class, () -> UlogFormat.flatten("b", Map.of("a", "uint64_t[5000] x;",
                "b", "a[2] y;"))).getMessage());
        assertEquals("format 'g' has more than 65535 fields and array elements", assertThrows(
            IllegalArgumentException.class, () -> UlogFormat.flatten("g", Map.of("e", "", "f", "e[65535] x;",
                "g", "f[65535] y;"))).getMessage());
        assertEquals("type 's' is nested more than 16 deep (a type that contains itself?)", assertThrows(
            IllegalArgumentException.class, () -> UlogFormat.flatten("s", Map.of("s", "s a;"))).getMessage());
    }
}
