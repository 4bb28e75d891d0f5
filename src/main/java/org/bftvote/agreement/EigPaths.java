package org.bftvote.agreement;

import org.bftvote.InvalidConfigException;

/**
 * Numbering of the nodes of an exponential-information-gathering (EIG) tree: every sequence of distinct lanes of
 * length 1 to m + 1. The first lane of a path is the source whose value the tree carries, the last lane is the lane
 * that relayed the entry. Path {@code (s)} holds what source s sent in round 1; path {@code σ·i} holds what lane i
 * relayed in round {@code |σ| + 1} about node {@code σ}.
 *
 * <p>Nodes are numbered level by level: first the n paths of length 1 (index = source lane), then all paths of
 * length 2, and so on; inside a level, in order of the parent's index, then of the appended lane. Hence every
 * node's index is larger than its parent's, and the paths of one length form the index range
 * {@link #levelStart(int)} to {@link #levelEnd(int)}. All lanes of every engine number paths the same way.
 *
 * <p>Count: {@code n · Σ_{l=0..m} (n-1)(n-2)…(n-l)}; for n = 4, m = 1 it is 16, for n = 7, m = 2 it is 259.
 *
 * <p>Footprint: four int arrays and one long array of {@link #count()} entries, one int array of
 * {@code count · n} entries. Lookups allocate nothing. Immutable, thread safe.
 */
public final class EigPaths {
    /** Largest number of lanes (paths are held as 64-bit lane masks). */
    public static final int MAX_LANES = 64;
    /** Largest number of tree nodes accepted. */
    public static final int MAX_NODES = 1 << 16;

    private final int lanes;
    private final int m;
    private final int count;
    private final int[] parent;
    private final int[] last;
    private final int[] length;
    private final int[] source;
    private final long[] mask;
    private final int[] children;
    private final int[] levelStart;

    /**
     * @param lanes n, 1 to {@link #MAX_LANES}
     * @param m     the round parameter, 0 to n - 1; paths are 1 to m + 1 lanes long
     * @throws InvalidConfigException if n or m is out of range or the tree exceeds {@link #MAX_NODES} nodes
     */
    public EigPaths(final int lanes, final int m) {
        this.lanes = org.bftvote.Require.inRange("n", lanes, 1, MAX_LANES);
        this.m = org.bftvote.Require.inRange("m", m, 0, lanes - 1);
        final long total = nodeCount(lanes, m);
        if (total > MAX_NODES) {
            throw new InvalidConfigException("n, m", "(" + lanes + ", " + m + ")",
                "EIG tree nodes <= " + MAX_NODES + " (this tree has " + total + ")");
        }
        this.count = (int) total;
        this.parent = new int[count];
        this.last = new int[count];
        this.length = new int[count];
        this.source = new int[count];
        this.mask = new long[count];
        this.children = new int[count * lanes];
        this.levelStart = new int[m + 3];
        java.util.Arrays.fill(children, -1);
        build();
    }

    /**
     * @param lanes n
     * @param m     the round parameter
     * @return the number of paths of distinct lanes of length 1 to m + 1 (may exceed {@code int})
     */
    public static long nodeCount(final int lanes, final int m) {
        long total = 0;
        long level = lanes;
        for (int depth = 1; depth <= m + 1; depth++) {
            total += level;
            level *= Math.max(0, lanes - depth);
        }
        return total;
    }

    private void build() {
        int next = 0;
        levelStart[1] = 0;
        for (int lane = 0; lane < lanes; lane++) {
            parent[next] = -1;
            last[next] = lane;
            length[next] = 1;
            source[next] = lane;
            mask[next] = 1L << lane;
            next++;
        }
        for (int depth = 2; depth <= m + 1; depth++) {
            levelStart[depth] = next;
            for (int p = levelStart[depth - 1]; p < levelStart[depth]; p++) {
                for (int lane = 0; lane < lanes; lane++) {
                    if ((mask[p] & (1L << lane)) != 0) {
                        continue;
                    }
                    parent[next] = p;
                    last[next] = lane;
                    length[next] = depth;
                    source[next] = source[p];
                    mask[next] = mask[p] | (1L << lane);
                    children[p * lanes + lane] = next;
                    next++;
                }
            }
        }
        levelStart[m + 2] = next;
    }

    /**
     * @return n, the number of lanes
     */
    public int lanes() {
        return lanes;
    }

    /**
     * @return m; the deepest paths have m + 1 lanes
     */
    public int m() {
        return m;
    }

    /**
     * @return the number of nodes
     */
    public int count() {
        return count;
    }

    /**
     * @param depth path length, 1 to m + 1
     * @return index of the first path of that length
     */
    public int levelStart(final int depth) {
        return levelStart[depth];
    }

    /**
     * @param depth path length, 1 to m + 1
     * @return one past the index of the last path of that length
     */
    public int levelEnd(final int depth) {
        return levelStart[depth + 1];
    }

    /**
     * @param pathIndex a node
     * @return its number of lanes, 1 to m + 1
     */
    public int length(final int pathIndex) {
        return length[pathIndex];
    }

    /**
     * @param pathIndex a node
     * @param position  0 (the source) to {@code length - 1} (the last relay)
     * @return the lane at that position
     */
    public int lane(final int pathIndex, final int position) {
        int node = pathIndex;
        for (int i = length[pathIndex] - 1; i > position; i--) {
            node = parent[node];
        }
        return last[node];
    }

    /**
     * @param pathIndex a node
     * @return its last lane (the lane that relayed this entry; the source for length 1)
     */
    public int last(final int pathIndex) {
        return last[pathIndex];
    }

    /**
     * @param pathIndex a node
     * @return its first lane, the source
     */
    public int source(final int pathIndex) {
        return source[pathIndex];
    }

    /**
     * @param pathIndex a node
     * @return its parent, or -1 for a path of length 1
     */
    public int parent(final int pathIndex) {
        return parent[pathIndex];
    }

    /**
     * @param pathIndex a node
     * @param lane      a lane
     * @return the node {@code path·lane}, or -1 if the lane is already on the path or the path is at full depth
     */
    public int child(final int pathIndex, final int lane) {
        return children[pathIndex * lanes + lane];
    }

    /**
     * @param pathIndex a node
     * @param lane      a lane
     * @return true if the lane is on the path
     */
    public boolean contains(final int pathIndex, final int lane) {
        return (mask[pathIndex] & (1L << lane)) != 0;
    }

    /**
     * @param pathIndex a node
     * @return the set of lanes on the path, bit i for lane i
     */
    public long laneMask(final int pathIndex) {
        return mask[pathIndex];
    }

    /**
     * @param pathIndex a node
     * @return the path as text, for example {@code "(2·0·3)"}; allocates, for diagnostics only
     */
    public String describe(final int pathIndex) {
        final StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < length[pathIndex]; i++) {
            if (i > 0) {
                text.append('·');
            }
            text.append(lane(pathIndex, i));
        }
        return text.append(')').toString();
    }
}
