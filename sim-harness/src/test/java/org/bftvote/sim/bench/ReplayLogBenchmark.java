package org.bftvote.sim.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bftvote.channel.ChannelConfig;
import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.recording.RecordedFrames;
import org.bftvote.sim.recording.RecordingMap;
import org.bftvote.sim.recording.RecordingMapReader;
import org.bftvote.sim.recording.Recordings;
import org.bftvote.sim.revote.ChannelsConfig;
import org.bftvote.sim.revote.RecordingRevote;
import org.bftvote.sim.revote.RevoteRun;
import org.bftvote.sim.revote.Sweep;
import org.bftvote.sim.revote.SweepSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code replay-log} speed on the real 400 Hz IMU recording (the 36,000-row excerpt in
 * {@code src/test/resources/real-logs}: 6 signals × 3 channels = 648,000 channel-samples an operation):
 * {@link #imuParseAndVote} is the whole replay with output files off (gunzip, parse the mapped columns, vote every
 * frame of every signal through the library with the event log and the outcome figures); {@link #imuParse} the
 * reading alone, {@link #imuVote} the vote alone on the parsed frames. Channel-samples per second = 648,000 /
 * (seconds per operation).
 * {@link #sweep} runs a 16-point sweep over the same recording with {@code threads} workers: the ratio of the
 * one- and two-thread scores is the sweep's scaling.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReplayLogBenchmark {
    /** Channel-samples in one pass over the excerpt. */
    public static final long CHANNEL_SAMPLES = 36_000L * 6 * 3;

    @Param({"1", "2"})
    private int threads;

    private Path file;
    private RecordingMap map;
    private ChannelsConfig config;
    private RecordedFrames frames;
    private ChannelConfig[] configs;
    private SweepSpec grid;

    /** Creates the benchmark state. */
    public ReplayLogBenchmark() {
        // set up in setup()
    }

    /**
     * Reads the map, its configuration and the recording once.
     *
     * @throws Exception if a shipped file cannot be read
     */
    @Setup
    public void setup() throws Exception {
        file = RepoFiles.root().resolve("src/test/resources/real-logs/carbonix_cubeorange_IMU_3x400Hz_excerpt.csv.gz");
        map = RecordingMapReader.read(RepoFiles.root().resolve("sim-harness/recordings/"
            + "ardupilot-cubeorange-imu.map.yaml"));
        config = ChannelsConfig.read(Path.of(map.config()));
        frames = Recordings.read(file, map);
        configs = RecordingRevote.configs(frames, config);
        grid = SweepSpec.parse("threshold=0.05:0.2:0.05,persistence=5,10,20,40");
    }

    /**
     * @return the run (parse and vote)
     * @throws Exception if the file cannot be read
     */
    @Benchmark
    public RevoteRun imuParseAndVote() throws Exception {
        final RecordedFrames read = Recordings.read(file, map);
        return RecordingRevote.run(read, RecordingRevote.configs(read, config), map.knownFaults(), false);
    }

    /**
     * @return the frames (gunzip and parse only)
     * @throws Exception if the file cannot be read
     */
    @Benchmark
    public RecordedFrames imuParse() throws Exception {
        return Recordings.read(file, map);
    }

    /** @return the run (vote only) */
    @Benchmark
    public RevoteRun imuVote() {
        return RecordingRevote.run(frames, configs, map.knownFaults(), false);
    }

    /** @return the sweep's rows */
    @Benchmark
    public List<Sweep.Row> sweep() {
        return Sweep.run(frames, config, grid, map.knownFaults(), threads);
    }
}
