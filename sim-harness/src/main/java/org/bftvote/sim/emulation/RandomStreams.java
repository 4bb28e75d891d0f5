package org.bftvote.sim.emulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * Derives the independent random streams of one run from the scenario seed. Each {@link #stream(String)} call
 * splits the root generator once, so the streams are defined by the seed <em>and the order of the calls</em>: the
 * runner must request them in a fixed order (for example truth, then sensors lane by lane and signal by signal, then
 * buses, then lane faults). Names are recorded only to refuse a name used twice and to list the order in the run log.
 *
 * <p>Setup time only; not thread safe.
 */
public final class RandomStreams {
    private final long seed;
    private final SimRandom root;
    private final List<String> names = new ArrayList<>();

    /**
     * @param seed the scenario seed
     */
    public RandomStreams(final long seed) {
        this.seed = seed;
        this.root = new SimRandom(seed);
    }

    /**
     * @return the scenario seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Splits off the next stream.
     *
     * @param name unique name of the stream, for example {@code "sensor.lane2.aoa"}
     * @return a stream independent of every other one of this run
     * @throws InvalidConfigException if {@code name} was used before
     */
    public SimRandom stream(final String name) {
        Require.notNull("stream name", name);
        if (names.contains(name)) {
            throw new InvalidConfigException("stream name", name, "each random stream name used once");
        }
        names.add(name);
        return root.split();
    }

    /**
     * @return the names of the streams handed out, in the order they were derived
     */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }
}
