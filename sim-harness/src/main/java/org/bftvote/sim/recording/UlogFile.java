package org.bftvote.sim.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PX4 ULog file read natively (PX4's "ULog File Format": a 16-byte header, then messages of {@code uint16 size,
 * uint8 type, payload}, little-endian): its format definitions ({@code F}), subscriptions ({@code A}: a message
 * id for one instance, {@code multi_id}, of a topic) and data ({@code D}) of the topics asked for, every instance of
 * a topic kept apart. Information, parameter, logging, sync, dropout and removal messages are read past.
 *
 * <p>Damage is read up to, never past, and named: a file that ends inside a message is read to its last complete
 * message ({@link #truncated()}, {@link #note()} with the byte offset); a message of a type that does not exist or
 * of an impossible size stops the read there with the byte offset named; a data message for an unknown
 * subscription or of the wrong size is skipped and counted, as PX4's own tools do. A file that is not ULog at all,
 * or a definition that does not parse, is a {@link RecordingException} naming the byte offset.
 */
public final class UlogFile {
    private static final byte[] MAGIC = {'U', 'L', 'o', 'g', 0x01, 0x12, 0x35};
    private static final int HEADER = 16;
    private static final int MAX_MESSAGE = 10_000;
    private static final String KNOWN_TYPES = "BFIMPQADRLCSO";
    /** Bytes before a subscription's topic name: multi id (1) and message id (2). */
    private static final int SUBSCRIPTION_IDS = 3;
    /** Bytes before a data message's payload: its message id. */
    private static final int DATA_ID = 2;

    private final String shown;
    private final long startTimestampUs;
    private final List<Dataset> datasets;
    private final long messages;
    private final long skipped;
    private final boolean truncated;
    private final String note;

    /**
     * The samples of one instance of one topic.
     *
     * @param topic   the topic
     * @param multiId the instance
     * @param format  its layout
     * @param payload every sample's bytes (the layout's size each, after the message id), in file order
     * @param count   samples held
     */
    public record Dataset(String topic, int multiId, UlogFormat format, byte[] payload, int count) {
        /** @return the flattened field names, trailing padding left out */
        public List<String> fieldNames() {
            return format.fields().stream().map(UlogFormat.Field::name).toList();
        }

        /**
         * @param field  field index in {@link #fieldNames()}
         * @param sample sample index
         * @return the value as a double (integers exactly up to 2^53; {@code uint64} read as unsigned)
         */
        public double value(final int field, final int sample) {
            final UlogFormat.Field f = format.fields().get(field);
            final ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
            final int at = sample * format.size() + f.offset();
            return switch (f.type()) {
                case "int8_t", "char" -> b.get(at);
                case "uint8_t", "bool" -> b.get(at) & 0xFF;
                case "int16_t" -> b.getShort(at);
                case "uint16_t" -> b.getShort(at) & 0xFFFF;
                case "int32_t" -> b.getInt(at);
                case "uint32_t" -> b.getInt(at) & 0xFFFF_FFFFL;
                case "int64_t" -> (double) b.getLong(at);
                case "uint64_t" -> unsigned(b.getLong(at));
                case "float" -> b.getFloat(at);
                case "double" -> b.getDouble(at);
                default -> throw new IllegalStateException("not a basic type: " + f.type());
            };
        }

        /**
         * @param sample sample index
         * @return its {@code timestamp} field in microseconds
         */
        public long timestampUs(final int sample) {
            final int field = format.indexOf("timestamp");
            final UlogFormat.Field f = format.fields().get(field);
            return ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).getLong(sample * format.size()
                + f.offset());
        }

        private static double unsigned(final long v) {
            return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
        }
    }

    private UlogFile(final String shown, final long start, final List<Dataset> datasets, final long messages,
        final long skipped, final boolean truncated, final String note) {
        this.shown = shown;
        this.startTimestampUs = start;
        this.datasets = List.copyOf(datasets);
        this.messages = messages;
        this.skipped = skipped;
        this.truncated = truncated;
        this.note = note;
    }

    /**
     * Reads a file.
     *
     * @param file   the file
     * @param topics the topics to keep data of; {@code null} for every topic
     * @return what it holds
     * @throws RecordingException if it is not ULog or a definition does not parse (the byte offset named)
     * @throws IOException        if it cannot be read
     */
    public static UlogFile read(final Path file, final Set<String> topics) throws RecordingException, IOException {
        return new Parser(file.toString(), Files.readAllBytes(file), topics).parse();
    }

    /** @return the file as named */
    public String file() {
        return shown;
    }

    /** @return the header's start timestamp, microseconds */
    public long startTimestampUs() {
        return startTimestampUs;
    }

    /** @return every instance of every topic kept that has data, sorted by topic then instance */
    public List<Dataset> datasets() {
        return datasets;
    }

    /**
     * @param topic a topic
     * @return its instances with data, by instance number
     */
    public List<Dataset> instances(final String topic) {
        return datasets.stream().filter(d -> d.topic().equals(topic)).toList();
    }

    /** @return messages read */
    public long messages() {
        return messages;
    }

    /** @return data messages skipped (no subscription, or a size that does not fit the format) */
    public long skipped() {
        return skipped;
    }

    /** @return whether the file ends inside a message or stops at damage (what came before was read) */
    public boolean truncated() {
        return truncated;
    }

    /** @return for people: where the read stopped and why, and what was skipped; empty when read whole */
    public String note() {
        return note;
    }

    /** One pass over the bytes. */
    private static final class Parser {
        private final String shown;
        private final byte[] bytes;
        private final ByteBuffer in;
        private final Set<String> topics;
        private final Map<String, String> formats = new LinkedHashMap<>();
        private final Map<Integer, Subscription> subscriptions = new HashMap<>();
        private final Map<String, Subscription> byInstance = new LinkedHashMap<>();
        private long messages;
        private long skipped;
        private String stop = "";

        Parser(final String shown, final byte[] bytes, final Set<String> topics) {
            this.shown = shown;
            this.bytes = bytes;
            this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            this.topics = topics;
        }

        UlogFile parse() throws RecordingException {
            if (bytes.length < HEADER || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
                throw new RecordingException(shown, "byte 0", "header", bytes.length < HEADER
                    ? "the file has " + bytes.length + " bytes, a ULog header has 16"
                    : "not a ULog file (it does not start with the ULog magic bytes 55 4c 6f 67 01 12 35)");
            }
            final long start = in.getLong(8);
            int at = HEADER;
            while (at < bytes.length && stop.isEmpty()) {
                at = message(at);
            }
            return new UlogFile(shown, start, datasets(), messages, skipped, !stop.isEmpty(), note());
        }

        private String note() {
            final String skip = skipped == 0 ? "" : skipped + " data message" + (skipped == 1 ? "" : "s")
                + " skipped (no subscription, or a size that does not fit its format)";
            if (stop.isEmpty()) {
                return skip;
            }
            return stop + (skip.isEmpty() ? "" : "; " + skip);
        }

        /** @return the offset of the next message */
        private int message(final int at) throws RecordingException {
            if (bytes.length - at < 3) {
                stop = "the file ends inside the message header at byte " + at + "; read to the last complete "
                    + "message";
                return at;
            }
            final int size = in.getShort(at) & 0xFFFF;
            final char type = (char) (bytes[at + 2] & 0xFF);
            if (KNOWN_TYPES.indexOf(type) < 0 && (size == 0 || size > MAX_MESSAGE || type == 0)) {
                stop = "damaged at byte " + at + ": a message of type " + (int) type + " and " + size
                    + " bytes cannot be one; read up to it";
                return at;
            }
            if (at + 3 + size > bytes.length) {
                stop = "the file ends inside a message at byte " + at + " (" + size + " bytes announced, "
                    + (bytes.length - at - 3) + " left); read to the last complete message";
                return at;
            }
            messages++;
            final int body = at + 3;
            switch (type) {
                case 'F' -> format(body, size, at);
                case 'A' -> subscribe(body, size, at);
                case 'D' -> data(body, size);
                default -> {
                    // information, parameters, logging, sync, dropout, removal, flag bits: not needed here
                }
            }
            return body + size;
        }

        private void format(final int body, final int size, final int at) throws RecordingException {
            final String text = new String(bytes, body, size, StandardCharsets.UTF_8);
            final int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new RecordingException(shown, "byte " + at, "format", "'" + text + "' is not 'name:fields'");
            }
            formats.put(text.substring(0, colon), text.substring(colon + 1));
        }

        private void subscribe(final int body, final int size, final int at) throws RecordingException {
            if (size < SUBSCRIPTION_IDS) {
                throw new RecordingException(shown, "byte " + at, "subscription", "a message of " + size
                    + (size == 1 ? " byte" : " bytes") + "; a subscription has " + SUBSCRIPTION_IDS
                    + " (multi id, message id) before its topic");
            }
            final int multiId = bytes[body] & 0xFF;
            final int msgId = in.getShort(body + 1) & 0xFFFF;
            final String topic = new String(bytes, body + SUBSCRIPTION_IDS, size - SUBSCRIPTION_IDS,
                StandardCharsets.UTF_8);
            if (topics != null && !topics.contains(topic)) {
                return;
            }
            final UlogFormat layout;
            try {
                layout = UlogFormat.flatten(topic, formats);
            } catch (final IllegalArgumentException e) {
                throw new RecordingException(shown, "byte " + at, topic, e.getMessage());
            }
            if (layout.indexOf("timestamp") < 0) {
                throw new RecordingException(shown, "byte " + at, topic, "the format has no timestamp field");
            }
            final Subscription s = byInstance.computeIfAbsent(topic + "#" + multiId,
                k -> new Subscription(topic, multiId, layout));
            subscriptions.put(msgId, s);
        }

        private void data(final int body, final int size) {
            if (size < DATA_ID) {
                skipped++; // no room for its message id: it fits no format
                return;
            }
            final int msgId = in.getShort(body) & 0xFFFF;
            final Subscription s = subscriptions.get(msgId);
            if (s == null) {
                if (topics == null) {
                    skipped++;
                }
                return;
            }
            final int payload = size - DATA_ID;
            if (payload < s.layout.minSize() || payload > s.layout.size()) {
                skipped++;
                return;
            }
            s.add(bytes, body + DATA_ID, payload);
        }

        private List<Dataset> datasets() {
            final List<Dataset> out = new ArrayList<>();
            for (final Subscription s : byInstance.values()) {
                if (s.count > 0) {
                    out.add(new Dataset(s.topic, s.multiId, s.layout, Arrays.copyOf(s.data, s.count
                        * s.layout.size()), s.count));
                }
            }
            out.sort((a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.multiId(), b.multiId())
                : a.topic().compareTo(b.topic()));
            return out;
        }
    }

    /** One instance's samples as they arrive. */
    private static final class Subscription {
        final String topic;
        final int multiId;
        final UlogFormat layout;
        byte[] data = new byte[1024];
        int count;

        Subscription(final String topic, final int multiId, final UlogFormat layout) {
            this.topic = topic;
            this.multiId = multiId;
            this.layout = layout;
        }

        void add(final byte[] bytes, final int from, final int length) {
            final int at = count * layout.size();
            if (at + layout.size() > data.length) {
                data = Arrays.copyOf(data, Math.max(2 * data.length, at + layout.size()));
            }
            System.arraycopy(bytes, from, data, at, length);
            count++;
        }
    }
}
