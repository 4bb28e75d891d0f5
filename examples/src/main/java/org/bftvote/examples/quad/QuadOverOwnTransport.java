package org.bftvote.examples.quad;

import java.util.SplittableRandom;

import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.agreement.ResultCode;

/**
 * Four lanes, each a {@link QuadLane}, over the embedder's own {@link InProcessBus}, stepped frame by frame and
 * round by round in one thread (a real system runs each lane on its own computer, on a shared schedule). Lane 2
 * loses power at frame 300: the others keep agreeing and exclude it at the same frame.
 */
public final class QuadOverOwnTransport {
    /** Readings per lane per frame. */
    static final int SIGNALS = 3;

    private final QuadLane[] lanes = new QuadLane[4];
    private final boolean[] powered = {true, true, true, true};
    private final double[][] readings = new double[4][SIGNALS];
    private final SplittableRandom noise = new SplittableRandom(777L);

    QuadOverOwnTransport() {
        final PipelineConfig config = QuadLane.configuration(SIGNALS);
        final InProcessBus bus = new InProcessBus(4, new LanePipeline(config, 0).lane().maxMessageLength());
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new QuadLane(config, i, bus);
        }
    }

    /** Cuts a lane's power: from now on it neither sends nor runs. */
    void powerOff(final int lane) {
        powered[lane] = false;
    }

    /**
     * Runs one frame on every powered lane.
     *
     * @param frame frame number
     * @return {@link AgreementLane#OK}, or the first lane's status that was not
     */
    int step(final long frame) {
        for (int i = 0; i < lanes.length; i++) {
            for (int k = 0; k < SIGNALS; k++) {
                readings[i][k] = 10.0 * (k + 1) + 0.01 * noise.nextGaussian();   // each lane's own sensors
            }
        }
        int status = AgreementLane.OK;
        // tag::step[]
        for (int i = 0; i < lanes.length; i++) {
            if (powered[i]) {
                status = first(status, lanes[i].begin(frame, readings[i], (1L << SIGNALS) - 1));
            }
        }
        for (int round = 1; round <= 2; round++) {          // OM(1): m + 1 = 2 rounds
            for (int i = 0; i < lanes.length; i++) {
                if (powered[i]) {
                    lanes[i].send(round);
                }
            }
            for (int i = 0; i < lanes.length; i++) {        // the round's deadline
                if (powered[i]) {
                    lanes[i].close(round);
                }
            }
        }
        for (int i = 0; i < lanes.length; i++) {
            if (powered[i]) {
                status = first(status, lanes[i].complete());   // OK, or a code: ResultCode.describe names it
            }
        }
        // end::step[]
        return status;
    }

    /** The first status that was not OK. */
    private static int first(final int sofar, final int result) {
        return sofar == AgreementLane.OK ? result : sofar;
    }

    /**
     * @param lane a lane
     * @return what its pipeline reported
     */
    LaneEvents events(final int lane) {
        return lanes[lane].events();
    }

    /**
     * @param lane a lane
     * @return its pipeline
     */
    LanePipeline pipeline(final int lane) {
        return lanes[lane].pipeline();
    }

    /**
     * Runs 600 frames, lane 2 off from frame 300, and prints what the other lanes saw.
     *
     * @param args none
     */
    public static void main(final String[] args) {
        final QuadOverOwnTransport quad = new QuadOverOwnTransport();
        for (long frame = 0; frame < 600; frame++) {
            if (frame == 300) {
                quad.powerOff(2);
            }
            // tag::check[]
            final int status = quad.step(frame);
            if (status != AgreementLane.OK) {
                System.out.println("frame " + frame + ": " + ResultCode.describe(status));
            }
            // end::check[]
        }
        for (int lane : new int[] {0, 1, 3}) {
            final LanePipeline p = quad.pipeline(lane);
            System.out.printf("lane %d: signal 0 = %s %s %s; lane 2 excluded at frame %d; %s; %s%n", lane,
                p.output(0).value(), p.output(0).status(), p.output(0).level(), p.exclusionFrame(2),
                quad.events(lane).lines(), p.dropCounters());
        }
    }
}
