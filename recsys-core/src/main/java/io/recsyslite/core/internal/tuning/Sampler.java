package io.recsyslite.core.internal.tuning;

import io.recsyslite.core.spi.ParamSpace;
import java.util.List;
import java.util.Map;

/**
 * Chooses the parameters of the next trial. A seeded sampler draws trial {@code n} from a random
 * stream derived from (seed, n) alone, so a run, and a resumed run, is reproducible.
 */
public interface Sampler {
    /**
     * @param space       the algorithm's parameters; only {@code tunable} ones are sampled
     * @param finished    every finished trial of the study so far (any state), oldest first
     * @param trialNumber number of the trial being started
     * @return a value (Integer, Double or String) for each tunable parameter of {@code space}
     */
    Map<String, Object> sample(ParamSpace space, List<Trial> finished, Direction direction, int trialNumber);
}
