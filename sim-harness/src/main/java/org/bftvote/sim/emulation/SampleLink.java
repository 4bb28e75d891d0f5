package org.bftvote.sim.emulation;

import org.bftvote.Require;

/**
 * One point-to-point link of a sensor bus — one sensor unit to one lane — sample by sample. It emulates the same
 * process as {@link BusNetwork} does for one directed link: the loss model (independent, or Gilbert–Elliott with
 * the link's state carried from sample to sample, starting in its stationary state), lateness (transfer time plus
 * jitter past the deadline), bit errors on the payload bytes (each corrupted sample gets 1 to 3 flipped bits) and the
 * share of corruptions the bus's checks catch. Duplicates are not modelled (a repeated sample changes nothing).
 *
 * <p>Why not a {@code BusNetwork}: a platform sends dozens of samples a frame, nearly all of which arrive intact, and a
 * network draws nine random numbers for every message so that its draw count stays fixed. This link draws only on
 * the samples where something happens. In the good state the samples up to the next eventful one are counted down
 * from a geometric draw: each sample is quiet (delivered, no state change) with probability
 * {@code e0 = k (1 - p)(1 - late)(1 - c)}, independently, so the number of quiet samples before the next eventful
 * one is geometric with parameter {@code 1 - e0}. On the eventful sample the four events (loss, move to the bad
 * state, late, corrupted) are drawn in turn, each conditioned on at least one of it and the later ones occurring as
 * long as none has occurred yet, which gives exactly their joint law given that at least one occurs. In the bad
 * state (short bursts) every sample draws its events directly. So the outcomes have the same distribution as drawing
 * every event for every sample, for a countdown decrement per quiet sample. Not thread safe; allocates nothing.
 */
public final class SampleLink {
    private static final int EVENTS = 4;

    private final SimRandom random;
    private final double deliverGood;
    private final double deliverBad;
    private final double toBad;
    private final double toGood;
    private final double late;
    private final double corrupt;
    private final double detect;
    /** The good state's four event probabilities (loss, to bad, late, corrupted) and their tails (see the class). */
    private final double[] probability = new double[EVENTS];
    private final double[] tail = new double[EVENTS + 1];
    private final double logQuiet;
    private final boolean[] occurs = new boolean[EVENTS];

    private boolean bad;
    private long quietLeft = -1;
    private long pendingSeed;
    private int pendingBits;

    /**
     * @param spec         the bus network the link belongs to (periodic timing is assumed for lateness)
     * @param payloadBytes bytes of one sample on the bus, for the chance that bit errors touch it
     * @param random       the link's stream
     */
    public SampleLink(final BusSpec spec, final int payloadBytes, final SimRandom random) {
        Require.notNull("bus spec", spec);
        Require.inRange("payload bytes", payloadBytes, 1, 1 << 20);
        this.random = Require.notNull("random", random);
        final LossSpec loss = spec.loss();
        this.deliverGood = loss.k();
        this.deliverBad = loss.h();
        this.toBad = loss.p();
        this.toGood = loss.r();
        this.late = lateProbability(spec);
        this.corrupt = -StrictMath.expm1(8.0 * payloadBytes * StrictMath.log1p(-spec.bitErrorRate()));
        this.detect = spec.detectionCoverage();
        probability[0] = 1.0 - deliverGood;
        probability[1] = toBad;
        probability[2] = late;
        probability[3] = corrupt;
        // tail[i] = P(at least one of events i..3), from the sum of log1p terms (no cancellation for tiny rates).
        double logNone = 0.0;
        tail[EVENTS] = 0.0;
        for (int i = EVENTS - 1; i >= 0; i--) {
            logNone += StrictMath.log1p(-probability[i]);
            tail[i] = -StrictMath.expm1(logNone);
        }
        // log of the chance that a good-state sample is quiet; -infinity if none is (then every sample is eventful).
        this.logQuiet = logNone;
        final double sum = toBad + toGood;
        this.bad = random.chance(sum > 0.0 ? toBad / sum : 0.0);
    }

