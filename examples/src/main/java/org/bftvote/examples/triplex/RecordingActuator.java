package org.bftvote.examples.triplex;

/** Counts what was commanded and how far each command was from the truth. Stands in for the embedder's output. */
public final class RecordingActuator implements TriplexVoting.Actuator {
    private final SimulatedVanes vanes;
    private long commanded;
    private long failSafes;
    private double worstDistance;

    /** @param vanes the simulated vanes, for the truth of each frame */
    public RecordingActuator(final SimulatedVanes vanes) {
        this.vanes = vanes;
    }

    @Override
    public void command(final double angle) {
        commanded++;
        // Healthy vanes read the truth ± about 0.2° (4σ); the voted value must stay in that band.
        worstDistance = Math.max(worstDistance, Math.abs(angle - vanes.truth()));
    }

    @Override
    public void failSafe() {
        failSafes++;
    }

    /** @return frames with a commanded value */
    public long commanded() {
        return commanded;
    }

    /** @return frames that went fail-safe */
    public long failSafes() {
        return failSafes;
    }

    /** @return the largest |commanded − truth| seen, degrees */
    public double worstDistance() {
        return worstDistance;
    }
}
