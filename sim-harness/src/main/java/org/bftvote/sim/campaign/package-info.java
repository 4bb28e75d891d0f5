/**
 * Fault-injection campaigns: one scenario run many times with seeds derived from one base seed, optionally with
 * random faults drawn from the profiles' rates, aggregated into {@code campaign.csv} and {@code campaign.json}.
 */
package org.bftvote.sim.campaign;
