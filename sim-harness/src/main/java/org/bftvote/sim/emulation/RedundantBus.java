package org.bftvote.sim.emulation;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * Two independent networks A and B carrying every message (AFDX / ARINC 664 redundancy): each copy meets its own
 * network's loss, delay and damage, and the receiver keeps the first valid copy ({@link DeliveryOutcome#accepted()}
 * and before the deadline); the other copy is discarded by redundancy management. With independent losses the
 * message is lost only when both copies are, so the loss rate falls to about {@code pA · pB}.
 *
 * <p>If neither copy is valid the result is LATE if a copy came late, else CORRUPTED_DETECTED if a copy came
 * damaged (its bytes are the ones left in the message), else LOST. A copy with undetected damage that arrives first
 * wins: redundancy does not mask what the check cannot see. When both copies are valid and their arrivals differ by
 * more than {@code skewMaxUs}, {@link #skewExceeded()} counts it (the second copy would reach the application if
 * the sequence-number check did not catch it).
 *
 * <p>Each network first decides its copy's fate without touching the bytes; only the kept copy's damage is then
 * applied to the message, so no second buffer is filled (the bytes end as if each network had damaged its own copy
 * and the kept one had been delivered). Allocation-free per call; not thread safe.
 */
public final class RedundantBus implements BusChannel {
    private final BusNetwork networkA;
    private final BusNetwork networkB;
    private final double skewMaxUs;
    private final int maxMessageBytes;
    private final Delivery deliveryA = new Delivery();
    private final Delivery deliveryB = new Delivery();
    private final long[] counts = new long[DeliveryOutcome.values().length];
    private long deliveries;
    private long misaddressed;
    private long skewExceeded;

    /**
     * @param networkA        network A (its own stream)
     * @param networkB        network B (its own stream)
     * @param skewMaxUs       largest accepted arrival difference between the two valid copies, finite, non-negative
     * @param maxMessageBytes largest message this bus carries, 1 to 65,536
     */
    public RedundantBus(final BusNetwork networkA, final BusNetwork networkB, final double skewMaxUs,
                        final int maxMessageBytes) {
        this.networkA = Require.notNull("networkA", networkA);
        this.networkB = Require.notNull("networkB", networkB);
        if (networkA == networkB) {
            throw new InvalidConfigException("networkB", "networkA", "two distinct networks");
        }
        this.skewMaxUs = Require.finiteNonNegative("skewMaxUs", skewMaxUs);
        this.maxMessageBytes = Require.inRange("maxMessageBytes", maxMessageBytes, 1, 65_536);
    }

    @Override
    public DeliveryOutcome deliver(final long frame, final int sender, final int receiver, final byte[] msg,
                                   final int off, final int len, final Delivery out) {
        deliveries++;
        if (msg == null || off < 0 || len < 0 || off > msg.length - len || len > maxMessageBytes) {
            misaddressed++;
            counts[DeliveryOutcome.LOST.ordinal()]++;
            out.set(DeliveryOutcome.LOST, Double.NaN, 0, Delivery.NETWORK_A);
            return DeliveryOutcome.LOST;
        }
        final DeliveryOutcome a = networkA.decide(frame, sender, receiver, msg, off, len, deliveryA);
        final DeliveryOutcome b = networkB.decide(frame, sender, receiver, msg, off, len, deliveryB);
        final boolean validA = a.accepted();
        final boolean validB = b.accepted();
        if (validA && validB && Math.abs(deliveryA.arrivalUs() - deliveryB.arrivalUs()) > skewMaxUs) {
            skewExceeded++;
        }
        final boolean takeB;
        if (validA || validB) {
            takeB = !validA || validB && deliveryB.arrivalUs() < deliveryA.arrivalUs();
        } else if (a == DeliveryOutcome.LATE || b == DeliveryOutcome.LATE) {
            takeB = a != DeliveryOutcome.LATE;
        } else {
            takeB = a != DeliveryOutcome.CORRUPTED_DETECTED && b == DeliveryOutcome.CORRUPTED_DETECTED;
        }
        if (takeB) {
            networkB.applyPendingDamage(msg, off, len);
            out.set(b, deliveryB.arrivalUs(), deliveryB.flippedBits(), Delivery.NETWORK_B);
        } else {
            networkA.applyPendingDamage(msg, off, len);
            out.copyFrom(deliveryA);
        }
        counts[out.outcome().ordinal()]++;
        return out.outcome();
    }

    /**
     * @return network A
     */
    public BusNetwork networkA() {
        return networkA;
    }

    /**
     * @return network B
     */
    public BusNetwork networkB() {
        return networkB;
    }

    /**
     * @return how often both copies were valid but arrived more than {@code skewMaxUs} apart
     */
    public long skewExceeded() {
        return skewExceeded;
    }

    @Override
    public long count(final DeliveryOutcome outcome) {
        return counts[outcome.ordinal()];
    }

    @Override
    public long deliveries() {
        return deliveries;
    }

    /** Refused here (length) plus refused by network A (lanes); B sees the same lanes as A. */
    @Override
    public long misaddressed() {
        return misaddressed + networkA.misaddressed();
    }
}
