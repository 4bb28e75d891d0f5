/**
 * The YAML layer shared by hardware profiles and scenarios: composes files with snakeyaml-engine keeping line
 * numbers, reads fields with typed accessors, checks units and ranges, and reports every problem as a
 * {@link org.bftvote.sim.yaml.ProfileException} naming file, line, field and what was expected.
 *
 * <p>Quantities are always written {@code {value: <number>, unit: <symbol>}}; see {@link org.bftvote.sim.yaml.Unit}
 * for the accepted symbols and {@link org.bftvote.sim.yaml.Dimension} for the canonical unit each is converted to.
 *
 * <p>Layer: the lowest harness layer: imports no other harness package.
 */
package org.bftvote.sim.yaml;
