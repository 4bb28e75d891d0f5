package org.bftvote.sim.emulation;

/** Seeds for the emulation's seeded tests. */
final class EmulationSeeds {
    private EmulationSeeds() {
    }

    /** Seeds for seeded cases, fixed so CI is reproducible. */
    static long[] seeds(final int count) {
        final java.util.SplittableRandom root = new java.util.SplittableRandom(0x5EED_E4A1L);
        final long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = root.nextLong();
        }
        return seeds;
    }
}
