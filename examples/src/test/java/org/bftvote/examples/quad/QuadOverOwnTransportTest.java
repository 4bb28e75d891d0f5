package org.bftvote.examples.quad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.LanePipeline;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.OutputStatus;
import org.junit.jupiter.api.Test;

/** The quad example does what the embed-a-quad guide says. */
class QuadOverOwnTransportTest {
    @Test
    void quadLanesAgreeEveryFrameAndExcludeTheDeadLaneTogether() {
        final QuadOverOwnTransport quad = new QuadOverOwnTransport();
        for (long frame = 0; frame < 600; frame++) {
            if (frame == 300) {
                quad.powerOff(2);
            }
            assertEquals(AgreementLane.OK, quad.step(frame), "frame " + frame);
            final int[] alive = frame < 300 ? new int[] {0, 1, 2, 3} : new int[] {0, 1, 3};
            for (int signal = 0; signal < 3; signal++) {
                final ChannelOutput reference = quad.pipeline(0).output(signal);
                for (int lane : alive) {
                    final ChannelOutput other = quad.pipeline(lane).output(signal);
                    assertEquals(Double.doubleToRawLongBits(reference.value()),
                        Double.doubleToRawLongBits(other.value()), "frame " + frame + " lane " + lane);
                    assertEquals(reference.status(), other.status(), "frame " + frame + " lane " + lane);
                }
            }
        }
        for (int lane : new int[] {0, 1, 3}) {
            final LanePipeline pipeline = quad.pipeline(lane);
            assertEquals(0b100, pipeline.excludedMask(), "lane " + lane);
            assertEquals(303, pipeline.exclusionFrame(2), "lane " + lane);
            assertEquals(List.of("frame 303: lane 2 excluded"), quad.events(lane).lines(),
                "the listener hears the exclusion, and nothing else happened");
            assertEquals(OutputStatus.NORMAL, pipeline.output(0).status());
        }
    }

}
