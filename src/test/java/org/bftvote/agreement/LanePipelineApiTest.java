package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.bftvote.InvalidConfigException;
import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.testsupport.ByteAdversary;
import org.bftvote.testsupport.ByteAdversary.Behaviour;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What an embedder meets (API-1): accessors that name what was wrong, a configuration that counts the agreed signals
 * itself, a listener that hears every transition with the host signal index, and a lane lying to a single receiver
 * shown as suspected.
 */
@Tag("API-1")
class LanePipelineApiTest {
    @Test
    void anIndexOutOfRangeSaysWhatItCountsAndHowManyThereAre() {
        final LanePipeline pipeline = new LanePipeline(LanePipelineEndToEndTest.config(4, 1, 8), 0);
        final IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> pipeline.output(9));
        assertEquals("signal 9 is out of range: there are 8 host signals, 0 to 7", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> pipeline.exclusionFrame(4));
        assertThrows(IndexOutOfBoundsException.class, () -> pipeline.manager(-1));
    }

    @Test
    void theConfigurationCountsTheReservedSignalsItself() {
        final PipelineConfig config = LanePipelineEndToEndTest.config(4, 1, 8);
        assertEquals(8, config.signals());
        assertEquals(8 + PipelineConfig.RESERVED_SIGNALS, config.agreement().signals());
        final InvalidConfigException tooMany = assertThrows(InvalidConfigException.class,
            () -> PipelineConfig.builder(33, 1, 2));
        assertTrue(tooMany.getMessage().contains("lanes = 33"), tooMany.getMessage());
        final InvalidConfigException outOfBound = assertThrows(InvalidConfigException.class,
            () -> LanePipelineEndToEndTest.config(3, 1, 2));
        assertTrue(outOfBound.getMessage().contains("n >= 3m + 1"), outOfBound.getMessage());
    }

    @Test
    void aChannelConfigurationForAnotherLaneCountIsRefusedByName() {
        final InvalidConfigException e = assertThrows(InvalidConfigException.class,
            () -> PipelineConfig.builder(4, 1, 2)
                .allSignals(ChannelConfig.builder(4).miscompareThreshold(1.0).build())
                .signal(1, ChannelConfig.builder(3).miscompareThreshold(1.0).build())
                .build());
        assertEquals("channel[1].channelCount", e.parameter());
        assertEquals("3", e.value());
    }

    @Test
    void completingAFrameBeforeItsRoundsAreClosedDoesNothingButSaySo() {
        final LanePipeline pipeline = new LanePipeline(LanePipelineEndToEndTest.config(4, 1, 2), 0);
        final long digest = pipeline.stateDigest();
        assertEquals(AgreementLane.NO_FRAME, pipeline.completeFrame(), "no frame opened");
        assertEquals(AgreementLane.OK, pipeline.beginFrame(0, new double[] {1.0, 2.0}, 0b11));
        assertEquals(AgreementLane.ROUNDS_NOT_CLOSED, pipeline.completeFrame(), "rounds still open");
        assertEquals(digest, pipeline.stateDigest(), "no state changed");
        assertEquals(0, pipeline.output(0).usedMask(), "no output written");
        assertFalse(pipeline.lane().isDecided());
    }

    @Test
    void theListenerHearsExclusionsReadmissionsAndChannelFailuresWithTheHostSignal() {
        final ByteAdversary adversary = new ByteAdversary(4, 3);
        final RecordedEvents events = new RecordedEvents();
        final PipelineCluster system = new PipelineCluster(LanePipelineEndToEndTest.configBuilder(4, 1, 2)
            .readmission(ReadmissionPolicy.afterCleanFrames(20, 1)).build(), adversary,
            lane -> lane == 0 ? events : PipelineListener.NONE);
        final double[][] readings = new double[4][2];
        final long[] valid = new long[4];
        for (long frame = 0; frame < 400; frame++) {
            adversary.control(2, frame >= 10 && frame < 20 ? Behaviour.SILENT : Behaviour.HONEST);
            for (int lane = 0; lane < 4; lane++) {
                readings[lane][0] = 1.0 + 0.001 * lane;
                readings[lane][1] = 2.0 + 0.001 * lane + 0.01 * Math.sin(frame * 0.1);
                // Lane 3's sensor of signal 1 declares itself invalid from frame 100: a sensor fault.
                valid[lane] = lane == 3 && frame >= 100 ? 0b01L : 0b11L;
            }
            system.runFrame(frame, readings, valid, valid);
        }
        assertTrue(events.lines.contains("13 excluded 2"), events.lines.toString());
        assertTrue(events.lines.stream().anyMatch(l -> l.endsWith("readmitted 2")), events.lines.toString());
        assertTrue(events.lines.stream().anyMatch(l -> l.contains("signal 1 channel 3 failed SOURCE_INVALID")),
            "the host signal index, not the configuration's id: " + events.lines);
        assertTrue(events.lines.stream().noneMatch(l -> l.contains("channel 2 failed")),
            "a silent lane computer is not a failure of its sensors: " + events.lines);
    }

    @Test
    void theListenerHearsDivergenceWhenItIsFlaggedAndWhenItEnds() {
        final RecordedEvents events = new RecordedEvents();
        final MessageInterceptor deafFrom200To260 = (frame, round, sender, receiver, buffer, offset, length,
            capacity) -> receiver == 0 && frame >= 200 && frame < 260 ? MessageInterceptor.DROP : length;
        final PipelineCluster system = new PipelineCluster(
            RecoveryCampaignTest.config(PipelineConfig.builder(4, 1, 3), 4), deafFrom200To260,
            lane -> lane == 0 ? events : PipelineListener.NONE);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, 3, 11);
        final List<String> polled = new ArrayList<>();
        int flags = 0;
        for (long frame = 0; frame < 400; frame++) {
            inputs.run(system, frame, false);
            final int now = system.pipeline(0).hypothesisFlags();
            if (now != flags) {
                polled.add(now != 0 ? frame + " exceeded " + HypothesisFlags.describe(now) : frame + " restored");
            }
            flags = now;
        }
        final List<String> heard = events.lines.stream()
            .filter(line -> line.contains(" exceeded ") || line.endsWith(" restored")).toList();
        assertEquals(polled, heard, "one event per change of the flags, at the frame it happens");
        final String minority = HypothesisFlags.describe(HypothesisFlags.MINORITY);
        assertTrue(heard.get(0).startsWith("200 exceeded") && heard.get(0).contains(minority), heard.toString());
        assertTrue(heard.get(heard.size() - 1).endsWith(" restored"), heard.toString());
    }

    @Test
    void aLaneLyingToASingleReceiverIsSuspectedNotAccused() {
        final Sts124Test.SplitReadings liar = new Sts124Test.SplitReadings() {
            @Override
            public int intercept(final long frame, final int round, final int sender, final int receiver,
                                 final byte[] buffer, final int offset, final int length, final int capacity) {
                return receiver == 0 ? super.intercept(frame, round, sender, receiver, buffer, offset, length,
                    capacity) : length;
            }
        };
        liar.split(3, 10);
        final PipelineCluster system = new PipelineCluster(LanePipelineEndToEndTest.config(4, 1, 3), liar);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, 3, 4);
        for (long frame = 0; frame < 40; frame++) {
            inputs.run(system, frame, false);
        }
        for (int lane = 0; lane < 3; lane++) {
            assertEquals(1L << 3, system.pipeline(lane).suspectedMask(), "lane " + lane);
            assertEquals(0, system.pipeline(lane).accusedMask(), "one accuser of f + 1 = 2");
            assertEquals(0, system.pipeline(lane).excludedMask());
        }
        assertTrue(RecoveryProbe.sameOutputs(system.pipeline(0), system.pipeline(1)), "masked");
    }
}
