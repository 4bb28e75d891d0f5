package org.bftvote.sim.hil;

import java.io.IOException;
import java.util.zip.CRC32C;

import org.bftvote.sim.run.FrameSample;

/**
 * The rig's sensor source: for each lane and frame, one SENSOR datagram with the samples that lane's sensor bus
 * delivers in that frame, taken from the in-memory simulation (which models the sensors and their bus: rate, loss,
 * lateness, corruption). A sample is listed when it is fresh or when the lane's reading changes without a new sample
 * (so the lane rebuilds exactly the readings the simulation's lane reads); after a lane restarts, its next datagram
 * lists every signal. Main thread only.
 */
final class SensorSender {
    private final int lanes;
    private final int signals;
    private final long[][] previousBits;
    private final boolean[][] previousValid;
    private final boolean[] full;
    private final byte[] buffer;
    private final CRC32C crc = new CRC32C();
    private long sent;

    SensorSender(final int lanes, final int signals) {
        this.lanes = lanes;
        this.signals = signals;
        this.previousBits = new long[lanes][signals];
        this.previousValid = new boolean[lanes][signals];
        this.full = new boolean[lanes];
        this.buffer = new byte[SensorDatagram.capacity(signals)];
        java.util.Arrays.fill(full, true);
    }

    /** The lane restarted: its next datagram lists every signal. */
    void restart(final int lane) {
        full[lane] = true;
    }

    /** Sends every lane its samples of {@code sample}'s frame. */
    void send(final FrameSample sample, final RigControl control) throws IOException {
        for (int l = 0; l < lanes; l++) {
            SensorDatagram.begin(buffer, l, sample.frame());
            for (int s = 0; s < signals; s++) {
                final double value = sample.sensor(l, s);
                final long bits = Double.doubleToRawLongBits(value);
                final boolean valid = sample.sensorValid(l, s);
                final boolean fresh = sample.sensorFresh(l, s);
                if (fresh || full[l] || bits != previousBits[l][s] || valid != previousValid[l][s]) {
                    SensorDatagram.add(buffer, s, value, valid, fresh);
                }
                previousBits[l][s] = bits;
                previousValid[l][s] = valid;
            }
            full[l] = false;
            if (control.send(l, buffer, SensorDatagram.seal(crc, buffer))) {
                sent++;
            }
        }
    }

    long sent() {
        return sent;
    }
}
