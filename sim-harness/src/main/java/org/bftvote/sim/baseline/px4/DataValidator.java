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
 * Java port of PX4-Autopilot src/modules/sensors/data_validator/DataValidator.hpp and DataValidator.cpp at commit
 * 25ed6b67fb1174d88b4834076ec812c3fabd139d (github.com/PX4/PX4-Autopilot), by Lorenz Meier <lorenz@px4.io>.
 * Changes from the original: C++ to Java (float kept as float; uint32/uint64 counters as int/long compared
 * unsigned where the C++ compares them), method names in Java case, the timestamp passed in by the caller instead
 * of hrt_absolute_time(), and print() left out (it only logs). Logic and constants are unchanged.
 */
package org.bftvote.sim.baseline.px4;

/**
 * A data validation class to identify anomalies in data streams: PX4's {@code DataValidator}. It keeps the last
 * value, a low-pass value, a running mean and RMS of the deviation from the low pass (for display only), an error
 * density from the driver's error count, and a count of identical values in a row; {@link #confidence} turns
 * no data, timeout, stale (same value), error count and error density into a number between 0 and 1. It never
 * looks at the value itself against anything else.
 */
public final class DataValidator {
    /** Values per sample (a 3D vector; scalars use the first entry, the others are 0). */
    public static final int DIMENSIONS = 3;

    /** Data validator error state: none. */
    public static final int ERROR_FLAG_NO_ERROR = 0x00000000;
    /** Data validator error state: no data yet. */
    public static final int ERROR_FLAG_NO_DATA = 0x00000001;
    /** Data validator error state: the same value too many times in a row. */
    public static final int ERROR_FLAG_STALE_DATA = 0x00000001 << 1;
    /** Data validator error state: no sample within the timeout. */
    public static final int ERROR_FLAG_TIMEOUT = 0x00000001 << 2;
    /** Data validator error state: driver error count above {@code NORETURN_ERRCOUNT}. */
    public static final int ERROR_FLAG_HIGH_ERRCOUNT = 0x00000001 << 3;
    /** Data validator error state: error density above the window. */
    public static final int ERROR_FLAG_HIGH_ERRDENSITY = 0x00000001 << 4;

    /** If the error count reaches this value, return sensor as invalid. */
    private static final int NORETURN_ERRCOUNT = 10000;
    /** Window in measurement counts for errors. */
    private static final float ERROR_DENSITY_WINDOW = 100.0f;
    /** If the sensor value is the same (accumulated also between axes) this many times, flag it. */
    private static final int VALUE_EQUAL_COUNT_DEFAULT = 100;

    /** Sensor error state. */
    private int errorMask = ERROR_FLAG_NO_ERROR;
    /** Interval in which the datastream times out in us (uint32). */
    private int timeoutInterval = 40000;
    /** Last timestamp (us). */
    private long timeLast;
    /** Total data counter. */
    private long eventCount;
    /** Error count (uint32). */
    private int errorCount;
    /** Ratio between successful reads and errors. */
    private int errorDensity;
    /** Sensor nominal priority (uint8). */
    private int priority;

    private final float[] mean = new float[DIMENSIONS];
    private final float[] lp = new float[DIMENSIONS];
    private final float[] m2 = new float[DIMENSIONS];
    private final float[] rms = new float[DIMENSIONS];
    private final float[] value = new float[DIMENSIONS];
    /** Scratch for the scalar {@code put}, as the C++ stack array {@code float data[dimensions] = {val}}. */
    private final float[] scalar = new float[DIMENSIONS];

    /** Equal values in a row (unsigned). */
    private int valueEqualCount;
    /** When to consider an equal count as a problem. */
    private int valueEqualCountThreshold = VALUE_EQUAL_COUNT_DEFAULT;

    /** Sibling in the group. */
    private DataValidator sibling;

    /** Creates a validator with the PX4 defaults (timeout 40 ms, stale after 100 equal values). */
    public DataValidator() {
        // Fields carry the defaults, as the C++ member initialisers.
    }

    /**
     * Put an item into the validator.
     *
     * @param timestamp   sample time, microseconds
     * @param val         item to put
     * @param errorCountIn the driver's error count
     * @param priorityIn  the sensor's priority (0..255)
     */
    public void put(final long timestamp, final float val, final int errorCountIn, final int priorityIn) {
        // sets the first value and all others to 0
        scalar[0] = val;
        scalar[1] = 0.0f;
        scalar[2] = 0.0f;
        put(timestamp, scalar, errorCountIn, priorityIn);
    }

