package org.bftvote.agreement.memory;

import java.util.Arrays;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;
import org.bftvote.agreement.AgreementLane;

/**
 * Runs the rounds of a frame for n {@link AgreementLane}s in memory, in one thread, deterministically: round by
 * round, sender by sender, receiver by receiver, every message passes through the {@link MessageInterceptor}
 * before it is delivered on the link of its real sender.
 *
 * <pre>{@code
 * LaneCluster cluster = new LaneCluster(lanes, MessageInterceptor.PASS);
 * for (long frame = 0; ; frame++) {
 *     cluster.runFrame(frame, readings, status);   // beginFrame, all rounds, decide on every lane
 *     lanes[i].decidedWord(source, signal) ...
 * }
 * }</pre>
 *
 * <p>Owns one buffer per ordered pair of lanes ({@link #capacity()} bytes each, a little more than
 * {@link AgreementLane#maxMessageLength()} so an interceptor may also deliver over-long messages). Nothing is
 * allocated per frame. Not thread safe.
 */
public final class LaneCluster {
    /** Extra bytes per buffer beyond the longest valid message, room for substituted over-long messages. */
    public static final int SLACK = 64;

    private final AgreementLane[] lanes;
    private final int n;
    private final int rounds;
    private final int capacity;
    private final byte[][] slots;
    private final int[] slotLength;
    private final boolean[] delayed;
    private final long[] messagesSent;
    private final long[] bytesSent;
    private MessageInterceptor interceptor;

    /**
     * @param lanes       lane i at index i, all built from configurations with the same n, m and K
     * @param interceptor what happens to messages between encoding and delivery
     * @throws InvalidConfigException if the lanes do not form one cluster
     */
    public LaneCluster(final AgreementLane[] lanes, final MessageInterceptor interceptor) {
        Require.notNull("lanes", lanes);
        this.n = Require.inRange("lanes.length", lanes.length, 1, AgreementLane.MAX_LANES);
        int longest = 0;
        for (int i = 0; i < n; i++) {
            Require.notNull("lanes[" + i + "]", lanes[i]);
            if (lanes[i].self() != i || lanes[i].lanes() != n || lanes[i].rounds() != lanes[0].rounds()) {
                throw new InvalidConfigException("lanes[" + i + "]", "lane " + lanes[i].self() + " of "
                    + lanes[i].lanes(), "lane i at index i, all with n = " + n + " and equal rounds");
            }
            longest = Math.max(longest, lanes[i].maxMessageLength());
        }
        this.lanes = lanes.clone();
        this.rounds = lanes[0].rounds();
        this.capacity = longest + SLACK;
        this.slots = new byte[n * n][];
        for (int s = 0; s < n; s++) {
            for (int r = 0; r < n; r++) {
                slots[s * n + r] = s == r ? new byte[0] : new byte[capacity];
            }
        }
        this.slotLength = new int[n * n];
        this.delayed = new boolean[n * n];
        this.messagesSent = new long[n];
        this.bytesSent = new long[n];
        this.interceptor = Require.notNull("interceptor", interceptor);
    }

    /**
     * @param interceptor replaces the current interceptor from the next round on
     */
    public void interceptor(final MessageInterceptor interceptor) {
        this.interceptor = Require.notNull("interceptor", interceptor);
    }

    /** @return bytes per message buffer handed to the interceptor */
    public int capacity() {
        return capacity;
    }

    /**
     * @param lane a lane, 0 to n - 1
     * @return that lane
     * @throws IndexOutOfBoundsException naming the lane and the range
     */
    public AgreementLane lane(final int lane) {
        return lanes[checked(lane)];
    }

