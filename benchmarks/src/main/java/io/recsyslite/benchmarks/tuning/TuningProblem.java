package io.recsyslite.benchmarks.tuning;

import io.recsyslite.core.internal.tuning.Direction;
import io.recsyslite.core.internal.tuning.Objective;
import io.recsyslite.core.spi.ParamSpace;
import java.util.function.LongFunction;

/**
 * Something to tune in a sampler comparison.
 *
 * @param name      shown in the report
 * @param space     the parameters searched
 * @param direction whether larger or smaller values are better
 * @param objective a fresh objective for a run with the given seed (noise, training seed)
 */
public record TuningProblem(String name, ParamSpace space, Direction direction, LongFunction<Objective> objective) {
}
