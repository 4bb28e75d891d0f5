package org.bftvote.sim.hil;

/**
 * A fault the rig does to a lane process: stop it with {@code SIGSTOP} for a while and let it go on with
 * {@code SIGCONT}, or kill it with {@code SIGKILL} and, optionally, start it again as a new process that joins the
 * running session. Times are frames of the session.
 *
 * @param kind       what is done
 * @param lane       the lane
 * @param frame      the frame before whose start it happens
 * @param afterFrames STALL: frames until {@code SIGCONT}; KILL: frames until the restart, or -1 for none
 */
public record ProcessFault(Kind kind, int lane, long frame, long afterFrames) {
    /** What the rig does. */
    public enum Kind {
        /** SIGSTOP, then SIGCONT. */
        STALL,
        /** SIGKILL, then maybe a new process. */
        KILL
    }

    /** @return the first frame after the fault's own span: the SIGCONT or the restart; MAX_VALUE for never */
    long endFrame() {
        return afterFrames < 0 ? Long.MAX_VALUE : frame + afterFrames;
    }

    /** @return whether the lane is stopped, dead or not yet restarted at {@code f} */
    boolean activeAt(final long f) {
        return f >= frame && f < endFrame();
    }

    /**
     * Parses {@code LANE:AT_S:SECONDS} ({@code SECONDS} optional for a kill without restart).
     *
     * @param text        the option's value
     * @param kind        the kind
     * @param frameRateHz frames per second
     * @param lanes       n
     * @return the fault
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ProcessFault parse(final String text, final Kind kind, final double frameRateHz, final int lanes) {
        final String[] parts = text.split(":");
        final String form = kind == Kind.STALL ? "LANE:AT_S:DURATION_S" : "LANE:AT_S[:RESTART_AFTER_S]";
        if (parts.length < (kind == Kind.STALL ? 3 : 2) || parts.length > 3) {
            throw new IllegalArgumentException("expected " + form + ", got '" + text + "'");
        }
        final int lane;
        final double at;
        final double after;
        try {
            lane = Integer.parseInt(parts[0].trim());
            at = Double.parseDouble(parts[1].trim());
            after = parts.length == 3 ? Double.parseDouble(parts[2].trim()) : -1.0;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("expected " + form + " with numbers, got '" + text + "'", e);
        }
        if (lane < 0 || lane >= lanes) {
            throw new IllegalArgumentException("lane must be in 0.." + (lanes - 1) + ", got " + lane + " in '" + text
                + "'");
        }
        if (!(at >= 0 && Double.isFinite(at)) || parts.length == 3 && !(after > 0 && Double.isFinite(after))) {
            throw new IllegalArgumentException("times must be finite, AT_S >= 0 and the duration > 0, got '" + text
                + "'");
        }
        final long frames = parts.length == 3 ? Math.max(1L, Math.round(after * frameRateHz)) : -1L;
        return new ProcessFault(kind, lane, Math.round(at * frameRateHz), frames);
    }
}
