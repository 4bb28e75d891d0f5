package org.bftvote.sim.profile;

/**
 * Bit errors on a bus and how many of the corrupted frames its error detection lets through.
 *
 * @param bitErrorRate               probability that one bit is received flipped, 0 to 1
 * @param detection                  the error detection the receiver applies
 * @param detectsAllUpToBits         every error pattern of at most this many flipped bits is detected (Hamming
 *                                   distance minus one); 0 when not even single flips are guaranteed
 * @param undetectedFraction         fraction of corrupted frames accepted as valid, under the error pattern the
 *                                   profile's comment states, 0 to 1
 */
public record ErrorModel(double bitErrorRate, ErrorDetection detection, int detectsAllUpToBits,
                         double undetectedFraction) {
}
