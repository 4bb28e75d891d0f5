package org.bftvote.sim.run;

/**
 * What a runner feeds, frame by frame. Within a frame the runner first reports every exclusion that happened in it
 * through {@link #onExclusion}, then hands the filled {@link FrameSample} to {@link #onFrame}. Frames arrive in
 * increasing order, each once.
 */
public interface FrameObserver {
    /**
     * A lane excluded a unit in the current frame. Rare (not every frame); an implementation keeps a reference to
     * {@code reason}, so pass a constant or a string that is not reused.
     *
     * @param frame         frame in which the exclusion took effect
     * @param observingLane the lane that excluded
     * @param signal        signal index, or {@link InjectedFault#ALL_SIGNALS} when a whole lane was excluded
     * @param channel       the excluded channel (= lane index)
     * @param reason        why, for people (for example {@code "miscompare persisted 10 frames"})
     */
    void onExclusion(long frame, int observingLane, int signal, int channel, String reason);

    /**
     * One frame, complete. The sample is only read and may be refilled as soon as this returns.
     *
     * @param sample the frame
     */
    void onFrame(FrameSample sample);
}
