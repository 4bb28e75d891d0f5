package org.bftvote.examples.quad;

import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.ChannelOutput;

/**
 * One lane computer of a quad: its {@link LanePipeline} and its side of the embedder's transport. The host calls
 * {@link #begin}, then for each round {@link #send}, {@link #receive}, {@link #close}, then {@link #complete} — at its
 * frame and round deadlines; here a loop in {@link QuadOverOwnTransport} plays the clock.
 */
public final class QuadLane {
    // tag::config[]
    /** The same configuration on every lane: 4 lanes, OM(1), {@code signals} readings each. */
    static PipelineConfig configuration(final int signals) {
        return PipelineConfig.builder(4, 1, signals)      // n = 4, m = 1 (OM, the default), K readings
            .allSignals(ChannelConfig.builder(4).miscompareThreshold(0.5).build())   // or .signal(k, cfg) each
            .build();
    }
    // end::config[]

    // tag::lane[]
    private final int self;
    private final LanePipeline pipeline;
    private final AgreementLane lane;
    private final InProcessBus bus;
    private final byte[] tx;
    private final InProcessBus.Receiver receiver;
    private final LaneEvents events = new LaneEvents();   // told of exclusions, failures, divergence

    QuadLane(final PipelineConfig config, final int self, final InProcessBus bus) {
        this.self = self;
        this.pipeline = new LanePipeline(config, self, events);   // everything is allocated here, once
        this.lane = pipeline.lane();
        this.bus = bus;
        this.tx = new byte[lane.maxMessageLength()];
        this.receiver = (link, message, length) -> lane.onMessage(link, message, 0, length);   // link: who sent it
    }

    int begin(final long frame, final double[] readings, final long validMask) {
        return pipeline.beginFrame(frame, readings, validMask);   // every valid reading is a new sample here
    }

    void send(final int round) {
        for (int peer = 0; peer < lane.lanes(); peer++) {
            if (peer != self) {
                int length = lane.encodeRound(round, peer, tx, 0);   // < 0: a status, e.g. ROUND_NOT_OPEN
                if (length > 0) {
                    bus.send(self, peer, tx, length);
                }
            }
        }
    }

    void close(final int round) {                         // at the round's deadline:
        bus.deliver(self, receiver);                      // take what arrived,
        lane.closeRound(round);                           // and what did not is missing
    }

    int complete() {
        return pipeline.completeFrame();                  // decide, diagnose, exclude, vote, monitor
    }
    // end::lane[]

    /** @return what the pipeline reported, one line per transition */
    LaneEvents events() {
        return events;
    }

    /** @return the pipeline, to read outputs and lane health */
    LanePipeline pipeline() {
        return pipeline;
    }

    /**
     * @param signal signal index
     * @return this frame's output of that signal
     */
    ChannelOutput output(final int signal) {
        return pipeline.output(signal);
    }
}
