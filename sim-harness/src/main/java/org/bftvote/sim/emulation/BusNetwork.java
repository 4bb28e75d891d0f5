package org.bftvote.sim.emulation;

import java.util.List;

import org.bftvote.Require;

/**
 * One bus network between {@code lanes} lanes, following a {@link BusSpec}.
 *
 * <p>Per call, in this order: the Gilbert–Elliott state of the directed link (sender, receiver) decides loss, then
 * moves (each link has its own state, started from the stationary distribution, stepping once per message on that
 * link); the arrival time is drawn (see {@link BusScheduling}); duplication; corruption (probability
 * {@code 1 − (1 − BER)^(8·len)}, then detected with probability {@code detectionCoverage}); the marginal-transmitter
 * draw. Exactly nine draws per call, whatever the outcome. Precedence when several apply: LOST, LATE, DIVERGENT,
 * CORRUPTED_DETECTED / CORRUPTED_UNDETECTED, DUPLICATED, DELIVERED. A message from a lane to itself is
 * {@link DeliveryOutcome#DELIVERED} at time 0 with no draw (it never leaves the lane).
 *
 * <p>Corruption and divergence flip one to three distinct bits; CRC-32C and the other checks named in the domain
 * notes detect every such pattern, so {@code CORRUPTED_DETECTED} is caught by the decoder without further help.
 *
 * <p>Footprint: one state flag per directed link. Allocation-free per call; not thread safe.
 */
public final class BusNetwork implements BusChannel {
    private static final int OUTCOMES = DeliveryOutcome.values().length;
    /** Slots of the corruption-probability cache, a power of two (each round of a frame has its own length). */
    private static final int LENGTH_CACHE = 16;

    private final BusSpec spec;
    private final int lanes;
    private final SimRandom random;
    private final boolean[] bad;
    private final MarginalTransmitter[] marginal;
    private final long[] counts = new long[OUTCOMES];
    private long deliveries;
    private long misaddressed;
    private final double logIntactBit;
    private final int[] cachedLength = new int[LENGTH_CACHE];
    private final double[] cachedCorruption = new double[LENGTH_CACHE];
    /** Damage decided by the last {@link #decide} and not yet applied: its seed and bit count (0: none). */
    private long pendingSeed;
    private int pendingBits;

    /**
     * @param spec     the network
     * @param lanes    number of lanes on it, 1 to 64
     * @param marginal marginal transmitters (may be empty)
     * @param random   the network's stream
     */
    public BusNetwork(final BusSpec spec, final int lanes, final List<MarginalTransmitter> marginal,
                      final SimRandom random) {
        this.spec = Require.notNull("bus spec", spec);
        this.lanes = Require.inRange("lanes", lanes, 1, 64);
        this.marginal = Require.notNull("marginal transmitters", marginal).toArray(new MarginalTransmitter[0]);
        this.random = Require.notNull("random", random);
        this.bad = new boolean[lanes * lanes];
        final LossSpec loss = spec.loss();
        final double sum = loss.p() + loss.r();
        final double stationaryBad = sum > 0.0 ? loss.p() / sum : 0.0;
        for (int i = 0; i < bad.length; i++) {
            bad[i] = random.chance(stationaryBad);
        }
        this.logIntactBit = StrictMath.log1p(-spec.bitErrorRate());
        java.util.Arrays.fill(cachedLength, -1);
    }

    /**
     * @return the spec of this network
     */
    public BusSpec spec() {
        return spec;
    }

    @Override
    public DeliveryOutcome deliver(final long frame, final int sender, final int receiver, final byte[] msg,
                                   final int off, final int len, final Delivery out) {
        final DeliveryOutcome outcome = decide(frame, sender, receiver, msg, off, len, out);
        applyPendingDamage(msg, off, len);
        return outcome;
    }

