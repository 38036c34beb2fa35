package io.recsyslite.benchmarks.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.tuning.Direction;
import io.recsyslite.core.tuning.Trial;
import io.recsyslite.core.tuning.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SamplerComparisonTest {
    private static Trial trial(int number, TrialState state, double value) {
        return new Trial(number, state, value, Map.of(), new TreeMap<>(), null, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void bestSoFarSkipsFailedTrialsAndTrialsToReachCountsFromOne() {
        List<Trial> trials = List.of(trial(0, TrialState.FAIL, Double.NaN), trial(1, TrialState.COMPLETE, 0.3),
                trial(2, TrialState.PRUNED, 0.9), trial(3, TrialState.COMPLETE, 0.5), trial(4, TrialState.COMPLETE, 0.4));
        double[] best = SamplerComparison.bestSoFar(trials, Direction.MAXIMIZE);
        assertThat(best).containsExactly(Double.NaN, 0.3, 0.3, 0.5, 0.5);
        SamplerComparison.Run run = new SamplerComparison.Run(1, best);
        assertThat(SamplerComparison.trialsToReach(run, 0.45, Direction.MAXIMIZE)).isEqualTo(4);
        assertThat(SamplerComparison.trialsToReach(run, 0.3, Direction.MAXIMIZE)).isEqualTo(2);
        assertThat(SamplerComparison.trialsToReach(run, 0.6, Direction.MAXIMIZE)).isEqualTo(-1);
    }

    @Test
    void theSyntheticProblemsHaveTheirKnownOptima() throws Exception {
        TuningProblem hartmann = SyntheticProblems.noisyHartmann6();
        var params = hartmann.space().resolve(Map.of("x1", 0.20169, "x2", 0.150011, "x3", 0.476874, "x4", 0.275332,
                "k5", 6, "x6", "0.6"));
        assertThat(hartmann.objective().apply(1).evaluate(params, null)).isBetween(-3.4, -3.1);
        TuningProblem branin = SyntheticProblems.noisyBranin();
        var best = branin.space().resolve(Map.of("x1", Math.PI, "x2", 2.275, "reg", 1e-3, "depth", 16, "loss", "warp"));
        assertThat(branin.objective().apply(1).evaluate(best, null)).isBetween(0.2, 0.6);
    }
}
