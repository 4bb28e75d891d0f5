package org.bftvote.sim.reliability;

import org.bftvote.sim.yaml.ProfileException;

/**
 * Judges what a flight's faults lead to. The estimators ask it once per sample; it must be a function of the
 * sequence and the seed (so results do not depend on threads) and safe to call from several threads at once.
 */
@FunctionalInterface
public interface ConsequenceOracle {
    /**
     * @param sequence the faults, at least one
     * @param seed     seed of every other random choice (noise, buses)
     * @return what they led to
     * @throws ProfileException if the platform asks for a configuration the library refuses
     */
    Outcome judge(FaultSequence sequence, long seed) throws ProfileException;
}
