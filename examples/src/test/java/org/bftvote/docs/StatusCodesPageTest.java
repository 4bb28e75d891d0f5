package org.bftvote.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bftvote.agreement.DropReason;
import org.bftvote.agreement.ResultCode;
import org.bftvote.channel.ExclusionReason;
import org.bftvote.channel.OutputStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/reference/status-codes.md lists every code the library returns (API-1): a frame-step code, a drop reason, an
 * output status or an exclusion reason added to the library without its line on the page fails here.
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
}
