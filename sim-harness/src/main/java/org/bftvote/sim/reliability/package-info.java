/**
 * Reliability estimates per flight hour: how often the healthy lanes of a platform lose agreement, present an
 * output outside the healthy channels' range as valid, or lose a signal, from the profiles' failure rates, with
 * 95 % confidence intervals. Importance sampling with forced transitions and failure biasing draws rare fault
 * combinations often and weights them back by their likelihood ratio; the simulator judges each combination. A
 * Markov model of the same redundancy (coverage measured by the simulator) and plain Monte Carlo at inflated rates
 * check the estimate.
 *
 * <p>Layer: above {@code execution}, beside {@code campaign}, {@code hil} and {@code demo} (none imports another);
 * only {@code cli} imports it.
 */
package org.bftvote.sim.reliability;
