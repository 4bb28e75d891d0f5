package org.bftvote.sim.campaign;

/**
 * One of {@code count} disjoint slices of a campaign's runs: shard {@code index} (0-based) runs the contiguous
 * block {@code [index·runs/count, (index+1)·runs/count)} of run numbers, so the slices of shards
 * {@code 0 .. count-1} are disjoint, in order, and cover every run once. {@code 0/1} is the whole campaign.
 *
 * @param index this shard, {@code 0 <= index < count}
 * @param count number of shards, &gt;= 1
 */
public record Shard(int index, int count) {
    /** The whole campaign as one shard. */
    public static final Shard WHOLE = new Shard(0, 1);

    /**
     * @param index see the record description
     * @param count see the record description
     * @throws IllegalArgumentException when they are out of range (the message says which and why)
     */
    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("the shard count must be >= 1, got " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("the shard index must be 0 to " + (count - 1) + " for " + count
                + " shards, got " + index);
        }
    }

    /**
     * Reads {@code i/N}.
     *
     * @param text the text, for example {@code 3/8}
     * @return the shard
     * @throws IllegalArgumentException when the text is not {@code i/N} with {@code 0 <= i < N}
     */
    public static Shard parse(final String text) {
        final int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("a shard is written i/N (0-based index i of N shards, e.g. 0/4), "
                + "got '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(text.substring(0, slash).trim()),
                Integer.parseInt(text.substring(slash + 1).trim()));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("a shard is written i/N with whole numbers (e.g. 0/4), got '" + text
                + "'", e);
        }
    }

    /**
     * @param runs the campaign's number of runs
     * @return the first run number of this shard's slice
     */
    public long firstRun(final long runs) {
        return index * runs / count;
    }

    /**
     * @param runs the campaign's number of runs
     * @return one past the last run number of this shard's slice
     */
    public long endRun(final long runs) {
        return (index + 1L) * runs / count;
    }

    /** @return whether this is the whole campaign ({@code 0/1}) */
    public boolean whole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
