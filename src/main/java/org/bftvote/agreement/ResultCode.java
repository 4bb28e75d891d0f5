package org.bftvote.agreement;

/**
 * The named view of the status codes the frame steps of {@link AgreementLane} and {@link LanePipeline} return
 * ({@code beginFrame}, {@code encodeRound}, {@code closeRound}, {@code decide}, {@code completeFrame}): each with
 * what the host did wrong, or what happened. The codes themselves stay {@code int} constants of
 * {@link AgreementLane}, so that the frame path returns them without allocating and a host can {@code switch} on
 * them; this enum is their one description. {@link AgreementLane#onMessage} answers with {@link DropReason} codes
 * instead (−1 and below); {@link #describe(int)} names every code either returns.
 *
 * <pre>{@code
 * final int status = pipeline.completeFrame();
 * if (status != AgreementLane.OK) {
 *     log.warn("frame {}: {}", frame, ResultCode.describe(status));   // "ROUNDS_NOT_CLOSED (-106): ..."
 * }
 * }</pre>
 */
public enum ResultCode {
    /** The step was done ({@link AgreementLane#OK}, the same value as {@link AgreementLane#ACCEPTED}). */
    OK(AgreementLane.OK, "done"),
    /** {@link AgreementLane#BUFFER_TOO_SMALL}. */
    BUFFER_TOO_SMALL(AgreementLane.BUFFER_TOO_SMALL,
        "the buffer given to encodeRound has fewer than maxMessageLength() bytes after the offset"),
    /** {@link AgreementLane#BAD_ARGUMENT}. */
    BAD_ARGUMENT(AgreementLane.BAD_ARGUMENT,
        "an argument is out of range: readings or status arrays shorter than the signals, a peer that is this lane"
            + " or not a lane, or a round outside 1 to m + 1; nothing was done"),
    /** {@link AgreementLane#NO_FRAME}. */
    NO_FRAME(AgreementLane.NO_FRAME,
        "no frame is open: beginFrame was not called, or this frame was already decided"),
    /** {@link AgreementLane#ROUND_NOT_OPEN}. */
    ROUND_NOT_OPEN(AgreementLane.ROUND_NOT_OPEN,
        "the round is not the open one: rounds are encoded and closed in order, 1 to m + 1"),
    /** {@link AgreementLane#ROUNDS_NOT_CLOSED}. */
    ROUNDS_NOT_CLOSED(AgreementLane.ROUNDS_NOT_CLOSED,
        "not every round was closed: the host skipped the exchange (encodeRound, onMessage and closeRound for"
            + " rounds 1 to m + 1) before decide or completeFrame; nothing was decided and the outputs keep the"
            + " previous frame's"),
    /** {@link AgreementLane#ENCODE_OVERFLOW}. */
    ENCODE_OVERFLOW(AgreementLane.ENCODE_OVERFLOW,
        "the engine emitted more entries than the message layout allows: a library defect, please report it");

    private static final ResultCode[] ALL = values();

    private final int code;
    private final String meaning;
    private final String description;

    ResultCode(final int code, final String meaning) {
        this.code = code;
        this.meaning = meaning;
        this.description = name() + " (" + code + "): " + meaning;
    }

    /** @return the {@code int} the frame steps return for it */
    public int code() {
        return code;
    }

    /** @return what the host did wrong, or what happened, in words (no name, no number) */
    public String meaning() {
        return meaning;
    }

    /**
     * @param code a status code from a frame step
     * @return its name, or {@code null} if it is none (a {@link DropReason} code, a message length, an unknown
     *         number); allocation-free
     */
    public static ResultCode ofCode(final int code) {
        for (final ResultCode result : ALL) {
            if (result.code == code) {
                return result;
            }
        }
        return null;
    }

    /**
     * One line naming any code a lane or pipeline call returns, for logs and messages: a frame-step code
     * ({@code "ROUNDS_NOT_CLOSED (-106): not every round was closed: ..."}), a {@link DropReason} code from
     * {@link AgreementLane#onMessage} ({@code "BAD_CRC (-4): message dropped: ..."}), a positive
     * {@link AgreementLane#encodeRound} result (a message length), or a number no call returns. Allocation-free for
     * the named codes; not meant for the frame path.
     *
     * @param code a value returned by a frame step or by {@code onMessage}
     * @return its name, number and meaning
     */
    public static String describe(final int code) {
        final ResultCode result = ofCode(code);
        if (result != null) {
            return result.description;
        }
        final DropReason drop = DropReason.ofCode(code);
        if (drop != null) {
            return drop.description();
        }
        return code > 0 ? code + ": a message length in bytes (encodeRound), not a status"
            : code + ": not a code this version of the library returns";
    }
}
