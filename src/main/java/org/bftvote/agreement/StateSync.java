package org.bftvote.agreement;

import java.util.Arrays;

/**
 * The schedule of a pipeline's rolling state re-agreement and the words it agrees. The pipeline's state is cut into
 * blocks (block 0 its {@link LaneHealth}, block 1 + k the channel manager of signal k), each a fixed number of
 * 64-bit words; a cycle of {@link #cycleLength()} frames gives each block in turn a <em>window</em> of as many
 * frames as it has words, the window's place fixed by the frame number, so every lane in step is in the same window.
 *
 * <p>In a window every lane takes a snapshot of the block at its first frame (the state after the frame before),
 * sends word j of it as its sync word in the window's frame j, and every lane agrees the block's word j as the
 * {@link Plurality plurality} of the voters' agreed sync words ({@link #agree}). At the window's last frame the lane
 * holds the agreed snapshot ({@link #agreedWords()}); if its own differs ({@link #ownDiffers()}) it takes the agreed
 * one and replays the window's frames, so it then holds what the other lanes hold. A window counts
 * ({@link #windowValid()}) only if the lane ran every frame of it in step, hearing a majority.
 *
 * <p>Footprint: two arrays of the largest block's words. Allocation-free. Not thread safe.
 */
final class StateSync {
    private final int[] start;
    private final int cycle;
    private final long[] own;
    private final long[] agreed;
    private int block = -1;
    private long lastFrame;
    private int word;
    private boolean windowValid;

    /**
     * @param blockWords words of each block, in schedule order; each at least 1
     */
    StateSync(final int[] blockWords) {
        this.start = new int[blockWords.length + 1];
        int largest = 0;
        for (int b = 0; b < blockWords.length; b++) {
            start[b + 1] = start[b] + blockWords[b];
            largest = Math.max(largest, blockWords[b]);
        }
        this.cycle = start[blockWords.length];
        this.own = new long[largest];
        this.agreed = new long[largest];
    }

    /** @return frames of one cycle: the sum of the blocks' words */
    int cycleLength() {
        return cycle;
    }

    /**
     * @param b a block
     * @return its words
     */
    int words(final int b) {
        return start[b + 1] - start[b];
    }

    /** @return the largest block's words */
    int largestBlock() {
        return own.length;
    }

    /**
     * Places a frame in the schedule.
     *
     * @param frame  the frame
     * @param inStep false if the lane did not run the frame before (a jump in frame numbers): the window in
     *               progress no longer counts
     */
    void beginFrame(final long frame, final boolean inStep) {
        if (block >= 0 && frame - 1 == lastFrame && frame != Long.MIN_VALUE) {
            // The next frame: one step along the schedule, without the division.
            if (++word == words(block)) {
                word = 0;
                block = block + 1 == start.length - 1 ? 0 : block + 1;
            }
        } else {
            place((int) Math.floorMod(frame, (long) cycle));
        }
        lastFrame = frame;
        windowValid = word == 0 ? inStep : windowValid && inStep;
    }

    private void place(final int phase) {
        int b = 0;
        while (start[b + 1] <= phase) {
            b++;
        }
        block = b;
        word = phase - start[b];
    }

    /** @return the block whose window the frame is in */
    int activeBlock() {
        return block;
    }

    /** @return the frame's place in the window, 0 to the block's words - 1 */
    int wordIndex() {
        return word;
    }

    /** @return true in the window's first frame, when the lane takes its snapshot into {@link #ownWords()} */
    boolean windowStarts() {
        return word == 0;
    }

    /** @return true in the window's last frame, when the agreed snapshot is complete */
    boolean windowEnds() {
        return word == words(block) - 1;
    }

    /** @return the lane's snapshot of the active block (written at the window's first frame) */
    long[] ownWords() {
        return own;
    }

    /** @return the word this lane sends this frame */
    long wordToSend() {
        return own[word];
    }

    /**
     * Agrees this frame's word of the block: the plurality of the voters' agreed sync words; with no voter, the
     * lane's own word.
     *
     * @param syncWords each lane's agreed sync word
     * @param voters    the lanes whose words count
     */
    void agree(final long[] syncWords, final long voters) {
        final int winner = Plurality.winner(syncWords, voters);
        agreed[word] = winner >= 0 ? syncWords[winner] : own[word];
    }

    /** The window in progress no longer counts (the lane did not hear a majority this frame). */
    void invalidate() {
        windowValid = false;
    }

    /** @return true if the lane ran every frame of the window so far in step, hearing a majority */
    boolean windowValid() {
        return windowValid;
    }

    /** @return at the window's last frame: true if the agreed snapshot differs from the lane's own */
    boolean ownDiffers() {
        final int n = words(block);
        return !Arrays.equals(own, 0, n, agreed, 0, n);
    }

    /** @return the agreed snapshot of the active block (complete at the window's last frame) */
    long[] agreedWords() {
        return agreed;
    }
}
