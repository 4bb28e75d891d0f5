package org.bftvote.sim.profile;

import org.bftvote.sim.yaml.YamlName;

/**
 * How a bus receiver detects corrupted frames.
 */
public enum ErrorDetection implements YamlName {
    /** No error detection. */
    NONE("none"),
    /** One odd-parity bit per word (ARINC 429): catches every odd number of flipped bits. */
    ODD_PARITY("odd_parity"),
    /** Manchester-code validity plus one parity bit per word (MIL-STD-1553B). */
    MANCHESTER_PARITY("manchester_parity"),
    /** CAN CRC-15. */
    CRC15("crc15"),
    /** CAN FD CRC-17 or CRC-21 (by payload length). */
    CRC17_21("crc17_21"),
    /** CRC-24 (TTP/C). */
    CRC24("crc24"),
    /** Ethernet CRC-32 frame check sequence. */
    CRC32("crc32");

    private final String yamlName;

    ErrorDetection(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