    /**
     * Put a 3D item into the validator.
     *
     * @param timestamp   sample time, microseconds
     * @param val         item to put ({@link #DIMENSIONS} values)
     * @param errorCountIn the driver's error count
     * @param priorityIn  the sensor's priority (0..255)
     */
    public void put(final long timestamp, final float[] val, final int errorCountIn, final int priorityIn) {
        eventCount++;

        if (Integer.compareUnsigned(errorCountIn, errorCount) > 0) {
            errorDensity += errorCountIn - errorCount;

        } else if (errorDensity > 0) {
            errorDensity--;
        }

        errorCount = errorCountIn;
        priority = priorityIn & 0xFF;

        for (int i = 0; i < DIMENSIONS; i++) {
            if (Float.isFinite(val[i])) {
                if (timeLast == 0) {
                    mean[i] = 0;
                    lp[i] = val[i];
                    m2[i] = 0;

                } else {
                    final float lpVal = val[i] - lp[i];

                    final float deltaVal = lpVal - mean[i];
                    mean[i] += deltaVal / eventCount;
                    m2[i] += deltaVal * (lpVal - mean[i]);
                    rms[i] = (float) Math.sqrt(m2[i] / (eventCount - 1));

                    if (Math.abs(value[i] - val[i]) < 0.000001f) {
                        valueEqualCount++;

                    } else {
                        valueEqualCount = 0;
                    }
                }

                // XXX replace with better filter, make it auto-tune to update rate
                lp[i] = lp[i] * 0.99f + 0.01f * val[i];

                value[i] = val[i];
            }
        }

        timeLast = timestamp;
    }

    /**
     * Get the confidence of this validator.
     *
     * @param timestamp now, microseconds
     * @return the confidence between 0 and 1
     */
    public float confidence(final long timestamp) {
        float ret = 1.0f;

        /* check if we have any data */
        if (timeLast == 0) {
            errorMask |= ERROR_FLAG_NO_DATA;
            ret = 0.0f;

        } else if (Long.compareUnsigned(timestamp, timeLast + Integer.toUnsignedLong(timeoutInterval)) > 0) {
            /* timed out - that's it */
            errorMask |= ERROR_FLAG_TIMEOUT;
            ret = 0.0f;

        } else if (Integer.compareUnsigned(valueEqualCount, valueEqualCountThreshold) > 0) {
            /* we got the exact same sensor value N times in a row */
            errorMask |= ERROR_FLAG_STALE_DATA;
            ret = 0.0f;

        } else if (Integer.compareUnsigned(errorCount, NORETURN_ERRCOUNT) > 0) {
            /* check error count limit */
            errorMask |= ERROR_FLAG_HIGH_ERRCOUNT;
            ret = 0.0f;

        } else if (errorDensity > ERROR_DENSITY_WINDOW) {
            /* cap error density counter at window size */
            errorMask |= ERROR_FLAG_HIGH_ERRDENSITY;
            errorDensity = (int) ERROR_DENSITY_WINDOW;
        }

        /* no critical errors */
        if (ret > 0.0f) {
            /* return local error density for last N measurements */
            ret = 1.0f - (errorDensity / ERROR_DENSITY_WINDOW);

            if (ret > 0.0f) {
                errorMask = ERROR_FLAG_NO_ERROR;
            }
        }

        return ret;
    }

    /** @return the next sibling in the group, or null */
    public DataValidator sibling() {
        return sibling;
    }

    /** @param newSibling the next node in the group */
    public void setSibling(final DataValidator newSibling) {
        sibling = newSibling;
    }

    /** @return the error count of this validator (uint32) */
    public int errorCount() {
        return errorCount;
    }

    /** @return the stored values (the live array, as the C++ pointer) */
    public float[] value() {
        return value;
    }

    /** @return true if this validator ever saw data */
    public boolean used() {
        return timeLast > 0;
    }

    /** @return the stored priority */
    public int priority() {
        return priority;
    }

    /** @return the bitmask with the error status */
    public int state() {
        return errorMask;
    }

    /** Reset the error state of this validator. */
    public void resetState() {
        errorMask = ERROR_FLAG_NO_ERROR;
    }

    /** @return the stored RMS values (the live array) */
    public float[] rms() {
        return rms;
    }

    /** @param timeoutIntervalUs the timeout interval in microseconds */
    public void setTimeout(final int timeoutIntervalUs) {
        timeoutInterval = timeoutIntervalUs;
    }

    /** @param threshold the number of equal values before considering the sensor stale */
    public void setEqualValueThreshold(final int threshold) {
        valueEqualCountThreshold = threshold;
    }

    /** @return the timeout interval in microseconds */
    public int getTimeout() {
        return timeoutInterval;
    }
}