    /**
     * Everything {@link #deliver} does (same draws, counts and outcome in {@code out}) except flipping the bits: a
     * damaged outcome leaves its damage pending for {@link #applyPendingDamage}, so a caller that may discard this
     * copy need not copy the message first. The number of flipped bits does not depend on the bytes, so the outcome
     * is the one {@link #deliver} would give.
     */
    DeliveryOutcome decide(final long frame, final int sender, final int receiver, final byte[] msg,
                           final int off, final int len, final Delivery out) {
        pendingBits = 0;
        deliveries++;
        if (sender < 0 || sender >= lanes || receiver < 0 || receiver >= lanes || msg == null || off < 0
            || len < 0 || off > msg.length - len) {
            misaddressed++;
            return finish(out, DeliveryOutcome.LOST, Double.NaN, 0);
        }
        if (sender == receiver) {
            return finish(out, DeliveryOutcome.DELIVERED, 0.0, 0);
        }
        final LossSpec loss = spec.loss();
        final int link = sender * lanes + receiver;
        final boolean linkBad = bad[link];
        final boolean lost = random.nextDouble() >= (linkBad ? loss.h() : loss.k());
        final double move = random.nextDouble();
        bad[link] = linkBad ? move >= loss.r() : move < loss.p();

        // The spread is drawn under both schedulings so the draw count per call stays fixed.
        final double spread = random.nextDouble();
        final double base = spec.scheduling() == BusScheduling.TIME_TRIGGERED
            ? sender * spec.slotUs() + spec.latencyMinUs()
            : spec.latencyMinUs() + spread * (spec.latencyMaxUs() - spec.latencyMinUs());
        final double arrival = Math.max(0.0, base + random.uniform(-spec.jitterUs(), spec.jitterUs()));
        final boolean duplicated = random.chance(spec.duplicationProbability());
        final boolean corrupted = random.chance(corruptionProbability(len));
        final boolean detected = random.chance(spec.detectionCoverage());
        final boolean divergent = random.chance(marginalProbability(frame, sender));
        final long damageSeed = random.nextLong();

        if (lost) {
            return finish(out, DeliveryOutcome.LOST, Double.NaN, 0);
        }
        if (arrival > spec.deadlineUs()) {
            return finish(out, DeliveryOutcome.LATE, arrival, 0);
        }
        if (divergent || corrupted) {
            // flipBits flips min(requested, 8·len) bits of a non-empty message, whatever its bytes
            final int bits = len > 0 ? 1 + (int) Long.remainderUnsigned(damageSeed >>> 32, 3) : 0;
            if (bits > 0) {
                pendingSeed = damageSeed;
                pendingBits = bits;
                final DeliveryOutcome damaged = divergent ? DeliveryOutcome.DIVERGENT
                    : detected ? DeliveryOutcome.CORRUPTED_DETECTED : DeliveryOutcome.CORRUPTED_UNDETECTED;
                return finish(out, damaged, arrival, bits);
            }
        }
        return finish(out, duplicated ? DeliveryOutcome.DUPLICATED : DeliveryOutcome.DELIVERED, arrival, 0);
    }

    /**
     * Flips the bits of the damage the last {@link #decide} left pending (nothing if it left none), once.
     *
     * @param msg the message as given to {@link #decide} or an unchanged copy of it
     * @param off offset given to {@link #decide}
     * @param len length given to {@link #decide}
     */
    void applyPendingDamage(final byte[] msg, final int off, final int len) {
        if (pendingBits > 0) {
            ByteCorruption.flipBits(pendingSeed, msg, off, len, pendingBits);
            pendingBits = 0;
        }
    }

    private DeliveryOutcome finish(final Delivery out, final DeliveryOutcome outcome, final double arrival,
                                   final int bits) {
        counts[outcome.ordinal()]++;
        out.set(outcome, arrival, bits, Delivery.NETWORK_A);
        return outcome;
    }

    /** Cached per length: messages of different lengths alternate, and the exponential is costly. */
    private double corruptionProbability(final int len) {
        final int slot = len & (LENGTH_CACHE - 1);
        if (cachedLength[slot] != len) {
            cachedLength[slot] = len;
            cachedCorruption[slot] = -StrictMath.expm1(8.0 * len * logIntactBit);
        }
        return cachedCorruption[slot];
    }

    private double marginalProbability(final long frame, final int sender) {
        for (final MarginalTransmitter m : marginal) {
            if (m.lane() == sender && frame >= m.onsetFrame() && frame < m.endFrame()) {
                return m.probability();
            }
        }
        return 0.0;
    }

    /**
     * @param sender   sending lane
     * @param receiver receiving lane
     * @return whether that link's Gilbert–Elliott state is currently bad
     */
    public boolean linkBad(final int sender, final int receiver) {
        return bad[sender * lanes + receiver];
    }

    @Override
    public long count(final DeliveryOutcome outcome) {
        return counts[outcome.ordinal()];
    }

    @Override
    public long deliveries() {
        return deliveries;
    }

    @Override
    public long misaddressed() {
        return misaddressed;
    }
}
