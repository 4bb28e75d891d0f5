package org.bftvote.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every code clock synchronisation returns has a name and a meaning (API-1), and a lane index out of range is
 * refused with a line that names it and the range.
 */
@Tag("API-1")
class ClockSyncCodesTest {
    @Test
    void everyReturnCodeIsDescribedByItsNameAndNumber() throws IllegalAccessException {
        int codes = 0;
        for (final Field field : ClockSync.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                final int code = field.getInt(null);
                final String line = ClockSync.describe(code);
                assertTrue(line.startsWith(field.getName() + " (" + code + "): "), line);
                assertTrue(line.length() > field.getName().length() + 12, "a meaning follows: " + line);
                codes++;
            }
        }
        assertEquals(6, codes, "OK and the five refusals");
        assertEquals("-6: not a code clock synchronisation returns", ClockSync.describe(-6));
    }

    @Test
    void aLaneOutOfRangeIsNamedWithTheRange() {
        final ClockSync sync = new ClockSync(4, 1, 0, 1_000);
        final IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> sync.readingNs(4));
        assertEquals("lane 4 is out of range: there are 4 lanes, 0 to 3", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> sync.readingNs(-1));
    }
}