    /**
     * Sends one sample: decides what happens to it. For a corruption, {@link #damage} then flips the bits in the
     * sample's bytes (so a caller whose sample arrives intact never has to lay out its bytes).
     *
     * @return {@link DeliveryOutcome#DELIVERED}, {@link DeliveryOutcome#LOST}, {@link DeliveryOutcome#LATE},
     *         {@link DeliveryOutcome#CORRUPTED_DETECTED} or {@link DeliveryOutcome#CORRUPTED_UNDETECTED}
     */
    public DeliveryOutcome send() {
        pendingBits = 0;
        if (!bad) {
            if (quietLeft < 0) {
                quietLeft = quietSamples();
            }
            if (quietLeft > 0) {
                quietLeft--;
                return DeliveryOutcome.DELIVERED;
            }
            // The eventful sample: draw its events given that at least one occurs.
            boolean needed = true;
            for (int i = 0; i < EVENTS; i++) {
                final double chance = needed ? probability[i] / tail[i] : probability[i];
                occurs[i] = random.nextDouble() < chance;
                needed &= !occurs[i];
            }
            quietLeft = -1;
            bad = occurs[1];
            return outcome(occurs[0], occurs[2], occurs[3]);
        }
        final boolean lost = random.nextDouble() >= deliverBad;
        bad = random.nextDouble() >= toGood;
        final boolean isLate = random.nextDouble() < late;
        final boolean corrupted = random.nextDouble() < corrupt;
        return outcome(lost, isLate, corrupted);
    }

    /**
     * Flips the bits the last {@link #send} decided on, if it was a corruption (1 to 3 bits, from its seed, within
     * the given bytes); otherwise does nothing.
     *
     * @param payload the sample's bytes
     * @param off     first byte
     * @param len     bytes
     */
    public void damage(final byte[] payload, final int off, final int len) {
        if (pendingBits > 0) {
            ByteCorruption.flipBits(pendingSeed, payload, off, len, pendingBits);
        }
    }

    private DeliveryOutcome outcome(final boolean lost, final boolean isLate, final boolean corrupted) {
        if (lost) {
            return DeliveryOutcome.LOST;
        }
        if (isLate) {
            return DeliveryOutcome.LATE;
        }
        if (!corrupted) {
            return DeliveryOutcome.DELIVERED;
        }
        final boolean detected = random.nextDouble() < detect;
        pendingSeed = random.nextLong();
        pendingBits = 1 + (int) Long.remainderUnsigned(pendingSeed >>> 32, 3);
        return detected ? DeliveryOutcome.CORRUPTED_DETECTED : DeliveryOutcome.CORRUPTED_UNDETECTED;
    }

    /** Quiet good-state samples before the next eventful one: geometric, from one draw. */
    private long quietSamples() {
        if (tail[0] <= 0.0) {
            return Long.MAX_VALUE;
        }
        if (tail[0] >= 1.0) {
            return 0L;
        }
        final double u = 1.0 - random.nextDouble();
        final double n = Math.floor(StrictMath.log(u) / logQuiet);
        return n >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) n;
    }

    /**
     * The chance that a sample arrives after the deadline: transfer time uniform in [latencyMin, latencyMax] plus
     * jitter uniform in [-jitter, +jitter], as {@link BusNetwork} draws them for periodic scheduling.
     *
     * @param spec the bus network
     * @return P(latency + jitter &gt; deadline)
     */
    static double lateProbability(final BusSpec spec) {
        final double span = spec.latencyMaxUs() - spec.latencyMinUs();
        final double jitter = spec.jitterUs();
        final double t = spec.deadlineUs() - spec.latencyMinUs();
        final double atMost;
        if (span == 0.0 && jitter == 0.0) {
            atMost = t >= 0.0 ? 1.0 : 0.0;
        } else if (jitter == 0.0) {
            atMost = Math.min(1.0, Math.max(0.0, t / span));
        } else if (span == 0.0) {
            atMost = Math.min(1.0, Math.max(0.0, (t + jitter) / (2.0 * jitter)));
        } else {
            // X ~ U(0, span), Y ~ U(-jitter, jitter): P(X + Y <= t) = (C(t + jitter) - C(t - jitter)) / (2 span jitter)
            // with C the antiderivative of clamp(s, 0, span).
            atMost = Math.min(1.0, Math.max(0.0,
                (clampIntegral(t + jitter, span) - clampIntegral(t - jitter, span)) / (2.0 * span * jitter)));
        }
        return 1.0 - atMost;
    }

    /** The integral of clamp(s, 0, span) for s from 0 to x (0 for x below 0). */
    private static double clampIntegral(final double x, final double span) {
        if (x <= 0.0) {
            return 0.0;
        }
        if (x <= span) {
            return x * x / 2.0;
        }
        return span * span / 2.0 + span * (x - span);
    }
}
