package org.bftvote.testsupport;

import org.bftvote.agreement.EigPaths;
import org.bftvote.agreement.EntryStatus;

/**
 * An adversary that follows a script: one action per slot (round, receiver, tree node, signal). Used to enumerate
 * every behaviour of a faulty lane. Slots without an action get the honest entry; benign lanes send nothing.
 */
public final class ScriptedAdversary implements EntryAdversary {
    /** Send what a healthy lane would send. */
    public static final int HONEST = -1;
    /** Send nothing. */
    public static final int NOTHING = -2;
    /** Send the relayed-error token (depth round - 1 in OMH; 0, the default token, in OM). */
    public static final int TOKEN = -3;

    private final int lanes;
    private final int nodes;
    private final int signals;
    private final boolean hybrid;
    private final int[] action;

    /**
     * @param paths   the tree numbering
     * @param signals K
     * @param hybrid  true for the corrected hybrid algorithm (decides the token's word)
     */
    public ScriptedAdversary(final EigPaths paths, final int signals, final boolean hybrid) {
        this.lanes = paths.lanes();
        this.nodes = paths.count();
        this.signals = signals;
        this.hybrid = hybrid;
        this.action = new int[(paths.m() + 1) * lanes * nodes * signals];
        java.util.Arrays.fill(action, HONEST);
    }

    /**
     * @param round    round
     * @param receiver receiver
     * @param path     tree node
     * @param signal   signal
     * @return the slot key
     */
    public int key(final int round, final int receiver, final int path, final int signal) {
        return (((round - 1) * lanes + receiver) * nodes + path) * signals + signal;
    }

    /**
     * @param key    a slot key
     * @param choice a word (&gt;= 0, sent as a value) or {@link #HONEST}, {@link #NOTHING}, {@link #TOKEN}
     */
    public void set(final int key, final int choice) {
        action[key] = choice;
    }

    /** Resets every slot to {@link #HONEST}. */
    public void clear() {
        java.util.Arrays.fill(action, HONEST);
    }

    /**
     * Every slot the emit rule gives {@code sender}, as keys of a script built for the same tree.
     *
     * @param paths   the tree numbering
     * @param signals K
     * @param sender  a lane
     * @param only    if &gt;= 0, only the slots of this source's tree
     * @return the keys, in round, receiver, node, signal order
     */
    public int[] slotsOf(final EigPaths paths, final int signals, final int sender, final int only) {
        final java.util.List<Integer> keys = new java.util.ArrayList<>();
        for (int round = 1; round <= paths.m() + 1; round++) {
            for (int receiver = 0; receiver < lanes; receiver++) {
                if (receiver == sender) {
                    continue;
                }
                for (int path = paths.levelStart(round); path < paths.levelEnd(round); path++) {
                    if (paths.last(path) != sender || paths.contains(path, receiver)
                        || (only >= 0 && paths.source(path) != only)) {
                        continue;
                    }
                    for (int signal = 0; signal < signals; signal++) {
                        keys.add(key(round, receiver, path, signal));
                    }
                }
            }
        }
        return keys.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void beginFrame(final long frame) {
        // The script does not change with the frame.
    }

    @Override
    public boolean entry(final int round, final int sender, final FaultKind kind, final int receiver,
                         final int pathIndex, final int signal, final long honestWord, final byte honestStatus,
                         final boolean honestSent, final Out out) {
        if (kind == FaultKind.BENIGN) {
            return false;
        }
        final int choice = action[key(round, receiver, pathIndex, signal)];
        if (choice == HONEST) {
            return honestSent && out.set(honestWord, honestStatus);
        } else if (choice == NOTHING) {
            return false;
        } else if (choice == TOKEN) {
            return out.set(hybrid ? round - 1 : 0, EntryStatus.RELAYED_ERROR);
        }
        return out.set(choice, EntryStatus.VALUE);
    }
}
