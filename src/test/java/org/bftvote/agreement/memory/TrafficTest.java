package org.bftvote.agreement.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.bftvote.agreement.AgreementConfig;
import org.bftvote.agreement.IcMessage;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.channel.ChannelConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Messages and bytes a pipeline lane sends per frame match the closed form: (m + 1)(n - 1) messages; in round r each
 * holds (K + 2)(n - 2)!/(n - 1 - r)! entries (K readings, the sync word and the diagnosis word per path) of 13
 * bytes plus 18 bytes of header and CRC.
 */
class TrafficTest {
    @ParameterizedTest
    @CsvSource({"4, 1, 0, 8, 6, 1278", "7, 2, 0, 8, 18, 20604", "5, 1, 1, 8, 8, 2224"})
    void perLaneTrafficMatchesTheClosedForm(final int n, final int m, final int hybrid, final int k,
                                            final long messages, final long bytes) {
        final PipelineConfig.Builder builder = PipelineConfig.builder(n, m, k);
        if (hybrid == 1) {
            builder.hybrid(1, 0, 1);
        }
        final PipelineConfig config = builder
            .allSignals(ChannelConfig.builder(n).miscompareThreshold(1.0).build())
            .build();
        final PipelineCluster system = new PipelineCluster(config, MessageInterceptor.PASS);
        final double[][] readings = new double[n][k];
        final long[] valid = new long[n];
        Arrays.fill(valid, -1L);
        system.runFrame(0, readings, valid, new long[n]);
        long closedForm = 0;
        for (int r = 1; r <= m + 1; r++) {
            long paths = 1;
            for (int i = 0; i < r - 1; i++) {
                paths *= n - 2 - i;
            }
            closedForm += (n - 1) * (long) IcMessage.length((int) ((k + 2) * paths));
        }
        assertEquals(bytes, closedForm, "closed form");
        for (int i = 0; i < n; i++) {
            assertEquals(messages, system.cluster().messagesSent(i), "messages, lane " + i);
            assertEquals(bytes, system.cluster().bytesSent(i), "bytes, lane " + i);
        }
    }
}
