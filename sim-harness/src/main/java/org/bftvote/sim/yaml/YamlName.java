package org.bftvote.sim.yaml;

/**
 * An enum constant with the exact spelling it has in YAML files.
 */
public interface YamlName {

    /**
     * Returns the spelling of this constant in YAML, e.g. {@code "gilbert_elliott"}.
     *
     * @return the YAML name
     */
    String yamlName();
}
