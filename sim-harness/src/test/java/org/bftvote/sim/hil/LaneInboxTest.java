package org.bftvote.sim.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.clock.ClockSync;
import org.junit.jupiter.api.Test;

/**
 * A lane's accounting: every datagram the frame thread settles lands in exactly one fate — accepted, late (its round
 * or frame is over), early (a frame ahead of what the lane holds), duplicate, or malformed — whatever it is:
 * genuine agreement messages at every point of the schedule, garbage, clock replies, sensor and control datagrams.
 */
class LaneInboxTest {
    private static final long PERIOD = 10_000_000L;
    private static final long WINDOW = 3_000_000L;
    private static final long T0 = 100 * PERIOD;

    private final PipelineConfig config = PipelineConfig.builder(4, 1, 2)
        .allSignals(ChannelConfig.builder(4).miscompareThreshold(0.5).build()).build();
    private final LanePipeline self = new LanePipeline(config, 0);
    private final LaneClock clock = new LaneClock(0, 0, 0.0);
    private final ClockSync sync = new ClockSync(4, 1, 0, ClockSync.MAX_OFFSET_LIMIT_NS);
    private final SensorInput sensors = new SensorInput(2);
    private final long[] counters = new long[LaneCounter.COUNT];
    private final List<String> traced = new ArrayList<>();
    private final LaneInbox inbox = new LaneInbox(self.lane(), clock, sync, sensors, counters,
        (frame, round, link, data, length, late) -> traced.add(frame + "/" + round + "/" + link
            + (late ? "/late" : "")));
    private final CRC32C crc = new CRC32C();
    private long settled;

    private void settle(final int source, final byte[] data, final int length, final long rx) {
        inbox.settle(source, data, length, rx);
        settled++;
    }

    private long fate(final LaneCounter c) {
        return counters[c.ordinal()];
    }

    /** Lane {@code from}'s round-{@code round} message of {@code frame} to lane 0, as that lane encodes it. */
    private byte[] message(final int from, final long frame, final int round) {
        final LanePipeline peer = new LanePipeline(config, from);
        peer.beginFrame(frame, new double[] {1.0, 2.0}, 0b11);
        final byte[] b = new byte[peer.lane().maxMessageLength()];
        if (round == 2) {
            peer.lane().closeRound(1);
        }
        final int n = peer.lane().encodeRound(round, 0, b, 0);
        assertTrue(n > 0);
        return java.util.Arrays.copyOf(b, n);
    }

    @Test
    void everyDatagramHasExactlyOneFate() {
        final byte[] b = new byte[RigDatagram.MAX_LENGTH];
        settle(DatagramRing.RIG, b, ControlDatagram.start(crc, b, 0, T0, PERIOD, WINDOW, 1_000), T0 - PERIOD);
        assertNotNull(inbox.schedule());
        settle(DatagramRing.RIG, b, ControlDatagram.start(crc, b, 0, T0, PERIOD, WINDOW, 1_000), T0 - PERIOD);
        assertEquals(1, fate(LaneCounter.DUPLICATE), "a second START");
        SensorDatagram.begin(b, 0, 0);
        SensorDatagram.add(b, 1, 3.5, true, true);
        final int sensorLength = SensorDatagram.seal(crc, b);
        settle(DatagramRing.RIG, b.clone(), sensorLength, T0 - PERIOD);
        settle(DatagramRing.RIG, b.clone(), sensorLength, T0 - PERIOD);
        assertEquals(2, fate(LaneCounter.DUPLICATE), "the same frame's samples again");

        final byte[] early = message(1, 0, 1);
        settle(1, early, early.length, T0 - 100);
        assertEquals(0, fate(LaneCounter.ACCEPTED) - 2, "held for frame 0, not settled yet");

        self.beginFrame(0, new double[] {1.0, 2.0}, 0b11);
        inbox.beginFrame(0);
        inbox.openRound(1);
        assertEquals(3, fate(LaneCounter.ACCEPTED), "the held message went to the library when round 1 opened");
        settle(1, early, early.length, T0 + 100);
        assertEquals(3, fate(LaneCounter.DUPLICATE), "the library refuses a second message of a link and round");
        final byte[] garbage = {1, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7};
        settle(2, garbage, garbage.length, T0 + 100);
        assertEquals(1, fate(LaneCounter.MALFORMED));
        final byte[] ahead = message(3, 5, 1);
        settle(3, ahead, ahead.length, T0 + 100);
        assertEquals(1, fate(LaneCounter.EARLY), "five frames ahead: this lane is behind");
        final byte[] afterDeadline = message(3, 0, 1);
        settle(3, afterDeadline, afterDeadline.length, T0 + WINDOW + 1);
        assertEquals(1, fate(LaneCounter.LATE), "read after round 1's deadline");
        final byte[] onTime = message(2, 0, 1);
        settle(2, onTime, onTime.length, T0 + 200);
        assertEquals(4, fate(LaneCounter.ACCEPTED));
        self.lane().closeRound(1);
        inbox.openRound(2);
        final byte[] tooLate = message(3, 0, 1);
        settle(3, tooLate, tooLate.length, T0 + WINDOW + 200);
        assertEquals(2, fate(LaneCounter.LATE), "round 1 is closed");

        clockReplies(b);
        final long before = settled;
        inbox.settleAtEnd();
        assertEquals(before, settled);
        long fates = 0;
        for (final LaneCounter c : LaneCounter.FATES) {
            fates += fate(c);
        }
        assertEquals(settled, fates, "every datagram settled exactly once");
        assertEquals(List.of("0/1/1", "0/1/1", "0/1/3/late", "0/1/2", "0/2/3/late"), traced,
            "every message given to the library, and the late ones of the open frame (with the round open when they "
                + "came), are traced in order");
    }

    private void clockReplies(final byte[] b) {
        sync.beginRound(200);
        inbox.beginClockRound(200);
        inbox.requestSent(1, 5_000);
        int n = SyncDatagram.writeReply(crc, b, 1, 0, 200, 5_000, 5_400, 5_450);
        settle(1, b.clone(), n, 5_900);
        assertEquals(5, fate(LaneCounter.ACCEPTED), "a reply to our request");
        settle(1, b.clone(), n, 5_950);
        assertEquals(4, fate(LaneCounter.DUPLICATE), "a second reply of the round");
        n = SyncDatagram.writeReply(crc, b, 2, 0, 200, 4_000, 5_400, 5_450);
        settle(2, b.clone(), n, 5_900);
        assertEquals(2, fate(LaneCounter.MALFORMED), "a reply to no request of ours");
        n = SyncDatagram.writeReply(crc, b, 3, 0, 199, 5_000, 5_400, 5_450);
        settle(3, b.clone(), n, 5_900);
        assertEquals(3, fate(LaneCounter.LATE), "a reply of an earlier round");
        inbox.feedClock(200);
        assertEquals(0b11, sync.readingMask(), "the reading of lane 1 went to the clock");
    }
}
