package org.bftvote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The argument checks hand back the value they accept, so a caller can check and assign in one step. */
@Tag("API-1")
class RequireTest {
    @Test
    void aFiniteValueIsReturnedAsGiven() {
        assertEquals(-2.5, Require.finite("x", -2.5));
        assertEquals(Double.MAX_VALUE, Require.finite("x", Double.MAX_VALUE));
        assertThrows(InvalidConfigException.class, () -> Require.finite("x", Double.NaN));
    }
}
