package io.recsyslite.benchmarks.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.spi.Algorithms;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecommenderSamplerComparisonTest {
    @Test
    void tunesARealModelOnTheValidationSplitWithPinnedParametersLeftAlone() throws Exception {
        TuningProblem problem = RecommenderSamplerComparison.problem("als-shop", Algorithms.discover().get("als"),
                RecommenderSamplerComparison.dataset("shop:3000"), Map.of("iterations", "2"));
        assertThat(problem.space().spec("iterations").tunable()).isFalse();
        assertThat(problem.space().spec("factors").tunable()).isTrue();

        SamplerComparison.Comparison c = SamplerComparison.compare(problem, 3, new long[] {1});
        for (SamplerComparison.Run run : c.tpe()) {
            assertThat(run.finalBest()).isBetween(0.0, 1.0).isGreaterThan(0.0);
        }
        assertThat(c.random().get(0).bestSoFar()).hasSize(3);
    }
}
