/**
 * Voters over redundant channels: mid-value select, fault-tolerant midpoint and mean, interval fusion, exact and
 * bitwise majority.
 *
 * <p>Footprint: each voter allocates its scratch arrays once, sized by the maximum channel count given when it is
 * built. Voting allocates nothing, logs nothing and reads no clock; results go into caller-owned, reusable result
 * objects ({@link org.bftvote.vote.VoteResult}, {@link org.bftvote.vote.DiscreteVoteResult}).
 */
package org.bftvote.vote;
