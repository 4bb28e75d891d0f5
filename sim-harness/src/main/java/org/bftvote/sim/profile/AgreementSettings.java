package org.bftvote.sim.profile;

/**
 * How the lanes of a platform reach interactive consistency on their readings.
 *
 * @param mode       the algorithm
 * @param m          number of relay rounds beyond the first (OM(m)); 0 is a single broadcast round
 * @param asymmetric omh: asymmetric (Byzantine) faults tolerated, a; for om equals m
 * @param symmetric  omh: symmetric faults tolerated, s; 0 for om
 * @param benign     omh: benign (manifest) faults tolerated, b; 0 for om
 */
public record AgreementSettings(AgreementMode mode, int m, int asymmetric, int symmetric, int benign) {
}
