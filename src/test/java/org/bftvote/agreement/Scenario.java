package org.bftvote.agreement;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.bftvote.testsupport.AgreementChecker;
import org.bftvote.testsupport.EntryAdversary;
import org.bftvote.testsupport.FaultKind;
import org.bftvote.testsupport.SyncRoundSimulator;

/** A simulated group of lanes for one configuration, with reusable input arrays. Test support for this package. */
final class Scenario {
    final AgreementConfig config;
    final EigEngine[] engines;
    final FaultKind[] kinds;
    final long[][] inputs;
    final byte[][] inputStatus;
    final SyncRoundSimulator sim;

    Scenario(final AgreementConfig config, final EntryAdversary adversary) {
        this(config, adversary, EigEngine.Variant.CORRECTED);
    }

    Scenario(final AgreementConfig config, final EntryAdversary adversary, final EigEngine.Variant variant) {
        this.config = config;
        final int n = config.lanes();
        this.engines = new EigEngine[n];
        for (int lane = 0; lane < n; lane++) {
            engines[lane] = new EigEngine(config, lane, variant);
        }
        this.kinds = new FaultKind[n];
        Arrays.fill(kinds, FaultKind.HEALTHY);
        this.inputs = new long[n][config.signals()];
        this.inputStatus = new byte[n][config.signals()];
        this.sim = new SyncRoundSimulator(engines, kinds, adversary);
    }

    /** Runs one frame and returns the first violation, or null. */
    String run(final long frame) {
        sim.runFrame(frame, inputs, inputStatus);
        return AgreementChecker.check(sim, inputs, inputStatus);
    }

    /** Random readings from {0 .. domain-1}, about one in ten missing. */
    void randomInputs(final SplittableRandom random, final int domain) {
        for (int lane = 0; lane < inputs.length; lane++) {
            for (int signal = 0; signal < inputs[lane].length; signal++) {
                inputs[lane][signal] = random.nextInt(domain);
                inputStatus[lane][signal] = random.nextInt(10) == 0 ? EntryStatus.MISSING : EntryStatus.VALUE;
            }
        }
    }

    /**
     * Marks random lanes faulty within a random budget at most one of {@code budgets} (or a random smaller one),
     * skipping lanes in {@code skipMask}.
     */
    void randomFaults(final SplittableRandom random, final List<FaultBudget> budgets, final long skipMask) {
        for (int lane = 0; lane < kinds.length; lane++) {
            if ((skipMask >>> lane & 1L) == 0) {
                kinds[lane] = FaultKind.HEALTHY;
            }
        }
        if (budgets.isEmpty()) {
            return;
        }
        final FaultBudget max = budgets.get(random.nextInt(budgets.size()));
        final boolean full = random.nextInt(4) != 0;
        int a = full ? max.asymmetric() : random.nextInt(max.asymmetric() + 1);
        int s = full ? max.symmetric() : random.nextInt(max.symmetric() + 1);
        int b = full ? max.benign() : random.nextInt(max.benign() + 1);
        final int[] order = shuffledLanes(random);
        for (final int lane : order) {
            if ((skipMask >>> lane & 1L) != 0) {
                continue;
            }
            if (a > 0) {
                kinds[lane] = FaultKind.ASYMMETRIC;
                a--;
            } else if (s > 0) {
                kinds[lane] = FaultKind.SYMMETRIC;
                s--;
            } else if (b > 0) {
                kinds[lane] = FaultKind.BENIGN;
                b--;
            }
        }
    }

    int[] shuffledLanes(final SplittableRandom random) {
        final int[] order = new int[kinds.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    static AgreementConfig om(final int n, final int m, final int k) {
        return AgreementConfig.builder(n, m, k).omClassic().build();
    }

    static AgreementConfig omh(final int n, final int m, final int k, final int a, final int s, final int b) {
        return AgreementConfig.builder(n, m, k).hybrid(a, s, b).build();
    }
}
