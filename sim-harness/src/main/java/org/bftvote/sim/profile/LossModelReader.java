package org.bftvote.sim.profile;

import org.bftvote.sim.yaml.ProfileException;
import org.bftvote.sim.yaml.YMap;
import org.bftvote.sim.yaml.YNode;
import org.bftvote.sim.yaml.YamlName;

/**
 * Reads a loss model: {@code {model: independent, probability: P}} or
 * {@code {model: gilbert_elliott, p: P, r: R, h: H, k: K}}.
 */
public final class LossModelReader {

    /** The loss models a file may name. */
    enum Model implements YamlName {
        INDEPENDENT("independent"), GILBERT_ELLIOTT("gilbert_elliott");

        private final String yamlName;

        Model(final String yamlName) {
            this.yamlName = yamlName;
        }

        @Override
        public String yamlName() {
            return yamlName;
        }
    }

    private LossModelReader() {
    }

    /**
     * Reads a loss model from a node.
     *
     * @param node the mapping node
     * @return the loss model
     * @throws ProfileException if a field is missing, unknown, of the wrong type or not a probability
     */
    public static LossModel read(final YNode node) throws ProfileException {
        final YMap map = node.asMap();
        final LossModel model;
        if (map.choice("model", Model.class) == Model.INDEPENDENT) {
            model = new LossModel.Independent(map.number("probability", 0.0, 1.0));
        } else {
            model = new LossModel.GilbertElliott(map.number("p", 0.0, 1.0), map.number("r", 0.0, 1.0),
                map.number("h", 0.0, 1.0), map.number("k", 0.0, 1.0));
        }
        map.finish();
        return model;
    }
}
