package org.bftvote.sim.revote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bftvote.agreement.PipelineConfig;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.sim.run.PipelineYaml;
import org.bftvote.sim.yaml.ProfileException;
import org.junit.jupiter.api.Test;

/**
 * A channel configuration file can hold a signal's status ({@code status_hold}), so that a recording whose sensor
 * drops single samples can be replayed without its status flapping; a trace records the hold and its re-run uses it.
 */
class StatusHoldSettingTest {
    private static ChannelsConfig parse(final String signal) throws ProfileException {
        return ChannelsConfig.parse("kind: channels\nsignals:\n  aoa: " + signal + "\n", "hold.yaml");
    }

    @Test
    void statusHoldReachesTheLibrary() throws ProfileException {
        final SignalSettings settings = parse("{miscompare_threshold: 1.5, status_hold: 2}").settings("aoa");
        assertEquals(2, settings.toConfig(3, 0).statusHoldFrames());
        assertTrue(settings.toYaml("aoa").contains("    status_hold: 2\n"), settings.toYaml("aoa"));
        assertEquals(0, parse("{miscompare_threshold: 1.5}").settings("aoa").toConfig(3, 0).statusHoldFrames(),
            "off unless given");
    }

    @Test
    void aLaterEntryOverridesTheHold() throws ProfileException {
        final ChannelsConfig config = ChannelsConfig.parse("kind: channels\nsignals:\n"
            + "  \"a*\": {miscompare_threshold: 1.5, status_hold: 4}\n  aoa: {status_hold: 1}\n", "hold.yaml");
        assertEquals(1, config.settings("aoa").toConfig(3, 0).statusHoldFrames());
    }

    @Test
    void aNegativeHoldIsBadInputNamingTheField() {
        final ProfileException e = assertThrows(ProfileException.class,
            () -> parse("{miscompare_threshold: 1.5, status_hold: -1}"));
        assertTrue(e.getMessage().contains("status_hold"), e.getMessage());
    }

    @Test
    void aTraceRecordsTheHoldAndItsRerunReadsItBack() throws ProfileException {
        final PipelineConfig pipeline = PipelineConfig.builder(4, 1, 1)
            .allSignals(ChannelConfig.builder(4).miscompareThreshold(1.5).statusHold(3).build()).build();
        final String recorded = PipelineYaml.of(pipeline, List.of("aoa"));
        assertTrue(recorded.contains("    status_hold: 3\n"), recorded);
        final ChannelsConfig back = ChannelsConfig.parse(recorded, "trace");
        assertEquals(3, back.settings("aoa").toConfig(4, 0).statusHoldFrames());
    }
}
