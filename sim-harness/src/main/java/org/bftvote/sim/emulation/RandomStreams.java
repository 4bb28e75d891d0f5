package org.bftvote.sim.emulation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * Derives the independent random streams of one run from the scenario seed and each stream's name: the stream
 * named {@code n} is seeded with {@code mix64(seed ^ mix64(fnv1a64(n)))} (FNV-1a over the name's UTF-8 bytes,
 * then SplitMix64's finaliser), so a stream depends on the seed and its own name only. Adding, removing or
 * reordering a stream changes no other stream.
 *
 * <p>Names are recorded to refuse a name used twice (two models must never share a sequence) and to list the
 * streams in the run log. Setup time only; not thread safe.
 */
public final class RandomStreams {
    private static final long FNV_OFFSET_BASIS = 0xCBF2_9CE4_8422_2325L;
    private static final long FNV_PRIME = 0x0000_0100_0000_01B3L;

    private final long seed;
    private final List<String> names = new ArrayList<>();

    /**
     * @param seed the scenario seed
     */
    public RandomStreams(final long seed) {
        this.seed = seed;
    }

    /**
     * @return the scenario seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Derives the stream of a name.
     *
     * @param name unique name of the stream, for example {@code "sensor.lane2.aoa"}
     * @return a stream that depends on the seed and this name only
     * @throws InvalidConfigException if {@code name} was used before
     */
    public SimRandom stream(final String name) {
        Require.notNull("stream name", name);
        if (names.contains(name)) {
            throw new InvalidConfigException("stream name", name, "each random stream name used once");
        }
        names.add(name);
        return new SimRandom(seedOf(seed, name));
    }

    /**
     * @return the names of the streams handed out, in the order they were requested
     */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /**
     * @param seed the run's seed
     * @param name a stream's name
     * @return the seed of that stream
     */
    static long seedOf(final long seed, final String name) {
        long hash = FNV_OFFSET_BASIS;
        for (final byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        return mix64(seed ^ mix64(hash));
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood 2014): every input bit affects every output bit. */
    private static long mix64(final long z) {
        long x = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return x ^ (x >>> 31);
    }
}
