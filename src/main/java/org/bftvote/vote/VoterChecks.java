package org.bftvote.vote;

/**
 * Argument checks shared by the voters. These guard against programming errors (a channel count the voter was not
 * built for); they never fire for faulty data, which is handled by the validity mask.
 */
final class VoterChecks {
    private VoterChecks() {
    }

    static void checkCount(final int channelCount, final int maxChannels, final int arrayLength) {
        if (channelCount < 1 || channelCount > maxChannels || channelCount > arrayLength) {
            throw new IllegalArgumentException(countMessage(channelCount, maxChannels, arrayLength));
        }
    }

    private static String countMessage(final int channelCount, final int maxChannels, final int arrayLength) {
        return "channelCount = " + channelCount + " breaks 1 <= channelCount <= min(maxChannels = " + maxChannels
            + ", values.length = " + arrayLength + ")";
    }
}
