/**
 * Hardware profiles: immutable records for buses, sensor modules and platforms, the readers that build them from
 * {@code hw-profiles/} YAML files with full validation, and {@link org.bftvote.sim.profile.ProfileCatalog}, which
 * loads a whole directory and resolves references between files.
 *
 * <p>Every number in a record is in the canonical unit of its dimension (see {@link org.bftvote.sim.yaml.Dimension});
 * absent optional numbers are NaN.
 *
 * <p>Layer: above {@code yaml}; imports only {@code yaml}.
 */
package org.bftvote.sim.profile;
