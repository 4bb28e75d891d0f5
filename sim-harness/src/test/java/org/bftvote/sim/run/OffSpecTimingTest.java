package org.bftvote.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.sim.emulation.LaneFault;
import org.bftvote.sim.emulation.LaneFaultModel;
import org.bftvote.sim.emulation.RandomStreams;
import org.bftvote.sim.emulation.SimRandom;
import org.bftvote.sim.profile.PlatformProfile;
import org.junit.jupiter.api.Test;

/**
 * Slightly-off-specification timing: lane D transmits {@code delay} late; its victim (lane A) never takes the message
 * in time, and every other receiver takes it in time exactly when the bus's transfer plus the delay meets the round
 * deadline. On the quad platform's AFDX (transfer 50 µs to 1 ms plus jitter ±500 µs, deadline 1.5 ms, two networks,
 * first valid copy wins) a delay of 975 µs puts the deadline at the middle of one network's arrival spread, so each
 * network is late with probability 1/2 and a message is late when both are: 1/4 (within 4 binomial standard errors
 * over 40,000 messages). No delay: only the victim misses. A delay beyond the deadline: every receiver misses.
 */
class OffSpecTimingTest {
    private static final int SENDER = 3;
    private static final int VICTIM = 0;
    private static final int MESSAGES = 20_000;

    private static double[] lateShare(final double delayUs) throws Exception {
        final PlatformProfile quad = QuadEightSignals.scenario(1.0).platform();
        final int capacity = 512;
        final ExchangeBuses buses = new ExchangeBuses(quad, List.of(), quad.frameRate(), new RandomStreams(1),
            capacity);
        final LaneFaultModel faults = new LaneFaultModel(
            List.of(LaneFault.sosTiming(SENDER, 0, Long.MAX_VALUE, delayUs, 0.0, 1.0, 1.0, 1.0)), new SimRandom(2));
        final ExchangeInterceptor interceptor = new ExchangeInterceptor(faults, buses, 8, new double[8], 4, capacity);
        final byte[] message = new byte[200];
        final long[] late = new long[4];
        for (int frame = 0; frame < MESSAGES; frame++) {
            interceptor.beginFrame(frame);
            for (int receiver = 0; receiver < SENDER; receiver++) {
                final int verdict = interceptor.intercept(frame, 1, SENDER, receiver, message, 0, message.length,
                    capacity);
                late[receiver] += verdict == MessageInterceptor.DELAY ? 1 : 0;
            }
        }
        final double[] share = new double[4];
        for (int receiver = 0; receiver < SENDER; receiver++) {
            share[receiver] = late[receiver] / (double) MESSAGES;
        }
        return share;
    }

    @Test
    void receiversOutsideTheVictimsMissTheDeadlineAsTheBusTimingSays() throws Exception {
        final double[] share = lateShare(975.0);
        assertEquals(1.0, share[VICTIM], 0.0, "the victim's window closes before the late message");
        final double tolerance = 4 * Math.sqrt(0.25 * 0.75 / MESSAGES);
        assertEquals(0.25, share[1], tolerance, "lane B: late when both networks' copies are");
        assertEquals(0.25, share[2], tolerance, "lane C");
    }

    @Test
    void withoutDelayOnlyTheVictimMissesAndBeyondTheDeadlineEveryoneDoes() throws Exception {
        final double[] none = lateShare(0.0);
        assertEquals(1.0, none[VICTIM], 0.0);
        assertEquals(0.0, none[1], 0.0);
        assertEquals(0.0, none[2], 0.0);
        final double[] beyond = lateShare(2_000.0);
        assertEquals(1.0, beyond[1], 0.0);
        assertEquals(1.0, beyond[2], 0.0);
    }
}
