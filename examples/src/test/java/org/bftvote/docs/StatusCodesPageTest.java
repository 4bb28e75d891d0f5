package org.bftvote.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.bftvote.agreement.DropReason;
import org.bftvote.agreement.EntryStatus;
import org.bftvote.agreement.HypothesisFlags;
import org.bftvote.agreement.IcMessageCodec;
import org.bftvote.agreement.ResultCode;
import org.bftvote.channel.ExclusionReason;
import org.bftvote.channel.OutputStatus;
import org.bftvote.clock.ClockSync;
import org.bftvote.vote.VoteStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/reference/status-codes.md lists every code the library returns (API-1): a frame-step code, a drop reason, a
 * clock synchronisation result, a message check result, an output status, an exclusion reason, a voter status, an
 * entry status or a hypothesis flag added to the library without its line on the page fails here.
 */
@Tag("API-1")
class StatusCodesPageTest {
    private static final List<String> PAGE =
        MarkdownDocs.read(MarkdownDocs.root().resolve("docs/reference/status-codes.md"));

    /** The page writes negative numbers with a true minus sign. */
    private static String number(final int code) {
        return code < 0 ? "\u2212" + -code : Integer.toString(code);
    }

    private static boolean hasRow(final int code, final String name) {
        final String start = "| " + number(code) + " | `" + name + "`";
        return PAGE.stream().anyMatch(line -> line.startsWith(start));
    }

    @Test
    void everyFrameStepCodeHasItsRow() {
        for (final ResultCode result : ResultCode.values()) {
            assertTrue(hasRow(result.code(), result.name()), "status-codes.md has no row | "
                + number(result.code()) + " | `" + result.name() + "` ...");
        }
    }

    @Test
    void everyDropReasonHasItsRow() {
        for (final DropReason reason : DropReason.values()) {
            assertTrue(hasRow(reason.code(), reason.name()), "status-codes.md has no row | "
                + number(reason.code()) + " | `" + reason.name() + "` ...");
        }
    }

    @Test
    void everyOutputStatusAndExclusionReasonIsNamed() {
        final String text = String.join("\n", PAGE);
        for (final OutputStatus status : OutputStatus.values()) {
            assertTrue(text.contains("`" + status.name() + "`"), "status-codes.md does not name " + status);
        }
        for (final ExclusionReason reason : ExclusionReason.values()) {
            assertTrue(text.contains("`" + reason.name() + "`"), "status-codes.md does not name " + reason);
        }
    }

    @Test
    void everyClockSynchronisationCodeHasItsRow() throws IllegalAccessException {
        final List<Field> codes = constants(ClockSync.class, int.class);
        assertTrue(codes.size() >= 6, "OK and the refusals: " + codes);
        for (final Field code : codes) {
            assertTrue(hasRow(code.getInt(null), code.getName()), "status-codes.md has no row | "
                + number(code.getInt(null)) + " | `" + code.getName() + "` ...");
        }
    }

    @Test
    void everyVoterStatusEntryStatusAndHypothesisFlagIsNamed() throws IllegalAccessException {
        final String text = String.join("\n", PAGE);
        final List<String> names = new ArrayList<>();
        for (final VoteStatus status : VoteStatus.values()) {
            names.add(status.name());
        }
        for (final Field status : constants(EntryStatus.class, byte.class)) {
            names.add(status.getName());
        }
        for (final Field code : constants(IcMessageCodec.class, int.class)) {
            names.add(code.getName());
        }
        for (final Field flag : constants(HypothesisFlags.class, int.class)) {
            if (Integer.bitCount(flag.getInt(null)) == 1) {
                names.add(flag.getName());
            }
        }
        for (final String name : names) {
            assertTrue(text.contains("`" + name + "`"), "status-codes.md does not name " + name);
        }
    }

    /** The public static constants of a type, the way a host reads its codes. */
    private static List<Field> constants(final Class<?> owner, final Class<?> type) {
        final List<Field> found = new ArrayList<>();
        for (final Field field : owner.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == type) {
                found.add(field);
            }
        }
        return found;
    }
}
