/**
 * Scenarios: immutable records describing a simulation run (platform, duration, seed, truth models, scheduled and
 * random faults, expectations), the loader that validates them against the hardware profiles, and the catalog of
 * scenario files. Running a scenario is done elsewhere; this package only describes it.
 *
 * <p>Layer: above {@code profile}; imports only {@code yaml} and {@code profile}.
 */
package org.bftvote.sim.scenario;
