package org.bftvote.examples.reference;

import org.bftvote.agreement.AgreementConfig;
import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.EigEngine;
import org.bftvote.agreement.EntrySink;
import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.agreement.PipelineListener;
import org.bftvote.agreement.ReadmissionPolicy;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.PersistencePolicy;

/** The agreement reference's examples (docs/reference/agreement.md), compiled by the build. */
public final class AgreementSnippets {
    /** The host's transport, as the examples use it. */
    public interface Bus {
        /** Sends bytes to a peer. */
        void send(int peer, byte[] bytes, int offset, int length);

        /** @return the next received message, or null when none is waiting */
        Received poll();
    }

    /** One received message and the link it came on. */
    public record Received(int link, byte[] buffer, int offset, int length) {
    }

    /** The host's clock. */
    public interface Deadlines {
        /** @return true once the round's deadline has passed */
        boolean passed(int round);
    }

    private AgreementSnippets() {
    }

    /** The EIG engine driven directly. */
    static long engine(final int myLane, final long frame, final long[] ownWords, final byte[] ownStatus,
                       final EntrySink[] sinks, final int source, final int signal) {
        // tag::engine[]
        AgreementConfig config = AgreementConfig.builder(5, 1, 8)   // n = 5 lanes, m = 1 (2 rounds), K = 8 signals
                .hybrid(1, 0, 1)                                    // survives 1 asymmetric + 1 benign lane
                .defaultWord(0L)
                .build();                                           // InvalidConfigException names the inequality
        EigEngine engine = new EigEngine(config, myLane);           // all arrays allocated here

        // every frame (allocates nothing):
        engine.beginFrame(frame, ownWords, ownStatus);              // K readings, VALUE or MISSING
        for (int r = 1; r <= config.rounds(); r++) {
            for (int peer = 0; peer < config.lanes(); peer++) {
                engine.emit(r, peer, sinks[peer]);                  // EntrySink: (pathIndex, signal, word, status)
            }
            // for every entry received on the link from `sender` in round r:
            //     engine.accept(r, sender, pathIndex, signal, word, status);  // false = impossible or invalid
            engine.closeRound(r);                                   // whatever did not arrive is now missing
        }
        engine.decide();
        long w = engine.decidedWord(source, signal);                // same at every healthy lane
        byte st = engine.decidedStatus(source, signal);             // VALUE, MISSING (benign source) or DEFAULT
        // end::engine[]
        return w + st;
    }

    /** An {@link AgreementLane} driven by the host. */
    static void lane(final int k, final int self, final long[] words, final byte[] status, final Bus bus,
                     final Deadlines deadline, final int source, final int signal, final long frames) {
        // tag::lane[]
        AgreementConfig config = AgreementLane.configBuilder(4, 1, k).build();   // k readings; or .hybrid(a, s, b)
        AgreementLane lane = new AgreementLane(config, self);
        byte[] tx = new byte[lane.maxMessageLength()];

        for (long frame = 0; frame < frames; frame++) {
            lane.beginFrame(frame, words, status);                  // K words, status VALUE, HELD or MISSING
            for (int round = 1; round <= lane.rounds(); round++) {
                for (int peer = 0; peer < lane.lanes(); peer++) {
                    int length = lane.encodeRound(round, peer, tx, 0);  // > 0 bytes, < 0 a status (self, ...)
                    if (length > 0) {
                        bus.send(peer, tx, 0, length);
                    }
                }
                while (!deadline.passed(round)) {                   // the host's clock
                    Received r = bus.poll();
                    if (r != null) {
                        lane.onMessage(r.link(), r.buffer(), r.offset(), r.length());   // ACCEPTED or a drop code
                    }
                }
                lane.closeRound(round);                             // what did not arrive is missing
            }
            lane.decide();
            long w = lane.decidedWord(source, signal);              // also decidedStatus, decidedDouble
            long hint = lane.frameHint();                           // NO_FRAME_HINT, or the frame the peers are on
        }
        // end::lane[]
    }

    /** A pipeline, rounds left to the host. */
    static ChannelOutput pipeline(final int self, final long frame, final double[] readings, final long validMask,
                                  final long freshMask, final int k, final int j, final PipelineListener listener) {
        // tag::pipeline[]
        PipelineConfig config = PipelineConfig.builder(4, 1, 8)      // n = 4 lanes, OM(1), K = 8 host signals
            .allSignals(ChannelConfig.builder(4).miscompareThreshold(0.5).build())   // or .signal(k, cfg) per signal
            .exclusion(PersistencePolicy.consecutive(3))
            .readmission(ReadmissionPolicy.afterCleanFrames(100, 3))
            .build();
        LanePipeline pipeline = new LanePipeline(config, self, listener);   // listener: PipelineListener, or none

        pipeline.beginFrame(frame, readings, validMask, freshMask);  // K doubles; invalid or non-finite -> MISSING
        // drive pipeline.lane() through the rounds (host transport), or PipelineCluster.runFrame in memory
        pipeline.completeFrame();                            // decide, diagnose/exclude/readmit, managers, recovery
        ChannelOutput out = pipeline.output(k);              // value, status, masks
        pipeline.excludedMask(); pipeline.exclusionFrame(j); pipeline.accusedMask(); pipeline.dropCounters();
        long next = pipeline.nextFrame();                    // the next frame to begin
        // end::pipeline[]
        return out;
    }

    /** A host that restarted a lane: it takes the frame number from the peers. */
    static void restart(final LanePipeline pipeline, final double[] readings, final long validMask,
                        final long freshMask, final java.util.function.BooleanSupplier running) {
        // tag::restart[]
        long frame = 0;                                     // a restarted host does not know the frame number
        while (running.getAsBoolean()) {
            pipeline.beginFrame(frame, readings, validMask, freshMask);
            // rounds over the host's transport
            pipeline.completeFrame();
            frame = pipeline.nextFrame();
        }
        // end::restart[]
    }

    /** Freshness: which readings are new samples. */
    static long freshness(final int self, final long frame, final double[] readings, final long validMask,
                          final long freshMask, final int source) {
        // tag::freshness[]
        PipelineConfig config = PipelineConfig.builder(4, 1, 8)
            .allSignals(ChannelConfig.builder(4).miscompareThreshold(0.5).staleLimit(15).build())
            .build();
        LanePipeline pipeline = new LanePipeline(config, self);

        pipeline.beginFrame(frame, readings, validMask, freshMask);   // bit k of freshMask: reading k is a new sample
        pipeline.beginFrame(frame, readings, validMask);              // every valid reading counts as fresh
        // then the rounds and completeFrame(), as above
        pipeline.agreedFreshWord(source);                             // the agreed fresh mask of a lane this frame
        // end::freshness[]
        return pipeline.agreedFreshWord(source);
    }
}
