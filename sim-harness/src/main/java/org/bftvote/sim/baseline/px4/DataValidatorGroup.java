/*---------------------------------------------------------------------------
 *
 *   Copyright (c) 2015-2020 PX4 Development Team. All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions
 * are met:
 *
 * 1. Redistributions of source code must retain the above copyright
 *    notice, this list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright
 *    notice, this list of conditions and the following disclaimer in
 *    the documentation and/or other materials provided with the
 *    distribution.
 * 3. Neither the name PX4 nor the names of its contributors may be
 *    used to endorse or promote products derived from this software
 *    without specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS
 * "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT
 * LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS
 * FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE
 * COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT,
 * INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING,
 * BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS
 * OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED
 * AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT
 * LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN
 * ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE
 * POSSIBILITY OF SUCH DAMAGE.
 *
 ****************************************************************************/

/*
 * Java port of PX4-Autopilot src/modules/sensors/data_validator/DataValidatorGroup.hpp and DataValidatorGroup.cpp
 * at commit 25ed6b67fb1174d88b4834076ec812c3fabd139d (github.com/PX4/PX4-Autopilot), by Lorenz Meier
 * <lorenz@px4.io>. Changes from the original: C++ to Java, method names in Java case, the {@code int *index} out
 * parameter as a one-element array, the destructor and print() left out (memory is the garbage collector's; print
 * only logs). Logic and constants are unchanged.
 */
package org.bftvote.sim.baseline.px4;

/**
 * A data validation group to identify anomalies in data streams: PX4's {@code DataValidatorGroup}. It holds one
 * {@link DataValidator} per sensor instance in a singly linked list and {@link #getBest selects} one of them: the
 * highest confidence, ties to the higher priority, otherwise the first. It selects, it does not vote: the output
 * is the chosen sensor's own value, whatever the others say.
 */
public final class DataValidatorGroup {
    private static final float MIN_REGULAR_CONFIDENCE = 0.9f;
    /** {@code FLT_EPSILON} of {@code <float.h>}. */
    private static final float FLT_EPSILON = Math.ulp(1.0f);
    /** {@code UINT32_MAX}, as the int bit pattern. */
    private static final int UINT32_MAX = -1;

    /** First node in the group. */
    private DataValidator first;
    /** Last node in the group. */
    private DataValidator last;
    /** Currently set timeout. */
    private int timeoutIntervalUs;
    /** Currently best index. */
    private int currBest = -1;
    /** The previous best index. */
    private int prevBest = -1;
    /** Timestamp where the first failover occured or zero if none occured. */
    private long firstFailoverTime;
    /** Number of back and forth switches between two sensors. */
    private int toggleCount;

    /**
     * @param siblings initial number of DataValidator's. Must be > 0.
     */
    public DataValidatorGroup(final int siblings) {
        DataValidator next = null;
        DataValidator prev = null;

        for (int i = 0; i < siblings; i++) {
            next = new DataValidator();

            if (i == 0) {
                first = next;

            } else {
                prev.setSibling(next);
            }

            prev = next;
        }

        last = next;

        if (first != null) {
            timeoutIntervalUs = first.getTimeout();
        }
    }

    /**
     * Create a new Validator (with index equal to the number of currently existing validators).
     *
     * @return the newly created DataValidator
     */
    public DataValidator addNewValidator() {
        final DataValidator validator = new DataValidator();
        last.setSibling(validator);
        last = validator;
        last.setTimeout(timeoutIntervalUs);
        return last;
    }

    /** @param timeoutIntervalUs the timeout interval in microseconds for the whole group */
    public void setTimeout(final int timeoutIntervalUs) {
        DataValidator next = first;

        while (next != null) {
            next.setTimeout(timeoutIntervalUs);
            next = next.sibling();
        }

        this.timeoutIntervalUs = timeoutIntervalUs;
    }

    /** @param threshold the number of equal values before considering a sensor stale, for the whole group */
    public void setEqualValueThreshold(final int threshold) {
        DataValidator next = first;

        while (next != null) {
            next.setEqualValueThreshold(threshold);
            next = next.sibling();
        }
    }

    /**
     * Put an item into the validator group.
     *
     * @param index      sensor index
     * @param timestamp  the timestamp of the measurement, microseconds
     * @param val        the 3D vector
     * @param errorCount the current error count of the sensor
     * @param priority   the priority of the sensor
     */
    public void put(final int index, final long timestamp, final float[] val, final int errorCount,
        final int priority) {
        DataValidator next = first;
        int i = 0;

        while (next != null) {
            if (i == index) {
                next.put(timestamp, val, errorCount, priority);
                break;
            }

            next = next.sibling();
            i++;
        }
    }

