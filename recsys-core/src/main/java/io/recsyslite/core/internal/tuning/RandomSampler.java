package io.recsyslite.core.internal.tuning;

import io.recsyslite.core.spi.ParamSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Independent uniform draws (on a log scale for log parameters). The baseline TPE must beat, and
 * what {@link TpeSampler} does for its first trials. Immutable and thread-safe.
 */
public final class RandomSampler implements Sampler {
    private final long seed;

    public RandomSampler(long seed) {
        this.seed = seed;
    }

    @Override
    public Map<String, Object> sample(ParamSpace space, List<Trial> finished, Direction direction, int trialNumber) {
        SplittableRandom rng = trialRandom(seed, trialNumber);
        Map<String, Object> values = new LinkedHashMap<>();
        for (SearchDimension d : SearchDimension.tunable(space.specs())) {
            values.put(d.name(), d.uniform(rng));
        }
        return values;
    }

    /** The random stream of one trial: depends on the seed and the trial number only. */
    static SplittableRandom trialRandom(long seed, int trialNumber) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + trialNumber * 0xBF58476D1CE4E5B9L + 1);
    }
}
