/**
 * Baselines bftvote is compared with: the Java port of PX4's sensor selection ({@code DataValidatorGroup},
 * {@link org.bftvote.sim.baseline.px4}, PX4's BSD-3-Clause notice kept) and
 * {@link org.bftvote.sim.baseline.Px4Selector}, which drives it as PX4's sensors module does. The one home of the
 * port: the comparisons, tests and benchmarks that use it live in the harness, and the library depends on none of it.
 *
 * <p>Layer: beside {@code yaml}, the lowest harness rank; imports no other harness package.
 */
package org.bftvote.sim.baseline;
