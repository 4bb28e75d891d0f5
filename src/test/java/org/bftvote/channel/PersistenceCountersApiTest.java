package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What an embedder using the counters on their own meets (API-1): a channel out of range named, a readable print. */
@Tag("API-1")
class PersistenceCountersApiTest {
    @Test
    void everyMethodGivenAChannelOutOfRangeNamesItAndTheRange() {
        final PersistenceCounters c = new PersistenceCounters(PersistencePolicy.consecutive(3), 4);
        final Executable[] calls = {
            () -> c.record(4, true), () -> c.isTripped(4), () -> c.level(4), () -> c.reset(4), () -> c.restore(4, 1),
            () -> c.record(-1, false),
        };
        for (final Executable call : calls) {
            final IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, call);
            assertEquals(e.getMessage().startsWith("channel -1") ? "channel -1 is out of range: there are 4 channels,"
                + " 0 to 3" : "channel 4 is out of range: there are 4 channels, 0 to 3", e.getMessage());
        }
        assertEquals(0, c.level(3), "nothing was recorded");
    }

    @Test
    void printsEveryChannelsLevelAndTheTripLevel() {
        final PersistenceCounters c = new PersistenceCounters(PersistencePolicy.consecutive(3), 3);
        c.record(1, true);
        c.record(1, true);
        assertEquals("PersistenceCounters{levels=[0, 2, 0], tripLevel=3}", c.toString());
    }
}