    /**
     * Get the best data triplet of the group.
     *
     * @param timestamp now, microseconds
     * @param index     receives the index of the best sensor in {@code index[0]}, -1 if none
     * @return the best sensor's values (its live array), or null if none has a confidence above 0
     */
    public float[] getBest(final long timestamp, final int[] index) {
        DataValidator next = first;

        // XXX This should eventually also include voting
        final int preCheckBest = currBest;
        float preCheckConfidence = 1.0f;
        int preCheckPrio = -1;
        float maxConfidence = -1.0f;
        int maxPriority = -1000;
        int maxIndex = -1;
        DataValidator best = null;

        int i = 0;

        while (next != null) {
            final float confidence = next.confidence(timestamp);

            if (i == preCheckBest) {
                preCheckPrio = next.priority();
                preCheckConfidence = confidence;
            }

            /*
             * Switch if:
             * 1) the confidence is higher and priority is equal or higher
             * 2) the confidence is less than 1% different and the priority is higher
             */
            if ((((maxConfidence < MIN_REGULAR_CONFIDENCE) && (confidence >= MIN_REGULAR_CONFIDENCE))
                || (confidence > maxConfidence && (next.priority() >= maxPriority))
                || (Math.abs(confidence - maxConfidence) < 0.01f && (next.priority() > maxPriority)))
                && (confidence > 0.0f)) {
                maxIndex = i;
                maxConfidence = confidence;
                maxPriority = next.priority();
                best = next;
            }

            next = next.sibling();
            i++;
        }

        /* the current best sensor is not matching the previous best sensor,
         * or the only sensor went bad */
        if (maxIndex != currBest || ((maxConfidence < FLT_EPSILON) && (currBest >= 0))) {
            boolean trueFailsafe = true;

            /* check whether the switch was a failsafe or preferring a higher priority sensor */
            if (preCheckPrio != -1 && preCheckPrio < maxPriority
                && Math.abs(preCheckConfidence - maxConfidence) < 0.1f) {
                /* this is not a failover */
                trueFailsafe = false;

                /* reset error flags, this is likely a hotplug sensor coming online late */
                if (best != null) {
                    best.resetState();
                }
            }

            /* if we're no initialized, initialize the bookkeeping but do not count a failsafe */
            if (currBest < 0) {
                prevBest = maxIndex;

            } else {
                /* we were initialized before, this is a real failsafe */
                prevBest = preCheckBest;

                if (trueFailsafe) {
                    toggleCount++;

                    /* if this is the first time, log when we failed */
                    if (firstFailoverTime == 0) {
                        firstFailoverTime = timestamp;
                    }
                }
            }

            /* for all cases we want to keep a record of the best index */
            currBest = maxIndex;
        }

        index[0] = maxIndex;
        return (best != null) ? best.value() : null;
    }

    /** @return the number of failover events */
    public int failoverCount() {
        return toggleCount;
    }

    /** @return the timestamp of the first failover, 0 if none occured */
    public long firstFailoverTime() {
        return firstFailoverTime;
    }

    /** @return index of the failed sensor in the group, -1 if none */
    public int failoverIndex() {
        DataValidator next = first;
        int i = 0;

        while (next != null) {
            if (next.used() && (next.state() != DataValidator.ERROR_FLAG_NO_ERROR) && (i == prevBest)) {
                return i;
            }

            next = next.sibling();
            i++;
        }

        return -1;
    }

    /** @return bitmask with error states of the failed sensor */
    public int failoverState() {
        DataValidator next = first;
        int i = 0;

        while (next != null) {
            if (next.used() && (next.state() != DataValidator.ERROR_FLAG_NO_ERROR) && (i == prevBest)) {
                return next.state();
            }

            next = next.sibling();
            i++;
        }

        return DataValidator.ERROR_FLAG_NO_ERROR;
    }

    /**
     * @param index sensor index
     * @return bitmask with error states of the sensor, UINT32_MAX (-1 as int) if not found
     */
    public int getSensorState(final int index) {
        DataValidator next = first;
        int i = 0;

        while (next != null) {
            if (i == index) {
                return next.state();
            }

            next = next.sibling();
            i++;
        }

        // sensor index not found
        return UINT32_MAX;
    }

    /**
     * @param index sensor index
     * @return priority of the sensor, 0 if not found
     */
    public int getSensorPriority(final int index) {
        DataValidator next = first;
        int i = 0;

        while (next != null) {
            if (i == index) {
                return next.priority();
            }

            next = next.sibling();
            i++;
        }

        // sensor index not found
        return 0;
    }
}
