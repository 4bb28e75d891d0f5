package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.bftvote.agreement.memory.LaneCluster;
import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every accessor that takes a lane, signal or channel index refuses one out of range with a message saying what it
 * counts and how many there are (API-1), never a bare array error and never another entry's data: before these
 * checks {@code isExcluded(65)} answered for lane 1 and {@code decidedWord(0, 9)} read another source's word.
 */
@Tag("API-1")
class IndexCheckTest {
    private static final PipelineConfig CONFIG = LanePipelineEndToEndTest.config(4, 1, 3);

    static Stream<Arguments> accessors() {
        final LanePipeline pipeline = new LanePipeline(CONFIG, 0);
        final AgreementLane lane = pipeline.lane();
        final ChannelOutput output = pipeline.output(0);
        final ChannelManager manager = pipeline.manager(0);
        final DropCounters drops = pipeline.dropCounters();
        final PipelineCluster cluster = new PipelineCluster(CONFIG, MessageInterceptor.PASS);
        final LaneCluster lanes = cluster.cluster();
        return Stream.of(
            call("pipeline.output(9)", () -> pipeline.output(9), "signal 9", "3 host signals, 0 to 2"),
            call("lane.decidedWord(0, 9)", () -> lane.decidedWord(0, 9), "signal 9", "0 to 4"),
            call("lane.decidedWord(4, 0)", () -> lane.decidedWord(4, 0), "source 4", "4 lanes, 0 to 3"),
            call("lane.decidedStatus(-1, 0)", () -> lane.decidedStatus(-1, 0), "source -1", "4 lanes"),
            call("lane.decidedDouble(0, 5)", () -> lane.decidedDouble(0, 5), "signal 5", "0 to 4"),
            call("lane.isExcluded(65)", () -> lane.isExcluded(65), "lane 65", "4 lanes, 0 to 3"),
            call("lane.heard(4)", () -> lane.heard(4), "lane 4", "4 lanes"),
            call("lane.accuserCount(4)", () -> lane.accuserCount(4), "lane 4", "4 lanes"),
            call("lane.agreedAccusations(7)", () -> lane.agreedAccusations(7), "lane 7", "4 lanes"),
            call("lane.agreedTag(4)", () -> lane.agreedTag(4), "lane 4", "4 lanes"),
            call("lane.heardTag(64)", () -> lane.heardTag(64), "lane 64", "4 lanes"),
            call("output.reason(64)", () -> output.reason(64), "channel 64", "channels in this output"),
            call("output.failureReason(-1)", () -> output.failureReason(-1), "channel -1", "channels"),
            call("output.frameReason(70)", () -> output.frameReason(70), "channel 70", "channels"),
            call("output.isFailed(68)", () -> output.isFailed(68), "channel 68", "channels"),
            call("manager.persistenceLevel(4)", () -> manager.persistenceLevel(4), "channel 4", "4 channels"),
            call("manager.reintegrationCount(9)", () -> manager.reintegrationCount(9), "channel 9", "4 channels"),
            call("drops.count(99)", () -> drops.count(99), "drop reason ordinal 99", "drop reasons"),
            call("DropReason.ofOrdinal(-1)", () -> DropReason.ofOrdinal(-1), "drop reason ordinal -1", "18 drop reasons, 0 to 17"),
            call("cluster.pipeline(4)", () -> cluster.pipeline(4), "lane 4", "4 lanes"),
            call("cluster.isStalled(4)", () -> cluster.isStalled(4), "lane 4", "4 lanes"),
            call("lanes.lane(4)", () -> lanes.lane(4), "lane 4", "4 lanes"),
            call("lanes.messagesSent(4)", () -> lanes.messagesSent(4), "lane 4", "4 lanes"),
            call("lanes.bytesSent(-2)", () -> lanes.bytesSent(-2), "lane -2", "4 lanes"));
    }

    private static Arguments call(final String name, final Executable call, final String what, final String range) {
        return Arguments.of(name, call, what, range);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accessors")
    void anIndexOutOfRangeIsNamedWithItsRange(final String name, final Executable call, final String what,
                                             final String range) {
        final IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, call, name);
        assertEquals(IndexOutOfBoundsException.class, e.getClass(), name + ": not a bare array error");
        final String message = e.getMessage();
        assertEquals(true, message.startsWith(what + " is out of range: there are "), name + ": " + message);
        assertEquals(true, message.contains(range), name + ": " + message);
    }
}
