/**
 * Java port of PX4-Autopilot's {@code src/modules/sensors/data_validator} ({@code DataValidator},
 * {@code DataValidatorGroup}) at commit 25ed6b67fb1174d88b4834076ec812c3fabd139d, BSD-3-Clause (the notice is at the
 * top of each file): float arithmetic, constants and the {@code put}/{@code confidence}/{@code get_best} logic
 * unchanged. A baseline, not part of bftvote's voting.
 *
 * <p>Layer: part of {@code baseline}.
 */
package org.bftvote.sim.baseline.px4;
