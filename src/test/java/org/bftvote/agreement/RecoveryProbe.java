package org.bftvote.agreement;

import java.lang.reflect.Field;
import java.util.Arrays;

import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;

/**
 * Reads a pipeline's whole state for recovery tests: lane health's words (through its private field, the one
 * place a test looks inside) and every manager's state words, so that "the lanes hold the same state" is checked
 * word for word, not through a digest.
 */
final class RecoveryProbe {
    private static final Field HEALTH = healthField();

    private RecoveryProbe() {
    }

    private static Field healthField() {
        try {
            final Field field = LanePipeline.class.getDeclaredField("health");
            field.setAccessible(true);
            return field;
        } catch (final NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    /** @return lane health of a pipeline */
    static LaneHealth health(final LanePipeline pipeline) {
        try {
            return (LaneHealth) HEALTH.get(pipeline);
        } catch (final IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /** @return every word of the pipeline's state: lane health's, then each manager's */
    static long[] fullState(final LanePipeline pipeline) {
        final LaneHealth health = health(pipeline);
        int words = health.stateWords();
        for (int k = 0; k < pipeline.config().signals(); k++) {
            words += pipeline.manager(k).stateWords();
        }
        final long[] state = new long[words];
        health.writeState(state, 0);
        int at = health.stateWords();
        for (int k = 0; k < pipeline.config().signals(); k++) {
            final ChannelManager manager = pipeline.manager(k);
            manager.writeState(state, at);
            at += manager.stateWords();
        }
        return state;
    }

    /**
     * @param system the lanes
     * @param lanes  the lanes compared (bit per lane)
     * @return true iff those lanes hold the same state word for word, give bit-identical outputs (value and
     *         status) and none is syncing
     */
    static boolean identical(final PipelineCluster system, final long lanes) {
        final int first = Long.numberOfTrailingZeros(lanes);
        final LanePipeline reference = system.pipeline(first);
        final long[] state = fullState(reference);
        for (long rest = lanes; rest != 0; rest &= rest - 1) {
            final LanePipeline p = system.pipeline(Long.numberOfTrailingZeros(rest));
            if (p.isSyncing() || !Arrays.equals(state, fullState(p)) || !sameOutputs(reference, p)) {
                return false;
            }
        }
        return true;
    }

    /** @return true iff every output has the same value bits and status */
    static boolean sameOutputs(final LanePipeline a, final LanePipeline b) {
        for (int k = 0; k < a.config().signals(); k++) {
            final ChannelOutput x = a.output(k);
            final ChannelOutput y = b.output(k);
            if (Double.doubleToRawLongBits(x.value()) != Double.doubleToRawLongBits(y.value())
                || x.status() != y.status()) {
                return false;
            }
        }
        return true;
    }

    /** @return true iff every output of the pipeline is marked not congruent (DIVERGED or SYNCING) or has no value */
    static boolean allFlagged(final LanePipeline p) {
        for (int k = 0; k < p.config().signals(); k++) {
            if (p.output(k).status().isCongruent() && p.output(k).status().hasValue()) {
                return false;
            }
        }
        return true;
    }
}
