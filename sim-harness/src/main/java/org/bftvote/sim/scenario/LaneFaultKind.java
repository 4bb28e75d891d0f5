package org.bftvote.sim.scenario;

import org.bftvote.sim.yaml.YamlName;

/**
 * A fault of a whole lane (computer), as seen by the other lanes through the exchange.
 */
public enum LaneFaultKind implements YamlName {
    /** The lane stops sending from the fault time on (benign, manifest to every receiver). */
    CRASH("crash"),
    /** Each of the lane's messages is lost with the given probability (benign when detected). */
    OMISSION("omission"),
    /**
     * The lane sends its readings offset by offset_fraction of each signal's range to the victims (one fraction for
     * all, or one each) and correct readings to the others (asymmetric, Byzantine).
     */
    TWO_FACED("two_faced"),
    /** The lane sends random but well-formed values to every receiver alike (symmetric). */
    GARBAGE("garbage"),
    /**
     * The lane sends late by delay; the victims reject the late messages, the others accept them (slightly-off-
     * specification).
     */
    OFF_SPEC_TIMING("off_spec_timing"),
    /** The lane sends extra messages at rate outside its schedule (babbling idiot). */
    BABBLING("babbling"),
    /**
     * The lane computer goes down for duration (silent: it sends and hears nothing), then restarts as a fresh
     * pipeline that does not know the frame number and takes it, and the agreed state, from the others.
     */
    REBOOT("reboot"),
    /**
     * The lane computer stops for duration (a stalled process: it sends and hears nothing), then resumes where it
     * stopped, with its own frame count, behind the others.
     */
    STALL("stall");

    private final String yamlName;

    LaneFaultKind(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
