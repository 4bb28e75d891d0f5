package org.bftvote.sim.emulation;

/**
 * The result of one {@link BusChannel#deliver} call, written into an object the caller owns and reuses.
 */
public final class Delivery {
    /** Network index when the message came over a single network or network A. */
    public static final int NETWORK_A = 0;
    /** Network index when the copy from network B was taken. */
    public static final int NETWORK_B = 1;

    private DeliveryOutcome outcome = DeliveryOutcome.LOST;
    private double arrivalUs = Double.NaN;
    private int flippedBits;
    private int network;

    /** Creates an empty result holder. */
    public Delivery() {
    }

    void set(final DeliveryOutcome newOutcome, final double newArrivalUs, final int newFlippedBits,
             final int newNetwork) {
        this.outcome = newOutcome;
        this.arrivalUs = newArrivalUs;
        this.flippedBits = newFlippedBits;
        this.network = newNetwork;
    }

    void copyFrom(final Delivery other) {
        set(other.outcome, other.arrivalUs, other.flippedBits, other.network);
    }

    /**
     * @return what happened
     */
    public DeliveryOutcome outcome() {
        return outcome;
    }

    /**
     * @return arrival time in microseconds from the round start; NaN when lost
     */
    public double arrivalUs() {
        return arrivalUs;
    }

    /**
     * @return number of bits flipped in the message bytes (0 unless corrupted or divergent)
     */
    public int flippedBits() {
        return flippedBits;
    }

    /**
     * @return {@link #NETWORK_A} or {@link #NETWORK_B}: the network whose copy is reported
     */
    public int network() {
        return network;
    }
}
