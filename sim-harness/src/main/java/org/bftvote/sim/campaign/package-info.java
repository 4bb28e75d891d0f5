/**
 * Fault-injection campaigns: one scenario run many times with seeds derived from one base seed, optionally with
 * random faults drawn from the profiles' rates, aggregated into {@code campaign.csv} and {@code campaign.json}.
 *
 * <p>Layer: above {@code execution}, beside {@code reliability}, {@code hil} and {@code demo} (none imports another);
 * only {@code cli} imports it.
 */
package org.bftvote.sim.campaign;
