package org.bftvote.sim.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bftvote.sim.profile.RepoFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ULog validity from PX4's {@code error_count}: a sample whose instance's count rose since its previous sample, or
 * stands above PX4's no-return count, is invalid, and a frame takes a channel as invalid when any of its samples
 * since the previous frame was. Checked on a ULog file written here sample by sample, and on PX4's own fixture,
 * whose drivers counted no error (so every sample is valid, as before the rule).
 */
class UlogErrorCountTest {
    private static final int SAMPLES = 300;
    private static final int SAMPLE_PERIOD_US = 10_000;

    @TempDir
    Path tmp;

    @Test
    void aRisenErrorCountMakesTheSampleAndItsFrameInvalid() throws Exception {
        final RecordedFrames rec = Recordings.read(writeUlog(), map("sensor_mag", "x", 50));
        assertEquals(3, rec.channels(0));
        assertEquals(SAMPLES / 2, rec.frames(), "frames at 50 Hz over 3 s of 100 Hz samples");
        for (int f = 0; f < rec.frames(); f++) {
            final long valid = rec.validMask(0, f);
            final int sample = 2 * f; // the frame's latest sample; sample 2f - 1 arrived since the previous frame
            assertTrue((valid & 1) != 0, "instance 0 counts no error, frame " + f);
            final boolean burst = sample >= 100 && sample - 1 <= 160;
            assertEquals(!burst, (valid & 2) != 0, "instance 1: errors in samples 100..160, frame " + f);
            final boolean single = f > 0 && sample - 1 == 201 || sample >= 250;
            assertEquals(!single, (valid & 4) != 0, "instance 2: one error at sample 201 (between frames 100 and "
                + "101), above PX4's no-return count from sample 250, frame " + f);
        }
    }

    @Test
    void thePx4FixtureCountsNoErrorSoEverySampleIsValid() throws Exception {
        final Path small = RepoFiles.root().resolve("sim-harness/src/test/resources/ulog/sample_log_small.ulg");
        final UlogFile ulog = UlogFile.read(small, java.util.Set.of("sensor_accel", "sensor_gyro", "sensor_mag",
            "sensor_baro"));
        int samples = 0;
        for (final UlogFile.Dataset d : ulog.datasets()) {
            final int field = d.format().indexOf(UlogRecordingReader.ERROR_COUNT_FIELD);
            assertTrue(field >= 0, d.topic() + " carries error_count");
            for (int i = 0; i < d.count(); i++) {
                assertEquals(0.0, d.value(field, i), d.topic() + "#" + d.multiId() + " sample " + i);
                assertTrue(UlogRecordingReader.valid(d, field, i));
                samples++;
            }
        }
        assertEquals(3 * 6 + 3 * 6 + 2 * 6 + 2 * 6, samples, "the fixture's README: 3, 3, 2 and 2 instances of 6");
    }

    /**
     * Three instances of {@code sensor_mag} at 100 Hz for 3 s, every one reading the same moving value; instance 1's
     * count rises by one at every sample from 100 to 160, instance 2's once at sample 201 and past 10,000 at 250.
     */
    private Path writeUlog() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {'U', 'L', 'o', 'g', 0x01, 0x12, 0x35, 1}).putLong(1_000_000L);
        out.write(header.array());
        message(out, 'F', "sensor_mag:uint64_t timestamp;float x;uint32_t error_count;".getBytes(
            StandardCharsets.UTF_8));
        for (int instance = 0; instance < 3; instance++) {
            final byte[] name = "sensor_mag".getBytes(StandardCharsets.UTF_8);
            final ByteBuffer add = ByteBuffer.allocate(3 + name.length).order(ByteOrder.LITTLE_ENDIAN);
            add.put((byte) instance).putShort((short) instance).put(name);
            message(out, 'A', add.array());
        }
        final long[] counts = new long[3];
        for (int i = 0; i < SAMPLES; i++) {
            counts[1] += i >= 100 && i <= 160 ? 1 : 0;
            counts[2] = i == 201 ? 1 : i >= 250 ? 10_001 : counts[2];
            for (int instance = 0; instance < 3; instance++) {
                final ByteBuffer d = ByteBuffer.allocate(2 + 16).order(ByteOrder.LITTLE_ENDIAN);
                d.putShort((short) instance).putLong(2_000_000L + (long) i * SAMPLE_PERIOD_US)
                    .putFloat((float) (0.2 + 0.01 * Math.sin(0.1 * i))).putInt((int) counts[instance]);
                message(out, 'D', d.array());
            }
        }
        return Files.write(tmp.resolve("errors.ulg"), out.toByteArray());
    }

    private static void message(final ByteArrayOutputStream out, final char type, final byte[] body) {
        out.write(body.length & 0xFF);
        out.write(body.length >>> 8);
        out.write(type);
        out.write(body, 0, body.length);
    }

    private RecordingMap map(final String topic, final String field, final int rateHz) throws Exception {
        final Path map = Files.writeString(tmp.resolve("errors.map.yaml"), "kind: recording-map\nname: errors\n"
            + "format: ulog\nframes: {rate: {value: " + rateHz + ", unit: Hz}}\nsignals:\n  - {topic: " + topic
            + ", fields: [" + field + "], unit: gauss}\n");
        return RecordingMapReader.read(map);
    }
}
