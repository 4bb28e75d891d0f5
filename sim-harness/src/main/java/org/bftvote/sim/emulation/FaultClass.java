package org.bftvote.sim.emulation;

/** A fault's class in the hybrid fault model (Thambidurai and Park; Lincoln and Rushby). Worse classes last. */
public enum FaultClass {
    /** Every good receiver detects it by itself (missing, late, bad CRC, out of range). */
    BENIGN,
    /** Every good receiver gets the same wrong value. */
    SYMMETRIC,
    /** Receivers get different values (two-faced, Byzantine). */
    ASYMMETRIC
}
