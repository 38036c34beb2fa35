package io.recsyslite.benchmarks.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.internal.tuning.Direction;
import io.recsyslite.core.internal.tuning.Trial;
import io.recsyslite.core.internal.tuning.TrialState;
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
    void pairedComparisonCountsSeedsAndUsesEachSeedsOwnRandomBestAsTheSecondTarget() {
        TuningProblem problem = new TuningProblem("p", new io.recsyslite.core.spi.ParamSpace(List.of()),
                Direction.MAXIMIZE, seed -> null);
        List<SamplerComparison.Run> tpe = List.of(new SamplerComparison.Run(1, new double[] {0.1, 0.5, 0.9}),
                new SamplerComparison.Run(2, new double[] {0.2, 0.2, 0.2}));
        List<SamplerComparison.Run> random = List.of(new SamplerComparison.Run(1, new double[] {0.1, 0.3, 0.3}),
                new SamplerComparison.Run(2, new double[] {0.2, 0.2, 0.6}));
        var text = new java.io.ByteArrayOutputStream();
        // target = mean random final best = 0.45: tpe 2 vs random missed (4) on seed 1, missed vs 3 on seed 2
        SamplerComparison.printPaired(new java.io.PrintStream(text, true), new SamplerComparison.Comparison(problem, 3, tpe, random), 0.45);
        assertThat(text.toString())
                .contains("fewer trials on 1 seeds, more on 1, as many on 0; trials saved per seed 0.5")
                .contains("tpe 3.0 trials (1 missed), random 2.5");
    }

    @Test
    void bootstrapIntervalOfAConstantIsThatConstantAndOtherwiseBracketsTheMean() {
        assertThat(SamplerComparison.bootstrapMeanInterval(new double[] {3, 3, 3}, 1000, 1)).containsExactly(3.0, 3.0);
        double[] interval = SamplerComparison.bootstrapMeanInterval(new double[] {0, 10, 2, 8, 4, 6}, 1000, 1);
        assertThat(interval[0]).isBetween(1.0, 5.0);
        assertThat(interval[1]).isBetween(5.0, 9.0);
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
