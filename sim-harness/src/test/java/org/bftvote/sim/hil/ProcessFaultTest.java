package org.bftvote.sim.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Process faults as the command line gives them: times become frames; bad text is refused, saying why. */
class ProcessFaultTest {
    @Test
    void aStallAndAKillBecomeFrames() {
        final ProcessFault stall = ProcessFault.parse("2:8:0.2", ProcessFault.Kind.STALL, 80.0, 4);
        assertEquals(new ProcessFault(ProcessFault.Kind.STALL, 2, 640, 16), stall);
        assertTrue(stall.activeAt(640) && stall.activeAt(655));
        assertFalse(stall.activeAt(656) || stall.activeAt(639));
        final ProcessFault kill = ProcessFault.parse("1:5", ProcessFault.Kind.KILL, 80.0, 4);
        assertEquals(Long.MAX_VALUE, kill.endFrame(), "no restart");
        assertEquals(480, ProcessFault.parse("1:5:1", ProcessFault.Kind.KILL, 80.0, 4).endFrame());
    }

    @Test
    void badTextIsRefusedWithWhatIsWrong() {
        assertEquals("expected LANE:AT_S:DURATION_S, got '2:8'", assertThrows(IllegalArgumentException.class,
            () -> ProcessFault.parse("2:8", ProcessFault.Kind.STALL, 80.0, 4)).getMessage());
        assertEquals("lane must be in 0..3, got 4 in '4:1'", assertThrows(IllegalArgumentException.class,
            () -> ProcessFault.parse("4:1", ProcessFault.Kind.KILL, 80.0, 4)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> ProcessFault.parse("x:1:1", ProcessFault.Kind.STALL, 80.0, 4)).getMessage().contains("numbers"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> ProcessFault.parse("1:-1:1", ProcessFault.Kind.STALL, 80.0, 4)).getMessage().contains("AT_S >= 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> ProcessFault.parse("1:1:0", ProcessFault.Kind.STALL, 80.0, 4)).getMessage().contains("> 0"));
    }
}
