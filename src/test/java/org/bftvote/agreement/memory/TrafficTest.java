package org.bftvote.agreement.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bftvote.agreement.AgreementConfig;
import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.IcMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Messages and bytes a lane sends per frame match the closed form: (m + 1)(n - 1) messages; in round r each holds
 * (K + 1)(n - 2)!/(n - 1 - r)! entries of 13 bytes plus 18 bytes of header and CRC.
 */
class TrafficTest {
    @ParameterizedTest
    @CsvSource({"4, 1, 0, 8, 6, 1161", "7, 2, 0, 8, 18, 18576", "5, 1, 1, 8, 8, 2016"})
    void perLaneTrafficMatchesTheClosedForm(final int n, final int m, final int hybrid, final int k,
                                            final long messages, final long bytes) {
        final AgreementConfig config = hybrid == 1
            ? AgreementConfig.builder(n, m, k + 1).hybrid(1, 0, 1).build()
            : AgreementConfig.builder(n, m, k + 1).omClassic().build();
        final AgreementLane[] lanes = new AgreementLane[n];
        final long[][] words = new long[n][k];
        final byte[][] status = new byte[n][k];
        for (int i = 0; i < n; i++) {
            lanes[i] = new AgreementLane(config, i);
        }
        final LaneCluster cluster = new LaneCluster(lanes, MessageInterceptor.PASS);
        cluster.runFrame(0, words, status);
        long closedForm = 0;
        for (int r = 1; r <= m + 1; r++) {
            long paths = 1;
            for (int i = 0; i < r - 1; i++) {
                paths *= n - 2 - i;
            }
            closedForm += (n - 1) * (long) IcMessage.length((int) ((k + 1) * paths));
        }
        assertEquals(bytes, closedForm, "closed form");
        for (int i = 0; i < n; i++) {
            assertEquals(messages, cluster.messagesSent(i), "messages, lane " + i);
            assertEquals(bytes, cluster.bytesSent(i), "bytes, lane " + i);
        }
    }
}