    /**
     * Puts a new lane in a lane's place (a lane computer that restarted), from the next {@link #exchange} on.
     *
     * @param lane the lane built for that place: same n, rounds and number
     * @throws InvalidConfigException if it does not fit the place
     */
    public void replace(final AgreementLane lane) {
        Require.notNull("lane", lane);
        final int i = lane.self();
        // A lane's number is below its own n, so lanes() == n also keeps i inside this cluster.
        if (lane.lanes() != n || lane.rounds() != rounds || lane.maxMessageLength() + SLACK > capacity) {
            throw new InvalidConfigException("lane", "lane " + i + " of " + lane.lanes(),
                "a lane of this cluster (n = " + n + ", equal rounds and message length)");
        }
        lanes[i] = lane;
    }

    /**
     * Opens the frame on every lane, runs all rounds, and decides on every lane.
     *
     * @param frame    frame number
     * @param readings readings[i] = lane i's K value words
     * @param status   status[i] = lane i's K statuses
     */
    public void runFrame(final long frame, final long[][] readings, final byte[][] status) {
        for (int i = 0; i < n; i++) {
            lanes[i].beginFrame(frame, readings[i], status[i]);
        }
        exchange();
        for (int i = 0; i < n; i++) {
            lanes[i].decide();
        }
    }

    /**
     * Runs every round of the frame the lanes have already begun: in each round every lane encodes for every
     * peer, the interceptor rules on each message, the messages are delivered, every lane closes the round, and
     * then the delayed messages are delivered late. Does not decide.
     */
    public void exchange() {
        exchange(n == Long.SIZE ? -1L : (1L << n) - 1);
    }

    /**
     * {@link #exchange()} among some lanes only: the others (stopped lane computers) neither send, nor receive, nor
     * close rounds.
     *
     * @param running bit i set iff lane i runs this frame
     */
    public void exchange(final long running) {
        Arrays.fill(messagesSent, 0L);
        Arrays.fill(bytesSent, 0L);
        for (int round = 1; round <= rounds; round++) {
            for (int sender = 0; sender < n; sender++) {
                for (int receiver = 0; receiver < n; receiver++) {
                    if (receiver != sender && (running >>> sender & 1L) != 0 && (running >>> receiver & 1L) != 0) {
                        send(round, sender, receiver);
                    }
                }
            }
            for (int lane = 0; lane < n; lane++) {
                if ((running >>> lane & 1L) != 0) {
                    lanes[lane].closeRound(round);
                }
            }
            deliverDelayed();
        }
    }

    /**
     * @param lane a lane, 0 to n - 1
     * @return messages the lane encoded in the last {@link #exchange()}
     * @throws IndexOutOfBoundsException naming the lane and the range
     */
    public long messagesSent(final int lane) {
        return messagesSent[checked(lane)];
    }

    /**
     * @param lane a lane, 0 to n - 1
     * @return bytes the lane encoded in the last {@link #exchange()}
     * @throws IndexOutOfBoundsException naming the lane and the range
     */
    public long bytesSent(final int lane) {
        return bytesSent[checked(lane)];
    }

    private int checked(final int lane) {
        return Require.index("lane", lane, n, "lanes");
    }

    private void send(final int round, final int sender, final int receiver) {
        final int slot = sender * n + receiver;
        final byte[] buffer = slots[slot];
        final int length = lanes[sender].encodeRound(round, receiver, buffer, 0);
        if (length <= 0) {
            return;
        }
        messagesSent[sender]++;
        bytesSent[sender] += length;
        final int verdict = interceptor.intercept(
            lanes[sender].frame(), round, sender, receiver, buffer, 0, length, capacity);
        if (verdict >= 0) {
            lanes[receiver].onMessage(sender, buffer, 0, Math.min(verdict, capacity));
        } else if (verdict == MessageInterceptor.DELAY) {
            delayed[slot] = true;
            slotLength[slot] = length;
        }
    }

    private void deliverDelayed() {
        for (int slot = 0; slot < delayed.length; slot++) {
            if (delayed[slot]) {
                delayed[slot] = false;
                lanes[slot % n].onMessage(slot / n, slots[slot], 0, slotLength[slot]);
            }
        }
    }
}
