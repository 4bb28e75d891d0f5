package org.bftvote.sim.profile;

/**
 * One bus instance on a platform.
 *
 * @param name    the instance's name on the platform, e.g. {@code "a629-left"}
 * @param profile the bus profile it is an instance of
 * @param role    what the platform uses it for
 */
public record BusAttachment(String name, BusProfile profile, BusRole role) {
}
