package org.bftvote.agreement;

/** Builds sets of lanes for tests. */
final class Lanes {
    private Lanes() {
    }

    static AgreementConfig om(final int n, final int m, final int hostSignals) {
        return AgreementConfig.builder(n, m, hostSignals + 1).omClassic().build();
    }

    static AgreementConfig hybrid(final int n, final int m, final int a, final int s, final int b,
                                  final int hostSignals) {
        return AgreementConfig.builder(n, m, hostSignals + 1).hybrid(a, s, b).build();
    }

    static AgreementLane[] lanes(final AgreementConfig config) {
        final AgreementLane[] lanes = new AgreementLane[config.lanes()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new AgreementLane(config, i);
        }
        return lanes;
    }
}
